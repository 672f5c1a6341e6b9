/**
 * Ratings in the LINE chat: "ความพึงพอใจเป็นอย่างไร" (and the like) answers with the latest published results. Register
 * `ratingTextHandlers` BEFORE the chat engine's handler (the engine answers every text). Wanting to rate
 * ("ประเมินความพึงพอใจ", "อยากให้คะแนน") is left to the engine's `rating` intent, which offers the form.
 */
import type { Firestore } from '../store/firestore.ts';
import type { TextHandler } from '../bot/dispatcher.ts';
import { latestSatisfactionSummary, satisfactionMessages } from './chat.ts';
import { links } from './service.ts';

const TOPIC = /ความพึงพอใจ|ผลประเมิน|ผลการประเมิน/u;
const ASKS_FOR_RESULTS = /เป็นอย่างไร|เป็นยังไง|ยังไง|อย่างไร|เท่าไร|เท่าไหร่|กี่|ร้อยละ|เปอร์เซ็น|%|ผล|สรุป|คะแนนเฉลี่ย|สถิติ|ล่าสุด|ปีนี้|เดือนนี้/u;
const WANTS_TO_RATE = /^(?:อยาก|จะ|ขอ|ช่วย)?(?:ให้คะแนน|ประเมินความพึงพอใจ$|ทำแบบประเมิน|ประเมินบริการ|ประเมินการบริการ)|(?:อยาก|จะ|ขอ)(?:ประเมิน|ให้คะแนน)/u;

/** Whether a text asks for the satisfaction results (not to rate). Spaces and punctuation are ignored. */
export function asksForSatisfactionResults(text: string): boolean {
  const t = text.replace(/[\s?？!.,]/g, '');
  // A question about a plan item ("โครงการสำรวจความพึงพอใจงบเท่าไร") is for the answer engine, not these results.
  return TOPIC.test(t) && ASKS_FOR_RESULTS.test(t) && !WANTS_TO_RATE.test(t) && !ABOUT_THE_PLAN.test(t);
}

const ABOUT_THE_PLAN = /โครงการ|กิจกรรม|มาตรการ|งบ(?!้)/u; // not the งบ of "ยังไงบ้าง"

export function ratingTextHandlers(deps: { db: Firestore; liffLocalBase?: string | undefined }): TextHandler[] {
  return [
    {
      name: 'rating-results',
      scope: 'any',
      async handle(ctx, text) {
        if (!asksForSatisfactionResults(text)) return null;
        const summary = await latestSatisfactionSummary(deps.db, ctx.org.id, ctx.now);
        return satisfactionMessages(summary, { results: links.results(deps, ctx.org), rate: links.rate(deps, ctx.org) });
      },
    },
  ];
}
