import { matchKey } from '../search/normalize.ts';

/**
 * Words that only carry an aspect question, its fillers and politeness ("ใคร|เป็น|ผู้|รับผิดชอบ|คะ", "ทำ|ช่วง|ไหน|ของ|ปี",
 * "หน่วย|ไหน|ดูแล", "อื่น|ใน|มิติ|เดียวกัน|อีก"), in matching form: with an aspect cue and nothing else, the question is
 * about the item the conversation is on.
 */
export const ASPECT_FILLERS: ReadonlySet<string> = new Set(
  `เป็น เปน ผู้ ผู้รับ ที่ ของ คือ ใคร ไหน อะไร ใด ไร หน่วย หน่วยงาน ช่วง ตอน เดือน วัน ไตรมาส ปี จัด ทำ เพื่อ ตัว ชี้ วัด
  เป้าหมาย คะ ค่ะ ครับ คับ จ้า จ้ะ ค่า นะ หน่อย บ้าง ฮะ คน นี้ นั้น นี่ ตรง ไหม มั้ย กี่ บาท เท่าไหร่ เท่าไร อื่น อีก เดียวกัน
  เหมือนกัน แล้ว ล่ะ อยู่ ใน ด้าน เจ้า ภาพ เจ้าภาพ ผล ดู แล ยังไง อย่างไร ไง บอก ขอ ทราบ รู้ อยาก ช่วย ประมาณ กิจกรรม โครงการ
  มาตรการ งาน รายการ อัน ใช้ เงิน งบ ตั้ง วัตถุประสงค์ ประสงค์ ระยะ เวลา ระยะเวลา ดำเนินการ ดำเนิน ทำไม เหตุผล ไว้ ได้ มี
  รายปี ประจำปี ปีละ ต่อปี แต่ละ เพิ่มเติม เพิ่ม เติม รายละเอียด เป้า หมาย โดย กัน ไป มา`
    .split(/\s+/)
    .filter(Boolean)
    .map(matchKey),
);

/** "มิติเดียวกัน", "ภารกิจนี้", "ด้านเดียวกัน": the scope of the item just answered. */
export const SAME_MISSION = /(?:ภารกิจ|ภาระกิจ|mission)(?:ที่)?(?:เดียวกัน|นี้|นั้น)/u;
export const SAME_DIMENSION = /(?:มิติ|มติ|ด้าน|dimension)(?:ที่)?(?:เดียวกัน|นี้|นั้น)/u;

/** The parts of a service manual a question can ask for. */
export type ManualAspect = 'documents' | 'time' | 'fee' | 'amount' | 'steps' | 'where';

export const MANUAL_ASPECTS: Array<[ManualAspect, RegExp]> = [
  ['documents', /เอกสาร|หลักฐาน|ใช้อะไรบ้าง|เตรียมอะไร|ต้องใช้อะไร|เอาอะไรไป|ต้องมีอะไร/u],
  ['time', /กี่วัน|นานไหม|นานมั้ย|นานแค่ไหน|ใช้เวลา|กี่นาที|กี่ชั่วโมง|ระยะเวลา|เดือนไหน|ภายในวัน|ภายในเดือน|เมื่อไห?ร่?|กำหนดเวลา|ทันไหม/u],
  ['fee', /ค่าธรรมเนียม|เสียเงิน|เสียค่า|กี่บาท|ค่าใช้จ่าย|ราคา|ฟรี|เท่าไห?ร่?/u],
  // What a resident receives (an allowance, relief): not a fee paid.
  ['amount', /ได้(?:รับ)?(?:เงิน)?(?:ช่วยเหลือ)?(?:เดือนละ|ปีละ|ครั้งละ|คนละ)|ได้(?:รับ)?เงิน|เดือนละ(?:เท่า|กี่)|ได้(?:รับ)?(?:กี่บาท|เท่าไห?ร่?)|เท่าไห?ร่?.*เดือนละ/u],
  ['steps', /ขั้นตอน|ยังไง|อย่างไร|ทำไง|วิธี|ต้องทำอะไร|ทำอะไรต่อ/u],
  ['where', /ที่ไหน|ตรงไหน|ติดต่อ|สถานที่|ยื่นที่|ไปที่|เบอร์โทร/u],
];

/** The parts of a manual a question asks for ("ได้เงินเดือนละเท่าไหร่" is an amount received, not a fee to pay). */
export function manualAspectsOf(cue: string): ManualAspect[] {
  const found = MANUAL_ASPECTS.filter(([, re]) => re.test(cue)).map(([a]) => a);
  return found.includes('amount') && !/ค่าธรรมเนียม|เสียเงิน|เสียค่า|ค่าใช้จ่าย/u.test(cue) ? found.filter((a) => a !== 'fee') : found;
}
