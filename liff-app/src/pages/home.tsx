import type { ComponentChild } from 'preact';
import { getSession } from '../lib/session.ts';
import { Link } from '../lib/ui.ts';

/** Line icons drawn here (24×24 paths), not emoji: emoji fonts differ between phones and are missing on some. */
const ICONS = {
  write: ['M12 20h9', 'M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z'],
  search: ['M11 4a7 7 0 1 0 0 14a7 7 0 1 0 0-14Z', 'M21 21l-5-5'],
  folder: ['M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2Z'],
  ticket: ['M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4Z', 'M14 7v2', 'M14 11v2', 'M14 15v2'],
  star: ['M12 3l2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3l-5.6 2.9 1.1-6.2L3 9.6l6.2-.9Z'],
  bars: ['M4 20V10', 'M10 20V4', 'M16 20v-8', 'M2 20h20'],
  trend: ['M3 17l6-6 4 4 8-8', 'M14 7h7v7'],
} as const;

const icon = (name: keyof typeof ICONS) => (
  <svg viewBox="0 0 24 24" width={28} height={28} fill="none" stroke="currentColor" stroke-width={2} stroke-linecap="round" stroke-linejoin="round" focusable="false">
    {ICONS[name].map((d) => (
      <path d={d} key={d} />
    ))}
  </svg>
);

const SERVICES: Array<{ to: string; title: string; text: string; icon: keyof typeof ICONS }> = [
  { to: 'complaints/new', title: 'ร้องเรียน / แจ้งเรื่อง', text: 'ไฟถนนดับ ถนนชำรุด ขยะ น้ำ หรือแจ้งเบาะแสการทุจริต', icon: 'write' },
  { to: 'complaints/track', title: 'ติดตามเรื่อง', text: 'ดูความคืบหน้าด้วยรหัสติดตาม', icon: 'search' },
  { to: 'complaints/mine', title: 'เรื่องของฉัน', text: 'เรื่องที่คุณแจ้งด้วยบัญชี LINE นี้', icon: 'folder' },
  { to: 'queue', title: 'รับบัตรคิว', text: 'รับคิวล่วงหน้า เรียงตามลำดับมาก่อนได้ก่อน', icon: 'ticket' },
  { to: 'ratings/new', title: 'ประเมินความพึงพอใจ', text: 'บอกเราว่าบริการวันนี้เป็นอย่างไร', icon: 'star' },
  { to: 'stats', title: 'สถิติเรื่องร้องเรียน', text: 'จำนวนเรื่องที่รับ ดำเนินการ และแล้วเสร็จ', icon: 'bars' },
  { to: 'ratings/results', title: 'ผลความพึงพอใจ', text: 'ผลประเมินที่เผยแพร่ต่อสาธารณะ', icon: 'trend' },
];

export default function Home(): ComponentChild {
  const { org } = getSession();
  const office = org.office;
  return (
    <div>
      <p class="lead">
        {org.name}
        {org.district || org.province ? ` อำเภอ${org.district} จังหวัด${org.province}` : ''}
      </p>
      <nav aria-label="บริการ">
        <ul class="tiles">
          {SERVICES.map((s) => (
            <li key={s.to}>
              <Link to={s.to} class="tile">
                <span class="tile-icon" aria-hidden="true">
                  {icon(s.icon)}
                </span>
                <span class="tile-text">
                  <strong>{s.title}</strong>
                  <small>{s.text}</small>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {office && (office.address || office.phone || office.hours) ? (
        <section class="card" aria-labelledby="office-title">
          <h2 id="office-title">ติดต่อสำนักงาน</h2>
          {office.address ? <p>{office.address}</p> : null}
          {office.phone ? (
            <p>
              โทร <a href={`tel:${office.phone.replace(/[^\d+]/g, '')}`}>{office.phone}</a>
            </p>
          ) : null}
          {office.hours ? <p>{office.hours}</p> : null}
        </section>
      ) : null}
      <p class="staff-link">
        <Link to="staff">สำหรับเจ้าหน้าที่</Link>
        {' · '}
        <Link to="staff/progress">ความคืบหน้าตามแผน (เจ้าหน้าที่)</Link>
      </p>
    </div>
  );
}
