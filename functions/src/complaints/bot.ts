/**
 * The complaints feature in the LINE chat: tracking codes typed by residents, and the staff card's status buttons.
 * Register `complaintTextHandlers` BEFORE the chat engine's handler (the engine answers every text).
 */
import type { PostbackHandler, TextHandler } from '../bot/dispatcher.ts';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { getStaffMember } from '../staff/store.ts';
import { hasRole } from '../staff/schema.ts';
import { categoryTitles } from './categories.ts';
import { badCodeReply, postbackReply, trackingNotFoundReply, trackingReply } from './messages.ts';
import { changeComplaintStatus, complainantUserId, links, type ComplaintDeps } from './service.ts';
import { getComplaint, getComplaintIdByCode } from './store.ts';
import { findTrackingCode } from './trackingCode.ts';
import { STATUS_LABELS, type Status } from './workflow.ts';

const LOOKS_LIKE_CODE = /(?:^|[^0-9A-Z])RT(?:[\s-]{0,2}[0-9A-Z๐-๙]){6}(?![0-9A-Z])/i;

/**
 * A tracking code typed in a one-on-one chat answers with the case's status and dates, nothing personal. A general
 * complaint's status is shown to whoever has the code (as on the public tracking page); a corruption report only to the
 * LINE user who filed it under their name. Anyone else, and an anonymous report, gets the same "not found" with a link
 * to the tracking page, so the chat never confirms that a report exists. Secrets are never taken in chat.
 */
export function complaintTextHandlers(deps: ComplaintDeps): TextHandler[] {
  return [
    {
      name: 'complaint-tracking-code',
      scope: 'user',
      async handle(ctx, text) {
        if (!LOOKS_LIKE_CODE.test(text)) return null;
        const code = findTrackingCode(text);
        if (!code) return badCodeReply();
        const trackPage = links.track(deps, ctx.org, code);
        const id = await getComplaintIdByCode(deps.db, ctx.org.id, code);
        const c = id ? await getComplaint(deps.db, ctx.org.id, id) : null;
        if (!c) return trackingNotFoundReply(trackPage);
        if (c.kind === 'corruption') {
          const owner = ctx.userId !== undefined && (await complainantUserId(deps, c)) === ctx.userId;
          if (!owner) return trackingNotFoundReply(trackPage);
        }
        const titles = await categoryTitles(deps.db, ctx.org.id);
        return trackingReply(c, titles.get(c.category) ?? c.category, deps.clock.now(), trackPage);
      },
    },
  ];
}

const CARD_MOVES: readonly Status[] = ['acknowledged', 'in_progress', 'resolved'];
const ID = /^[0-9A-Z]{26}$/;

/** Said to the complainant when a case is marked resolved from the group card (no room for a note there). */
export const CARD_RESOLVED_NOTE = 'เจ้าหน้าที่แจ้งว่าดำเนินการแก้ไขเรื่องนี้เรียบร้อยแล้ว หากยังไม่ได้รับการแก้ไข กดแจ้งได้ภายใน 5 วัน';

/**
 * `action=complaint-status&id=..&to=..` from the staff card. The pressing user (LINE puts their id in group postbacks)
 * must be an active officer or admin; the reply in the group says who did what, by the name in the staff record.
 */
export function complaintPostbackHandlers(deps: ComplaintDeps): PostbackHandler[] {
  return [
    {
      action: 'complaint-status',
      async handle(ctx, params) {
        const id = params.get('id') ?? '';
        const to = params.get('to') as Status | null;
        if (!ID.test(id) || !to || !CARD_MOVES.includes(to)) return postbackReply('ปุ่มนี้ใช้ไม่ได้แล้ว กรุณาเปิดรายละเอียดเรื่องในระบบ');
        if (!ctx.userId) return postbackReply('ไม่ทราบว่าใครกดปุ่ม กรุณาเปลี่ยนสถานะในหน้ารายละเอียดเรื่อง');
        const staff = await getStaffMember(deps.db, ctx.org.id, ctx.userId);
        const who = staff?.displayName || 'เจ้าหน้าที่';
        if (!hasRole(staff, 'officer', 'admin')) {
          return postbackReply('ขออภัย เฉพาะเจ้าหน้าที่รับเรื่องหรือผู้ดูแลระบบที่ลงทะเบียนแล้วเท่านั้นที่เปลี่ยนสถานะเรื่องร้องเรียนได้');
        }
        const c = await getComplaint(deps.db, ctx.org.id, id);
        // Corruption reports never have a group card; a forged postback for one is answered as unknown.
        if (!c || c.kind !== 'general') return postbackReply('ไม่พบเรื่องนี้');
        try {
          const { complaint } = await changeComplaintStatus(deps, ctx.org, { userId: ctx.userId, staff }, id, {
            to,
            ...(to === 'resolved' ? { note: CARD_RESOLVED_NOTE } : {}),
          });
          return postbackReply(`${who} เปลี่ยนสถานะเรื่อง ${complaint.trackingCode} เป็น "${STATUS_LABELS[to]}" แล้ว`);
        } catch (err) {
          if (err instanceof ConflictError) {
            const now = await getComplaint(deps.db, ctx.org.id, id);
            return postbackReply(`เรื่อง ${c.trackingCode} อยู่ในสถานะ "${STATUS_LABELS[now?.status ?? c.status]}" แล้ว (${err.publicMessage})`);
          }
          if (err instanceof ForbiddenError || err instanceof NotFoundError || err instanceof ValidationError) return postbackReply(err.publicMessage);
          if (err instanceof DomainError) return postbackReply(err.publicMessage);
          throw err;
        }
      },
    },
  ];
}
