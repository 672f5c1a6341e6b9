/** Manuals in the LINE chat: the answer engine's manual card and its "ถามต่อ" buttons. */
import type { Firestore } from '../store/firestore.ts';
import type { PostbackHandler } from '../bot/dispatcher.ts';
import type { Message } from '../line/client.ts';
import { liffUrl } from '../line/liff.ts';
import type { CorpusManual, CorpusOrg } from '../search/corpus.ts';
import { manualMessage, manualPartMessage, manualQuickReply, parseManualPostback } from './messages.ts';
import { manualSchema } from './schema.ts';
import { findStoredManual } from './service.ts';

/** The chat engine's manual card, built by this module (it knows its own model), with the organisation's LIFF links. */
export function manualCardFor(liffLocalBase: string | undefined) {
  return (m: CorpusManual, org: CorpusOrg): Message | null => {
    const manual = manualSchema.safeParse(m.source);
    if (!manual.success) return null;
    return manualMessage(manual.data, {
      liffUrl: (path) => liffUrl(org, path, liffLocalBase),
      queuePath: (serviceId) => `queue/${encodeURIComponent(serviceId)}`,
    });
  };
}

/** The card's "ถามต่อ" buttons: `action=manual&id=…&part=documents|time|fee|steps|where`. */
export function manualPostbackHandler(db: Firestore): PostbackHandler {
  return {
    action: 'manual',
    async handle(ctx, params) {
      const asked = parseManualPostback(params.toString());
      const manual = asked ? await findStoredManual(db, ctx.org.id, asked.id) : null;
      if (!asked || !manual) return [{ type: 'text', text: 'ขออภัยค่ะ ไม่พบคู่มือนี้แล้ว พิมพ์ "มีคู่มือบริการอะไรบ้าง" เพื่อดูรายการล่าสุด' }];
      return [{ ...manualPartMessage(manual, asked.part), quickReply: manualQuickReply(manual, asked.part) }];
    },
  };
}
