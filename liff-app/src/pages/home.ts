import { h, type ComponentChild } from 'preact';
import { getSession } from '../lib/session.ts';
import { Link } from '../lib/ui.ts';

const SERVICES: Array<{ to: string; title: string; text: string; icon: string }> = [
  { to: 'complaints/new', title: 'ร้องเรียน / แจ้งเรื่อง', text: 'ไฟถนนดับ ถนนชำรุด ขยะ น้ำ หรือแจ้งเบาะแสการทุจริต', icon: '📝' },
  { to: 'complaints/track', title: 'ติดตามเรื่อง', text: 'ดูความคืบหน้าด้วยรหัสติดตาม', icon: '🔎' },
  { to: 'complaints/mine', title: 'เรื่องของฉัน', text: 'เรื่องที่คุณแจ้งด้วยบัญชี LINE นี้', icon: '📂' },
  { to: 'queue', title: 'รับบัตรคิว', text: 'รับคิวล่วงหน้า เรียงตามลำดับมาก่อนได้ก่อน', icon: '🎫' },
  { to: 'ratings/new', title: 'ประเมินความพึงพอใจ', text: 'บอกเราว่าบริการวันนี้เป็นอย่างไร', icon: '⭐' },
  { to: 'stats', title: 'สถิติเรื่องร้องเรียน', text: 'จำนวนเรื่องที่รับ ดำเนินการ และแล้วเสร็จ', icon: '📊' },
  { to: 'ratings/results', title: 'ผลความพึงพอใจ', text: 'ผลประเมินที่เผยแพร่ต่อสาธารณะ', icon: '📈' },
];

export default function Home(): ComponentChild {
  const { org } = getSession();
  const office = org.office;
  return h(
    'div',
    null,
    h('p', { class: 'lead' }, org.name, org.district || org.province ? ` อำเภอ${org.district} จังหวัด${org.province}` : ''),
    h(
      'nav',
      { 'aria-label': 'บริการ' },
      h(
        'ul',
        { class: 'tiles' },
        SERVICES.map((s) =>
          h(
            'li',
            { key: s.to },
            h(Link, { to: s.to, class: 'tile' }, h('span', { class: 'tile-icon', 'aria-hidden': 'true' }, s.icon), h('span', { class: 'tile-text' }, h('strong', null, s.title), h('small', null, s.text))),
          ),
        ),
      ),
    ),
    office && (office.address || office.phone || office.hours)
      ? h(
          'section',
          { class: 'card', 'aria-labelledby': 'office-title' },
          h('h2', { id: 'office-title' }, 'ติดต่อสำนักงาน'),
          office.address ? h('p', null, office.address) : null,
          office.phone ? h('p', null, 'โทร ', h('a', { href: `tel:${office.phone.replace(/[^\d+]/g, '')}` }, office.phone)) : null,
          office.hours ? h('p', null, office.hours) : null,
        )
      : null,
    h('p', { class: 'staff-link' }, h(Link, { to: 'staff' }, 'สำหรับเจ้าหน้าที่')),
  );
}
