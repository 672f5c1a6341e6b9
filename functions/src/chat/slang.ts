/**
 * Residents' spellings read in the documents' words: chat slang, common typos, and English names typed in Thai
 * letters. Applied to a question's normalised text before anything else reads it.
 */

/** Spellings of chat (slang, common typos) in the words the documents use; whole words only where ambiguous. */
const SLANG: Array<[RegExp, string]> = [
  [/ตังค์|ตังส์|ตัง(?=ไป|เท่า|กี่|ที่|$|\s)/gu, 'เงิน'],
  [/เปอร์(?!เซ็น)/gu, 'เปอร์เซ็นต์'],
  // (The segmenter cuts "เปอร์|เซ็น" into two unknown words: the documents' ร้อยละ.)
  [/เปอร์\s*เซ็?น(?:ต์)?/gu, 'ร้อยละ'],
  [/อะรัย|อาราย|อะไย/gu, 'อะไร'],
  [/(?<![ก-๙])ไร(?=บ้าง|มั่ง|$|\s)/gu, 'อะไร'],
  [/เวป|เว็ป|เวบ/gu, 'เว็บ'],
  [/โคงการ|โครการ|โครงกาน|โคงกาน/gu, 'โครงการ'],
  [/บ้างง+/gu, 'บ้าง'],
  // A closing particle glued to the last word ("ต่อปีอะ", "เท่าไหร่อ่ะ"); not the end of a word ("เยอะ").
  [/(?<=ปี|ไหร่|ไร|ไหน|บ้าง|ไง|มั้ย|ไหม|ล่ะ|บาท|อัน|วัน)(?:อ่ะ|อะ)(?=\s|$|[?!])/gu, ''],
  [/ปะ(?=จำ|มาณ|ชาชน|ชาคม|กาศ|เมิน|โยชน์)/gu, 'ประ'],
  [/ปชช\.?/gu, 'ประชาชน'],
  [/จนท\.?/gu, 'เจ้าหน้าที่'],
  [/(?<=ได้|มี|ใช่|จริง)(?:ป่าว|ปะ|เปล่า)(?=[?\s]|$)/gu, 'ไหม'],
  [/รร\./gu, 'โรงเรียน'],
  [/งบประมาน/gu, 'งบประมาณ'],
  // ฏ for ฎ: "กฏหมาย", "กฏ" are กฎหมาย, กฎ.
  [/กฏ/gu, 'กฎ'],
  // A report's period in everyday words.
  [/ครึ่งปี(?:แรก)?/gu, 'รอบ 6 เดือน'],
  [/ภาพรวม/gu, 'ทั้งหมด'],
  // Words the segmenter cuts wrongly when glued to their neighbours ("…ด้วยเหรอ", "ผลออกมา").
  [/เหรอ|(?<![ก-๙])หรอ(?![ก-๙])/gu, ' หรือ '],
  [/ผลออกมา/gu, 'ผล ออกมา'],
  // Spelt as said (a farmer's phonetic typing, Isan's ไผ for ใคร).
  [/เทดสะบาน|เทศบาน/gu, 'เทศบาล'],
  [/บัดคิว|บัตคิว/gu, 'บัตรคิว'],
  [/(?<![ก-๙])เปน(?![ก-๙])|(?<=[ก-๙])เปน(?=[ก-๙])/gu, 'เป็น'],
  [/(?<![ก-๙])ไผ(?=รับผิดชอบ|ดูแล|ทำ|\s|$)/gu, 'ใคร'],
  // Units by their usual abbreviations (with the dot, or standing alone).
  [/สป\.|(?<![ก-๙])สป(?![ก-๙])/gu, 'สำนักปลัด'],
  [/กค\.|(?<![ก-๙])กค(?![ก-๙])/gu, 'กองคลัง'],
  [/กช\.|(?<![ก-๙])กช(?![ก-๙])/gu, 'กองช่าง'],
  [/กศ\.|(?<![ก-๙])กศ(?![ก-๙])/gu, 'กองการศึกษา'],
  [/กสธ\.|(?<![ก-๙])กสธ(?![ก-๙])/gu, 'กองสาธารณสุข'],
  // English names the plans print in Latin letters, typed in Thai letters ("โนกิ๊ฟโพลิซี่" is "No Gift Policy").
  [/โน\s*กิ[่้๊๋]?ฟ(?:ท์|ต์)?/gu, ' no gift '],
  [/(?:โพ|พอ)ลิซี[่้]?/gu, ' policy '],
  [/คิว\s*อาร์\s*โค[้๊]?ด/gu, ' qr code '],
  [/อี\s*-?\s*เซอ(?:ร์)?วิส/gu, ' e-service '],
  [/คุ[ณน]ธั?ม(?!ม)|คุนธรรม/gu, 'คุณธรรม'],
];

/** A question's normalised text with its chat spellings replaced by the documents' words. */
export function inDocumentWords(text: string): string {
  let out = text;
  for (const [re, to] of SLANG) out = out.replace(re, to);
  return out;
}
