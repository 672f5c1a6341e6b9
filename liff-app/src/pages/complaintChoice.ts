import { h, type ComponentChild } from 'preact';
import { Link } from '../lib/ui.ts';

export default function ComplaintChoice(): ComponentChild {
  return h(
    'div',
    null,
    h('p', null, 'เลือกประเภทเรื่องที่ต้องการแจ้ง เรื่องทั้งสองประเภทแยกช่องทางกัน'),
    h(
      'ul',
      { class: 'choices' },
      h(
        'li',
        null,
        h(
          Link,
          { to: 'complaints/new/general', class: 'choice-card' },
          h('strong', null, 'เรื่องร้องเรียนทั่วไป'),
          h('span', null, 'ปัญหาในชุมชน เช่น ไฟถนนดับ ถนนชำรุด ขยะไม่ได้เก็บ น้ำประปา ท่อระบายน้ำ เสียงดัง สัตว์จรจัด หรือการให้บริการของเจ้าหน้าที่'),
          h('small', null, 'เจ้าหน้าที่รับเรื่องจะเห็นชื่อของคุณ เพื่อติดต่อและแจ้งผลกลับทาง LINE'),
        ),
      ),
      h(
        'li',
        null,
        h(
          Link,
          { to: 'complaints/new/corruption', class: 'choice-card choice-card-integrity' },
          h('strong', null, 'แจ้งเบาะแสการทุจริตและประพฤติมิชอบ'),
          h('span', null, 'เช่น เรียกรับเงินหรือสินบน การจัดซื้อจัดจ้างไม่โปร่งใส การใช้ทรัพย์สินของราชการเพื่อประโยชน์ส่วนตัว'),
          h('small', null, 'ช่องทางลับแยกต่างหาก เฉพาะเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริตเท่านั้นที่เปิดอ่านได้ และเลือกไม่ระบุตัวตนได้'),
        ),
      ),
    ),
  );
}
