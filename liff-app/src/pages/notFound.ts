import { h, type ComponentChild } from 'preact';
import { Link } from '../lib/ui.ts';

export default function NotFound(): ComponentChild {
  return h('div', null, h('p', null, 'ไม่พบหน้าที่คุณเปิด ลิงก์อาจไม่ครบหรือหมดอายุแล้ว'), h('p', null, h(Link, { to: '' }, 'กลับหน้าหลัก')));
}
