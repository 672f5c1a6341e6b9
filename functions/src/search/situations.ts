/**
 * Everyday situations that lead to each national-template service (the manual ids every organisation starts with),
 * in the words residents use about their lives rather than the service's name: "ย้ายมาอยู่ใหม่" is แจ้งย้ายเข้า,
 * "คลอดลูก" is แจ้งเกิด. Searched as a field of the manual (weight of other names), never matched as whole questions.
 */
export const MANUAL_SITUATIONS: Readonly<Record<string, readonly string[]>> = {
  'birth-registration': ['คลอดลูก', 'มีลูก', 'ลูกเกิด', 'เด็กเกิดใหม่', 'ทารก', 'สูติบัตร', 'เกิดที่บ้าน'],
  'death-registration': ['มีคนเสียชีวิต', 'เสียชีวิต', 'เพิ่งเสีย', 'เสียที่บ้าน', 'เสียเมื่อคืน', 'คนตาย', 'ตายที่บ้าน', 'ใบมรณบัตร', 'มรณบัตร', 'งานศพ', 'ไม่ตื่น', 'สิ้นใจ', 'สิ้นลม', 'จากไปแล้ว'],
  'move-in': ['ย้ายมาอยู่ใหม่', 'ย้ายบ้านมา', 'ย้ายเข้ามา', 'มาอยู่ใหม่', 'ย้ายทะเบียนบ้านเข้า', 'ย้ายชื่อเข้า', 'เพิ่มชื่อในทะเบียนบ้าน'],
  'move-out': ['ย้ายไปอยู่ที่อื่น', 'ย้ายบ้านออก', 'ย้ายออกไป', 'ย้ายทะเบียนบ้านออก', 'ย้ายชื่อออก', 'ไปอยู่จังหวัดอื่น'],
  'id-card': ['บัตรหาย', 'บัตรประชาชนหาย', 'บัตรหมดอายุ', 'ทำบัตรใหม่', 'อายุครบ 7 ปี', 'บัตรชำรุด', 'เปลี่ยนชื่อ'],
  'building-permit': ['สร้างบ้าน', 'ปลูกบ้าน', 'ต่อเติมบ้าน', 'สร้างอาคาร', 'ดัดแปลงอาคาร', 'สร้างรั้ว', 'สร้างตึก'],
  'demolition-permit': ['รื้อบ้าน', 'ทุบบ้าน', 'รื้ออาคาร', 'รื้อตึก'],
  'commercial-registration': ['เปิดร้าน', 'เปิดกิจการ', 'ทำธุรกิจ', 'ค้าขาย', 'ขายของออนไลน์', 'ขายออนไลน์', 'ไลฟ์สด', 'ขายของในเน็ต', 'ขายเสื้อผ้า', 'ทะเบียนการค้า'],
  'health-hazard-license': ['เปิดร้านเสริมสวย', 'เลี้ยงสัตว์', 'ตั้งโรงงาน', 'กลิ่นเหม็น', 'ร้านนวด', 'อู่ซ่อมรถ', 'ร้านซักรีด', 'เปิดร้านทำผม', 'เปิดร้านทำเล็บ', 'ร้านทำผม', 'ทำเล็บ', 'ร้านเสริมสวย'],
  'food-premises-license': ['เปิดร้านอาหาร', 'ขายอาหาร', 'ขายของกิน', 'แผงลอย', 'เปิดร้านข้าว', 'เปิดร้านก๋วยเตี๋ยว', 'เปิดร้านกาแฟ', 'ขายข้าว', 'ขายก๋วยเตี๋ยว'],
  'land-building-tax': ['มีที่ดิน', 'เสียภาษีบ้าน', 'ภาษีบ้าน', 'ภาษีที่ดิน', 'ภาษีโรงเรือน', 'เจ้าของที่ดิน', 'ซื้อที่ดิน', 'ซื้อที่นา', 'ที่นา', 'ที่สวน', 'ที่ไร่'],
  'signboard-tax': ['ติดป้ายร้าน', 'ป้ายโฆษณา', 'ขึ้นป้าย', 'ป้ายหน้าร้าน', 'ติดป้าย', 'ป้ายชื่อร้าน'],
  'elderly-allowance': ['อายุครบ 60', 'อายุ 60 ปี', 'คนแก่', 'ผู้สูงอายุ', 'เบี้ยคนแก่', 'เงินคนแก่', 'เกษียณ'],
  'disability-allowance': ['พิการ', 'คนพิการ', 'บัตรคนพิการ', 'เบี้ยคนพิการ', 'ทุพพลภาพ'],
  'waste-collection': ['ขยะไม่มีคนเก็บ', 'รถขยะ', 'เก็บขยะ', 'ถังขยะ', 'ค่าขยะ', 'ทิ้งขยะ'],
  'water-supply': ['น้ำไม่ไหล', 'ขอติดมิเตอร์น้ำ', 'ติดตั้งประปา', 'มิเตอร์น้ำ', 'ค่าน้ำ', 'ประปา'],
  'information-request': ['ขอดูเอกสาร', 'ขอสำเนาเอกสาร', 'อยากรู้ข้อมูล', 'ข้อมูลข่าวสาร', 'ขอข้อมูล', 'ข้อมูลทางราชการ', 'ข้อมูลราชการ', 'เอกสารราชการ', 'อย่างเป็นทางการ', 'ขอดูสัญญา'],
  'complaint-process': ['ร้องเรียนแล้วทำอย่างไร', 'ขั้นตอนร้องเรียน', 'ร้องทุกข์'],
  'disaster-relief': ['น้ำท่วม', 'ไฟไหม้', 'บ้านพัง', 'พายุ', 'วาตภัย', 'อุทกภัย', 'ภัยพิบัติ', 'บ้านโดนลม', 'ประสบภัย', 'น้ำป่า', 'ดินถล่ม', 'ดินสไลด์', 'ฟ้าผ่า', 'หลังคาปลิว', 'ภัยแล้ง', 'ถุงยังชีพ', 'เยียวยา', 'ต้นไม้ล้มทับ', 'ล้มทับ', 'ต้นไม้ล้ม', 'ครัวพัง', 'หลังคาพัง', 'ลมพัด'],
};

/**
 * The manual ids whose situations the question names word for word (spaces, tone marks and case aside). A service
 * whose every phrase named lies inside a longer phrase another service names is left out: "เปิดร้านข้าว" is the food
 * shop's licence, not also "เปิดร้าน"'s registration ("สร้างบ้าน" and "ประปา" stay two).
 */
export function situationsNamed(question: string, key: (t: string) => string): string[] {
  const q = key(question);
  const named = Object.entries(MANUAL_SITUATIONS)
    .map(([id, phrases]) => ({ id, said: phrases.map((p) => key(p)).filter((p) => q.includes(p)) }))
    .filter((x) => x.said.length > 0);
  const longer = (p: string, other: { id: string; said: string[] }) => other.said.some((o) => o.length > p.length && o.includes(p));
  return named.filter((x) => !named.some((other) => other.id !== x.id && x.said.every((p) => longer(p, other)))).map((x) => x.id);
}
