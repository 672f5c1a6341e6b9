import { matchKey } from './normalize.ts';

/**
 * Words that carry no topic in a resident's question: polite particles, question words, fillers, pronouns and
 * generic verbs of asking. They are removed from the query's topic terms (never from documents), so
 * "ต้องใช้อะไรบ้าง", "ยังไง", "เท่าไหร่", "คะ/ครับ/อ่ะ/มั้ย" do not pull answers towards text that happens to contain them.
 * Words that carry a sub-question (เอกสาร, ค่าธรรมเนียม, กี่วัน) are NOT here: intent detection reads them.
 */
const WORDS = `
ครับ คับ ครัช ค่ะ คะ ค่า คร้า ค้า จ้ะ จ้า จ๊ะ ฮะ ฮับ นะ น่ะ นะคะ นะครับ อ่ะ อะ อ่า เนี่ย เนี้ย หรอ เหรอ รึ หรือ ป่าว เปล่า มั้ย ไหม มั๊ย มะ
ยังไง อย่างไร ไง ทำไง ทำไม เท่าไหร่ เท่าไร เท่า ไหร่ ไร กี่ อะไร บ้าง ไหน ที่ไหน ใคร เมื่อไร เมื่อไหร่ ตอนไหน ช่วงไหน
คือ เป็น มี ได้ ไหม หน่อย ด้วย จะ ต้อง อยาก รู้ ขอ ถาม สอบถาม ช่วย บอก แนะนำ หา ดู อยู่ แล้ว ก็ กับ และ หรือ แต่ ของ ที่ ใน ให้ ไป มา
ผม ดิฉัน ฉัน หนู เรา เค้า เขา เธอ คุณ พี่ น้อง ท่าน นี้ นั้น นี่ นั่น โน้น อัน ตัว แบบ ว่า คือว่า จริง ๆ ๆ
ล่ะ หละ ละ เลย สิ ซิ เถอะ กัน พวก ทั้ง ทั้งหมด เอา
สวัสดี หวัดดี ขอบคุณ ขอบใจ hello hi
`;

export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean).map(matchKey));

export function isStopword(key: string): boolean {
  return STOPWORDS.has(key);
}
