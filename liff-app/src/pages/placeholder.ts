import { h, type ComponentChild } from 'preact';
import { Link, Notice } from '../lib/ui.ts';

/** Queue and rating pages arrive with their issues; until then say so plainly. */
export default function Placeholder(): ComponentChild {
  return h(
    'div',
    null,
    h(Notice, { kind: 'info', title: 'เร็ว ๆ นี้' }, h('p', null, 'บริการนี้กำลังจะเปิดให้ใช้งาน ระหว่างนี้ติดต่อได้ที่สำนักงานในเวลาราชการ')),
    h('p', null, h(Link, { to: '' }, 'กลับหน้าหลัก')),
  );
}
