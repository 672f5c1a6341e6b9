import type { ComponentChild } from 'preact';
import { Link } from '../lib/ui.ts';

export default function NotFound(): ComponentChild {
  return (
    <div>
      <p>ไม่พบหน้าที่คุณเปิด ลิงก์อาจไม่ครบหรือหมดอายุแล้ว</p>
      <p>
        <Link to="">กลับหน้าหลัก</Link>
      </p>
    </div>
  );
}
