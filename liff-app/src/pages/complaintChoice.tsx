import type { ComponentChild } from 'preact';
import { Link } from '../lib/ui.ts';

export default function ComplaintChoice(): ComponentChild {
  return (
    <div>
      <p>เลือกประเภทเรื่องที่ต้องการแจ้ง เรื่องทั้งสองประเภทแยกช่องทางกัน</p>
      <ul class="choices">
        <li>
          <Link to="complaints/new/general" class="choice-card">
            <strong>เรื่องร้องเรียนทั่วไป</strong>
            <span>ปัญหาในชุมชน เช่น ไฟถนนดับ ถนนชำรุด ขยะไม่ได้เก็บ น้ำประปา ท่อระบายน้ำ เสียงดัง สัตว์จรจัด หรือการให้บริการของเจ้าหน้าที่</span>
            <small>เจ้าหน้าที่รับเรื่องจะเห็นชื่อของคุณ เพื่อติดต่อและแจ้งผลกลับทาง LINE</small>
          </Link>
        </li>
        <li>
          <Link to="complaints/new/corruption" class="choice-card choice-card-integrity">
            <strong>แจ้งเบาะแสการทุจริตและประพฤติมิชอบ</strong>
            <span>เช่น เรียกรับเงินหรือสินบน การจัดซื้อจัดจ้างไม่โปร่งใส การใช้ทรัพย์สินของราชการเพื่อประโยชน์ส่วนตัว</span>
            <small>ช่องทางลับแยกต่างหาก เฉพาะเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริตเท่านั้นที่เปิดอ่านได้ และเลือกไม่ระบุตัวตนได้</small>
          </Link>
        </li>
      </ul>
    </div>
  );
}
