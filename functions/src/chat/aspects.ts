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
