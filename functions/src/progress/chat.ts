/**
 * The chat's live-progress answer: when a question about one project asks how far it got or what it spent
 * ("ทำไปถึงไหนแล้ว", "ใช้งบไปเท่าไร"), the progress staff recorded is put first in the reply, with the date of the data.
 * Wraps the answer engine from outside (app.ts) and changes nothing of its intent or results; without recorded
 * progress the answer is left as it was. Kept apart from chat/ so the chat's owners can move it inside later.
 */
import type { Firestore } from 'firebase-admin/firestore';
import type { Message } from '../chat/types.ts';
import { latestProgress } from './service.ts';

const ASKS_PROGRESS = /ถึงไหน|คืบหน้า|ดำเนินการแล้ว|ดำเนินการไป|ผลการดำเนิน|ผลดำเนิน|เสร็จหรือยัง|เสร็จยัง|เสร็จแล้ว|ทำไปแล้ว|ทำแล้ว|สถานะ/u;
const ASKS_SPENT = /ใช้งบ(?:ประมาณ)?ไป|ใช้ไปแล้ว|ใช้ไปเท่า|ใช้จ่าย|เบิกจ่าย|ใช้เงินไป|จ่ายไปแล้ว|จ่ายไปเท่า/u;
/** LINE takes at most five messages in one reply. */
const MAX_MESSAGES = 5;

export const asksLiveProgress = (text: string) => {
  const compact = text.replace(/\s+/g, '');
  return ASKS_PROGRESS.test(compact) || ASKS_SPENT.test(compact);
};

export async function withLiveProgress<T extends { intent: string; results: Array<{ type: string; id: string }>; messages: Message[] }>(
  db: Firestore,
  orgId: string,
  text: string,
  answer: T,
): Promise<T> {
  const top = answer.results[0];
  if (!answer.intent.startsWith('project') || top?.type !== 'project' || !asksLiveProgress(text)) return answer;
  const live = await latestProgress(db, orgId, top.id);
  if (!live) return answer;
  const result = live.status === 'done' && live.results ? `\nผลการดำเนินการ: ${live.results.length > 300 ? `${live.results.slice(0, 299)}…` : live.results}` : '';
  const message: Message = { type: 'text', text: `ความคืบหน้าล่าสุดของ${live.projectName}\n${live.text}${result}` };
  return { ...answer, messages: [message, ...answer.messages].slice(0, MAX_MESSAGES) };
}
