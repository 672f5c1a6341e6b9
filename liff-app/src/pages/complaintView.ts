import { h, type ComponentChild } from 'preact';
import { CodeDisplay, DueLine, KIND_LABELS, StatusBadge, Timeline, receivedAtOf, type ComplaintView } from '../lib/complaints.ts';
import { formatDate } from '../lib/format.ts';
import { Link } from '../lib/ui.ts';

/** A complaint as its complainant sees it: code, status, the 15-day line and the history. */
export function ComplaintSummary(props: { complaint: ComplaintView }): ComponentChild {
  const c = props.complaint;
  const received = receivedAtOf(c);
  return h(
    'section',
    { class: 'card complaint', 'aria-labelledby': 'complaint-title', id: 'complaint-result', tabIndex: -1 },
    h('h2', { id: 'complaint-title' }, c.title ?? KIND_LABELS[c.kind] ?? 'เรื่องของคุณ'),
    h('p', { class: 'meta' }, 'รหัสติดตาม'),
    h(CodeDisplay, { code: c.trackingCode }),
    h('p', null, 'สถานะ: ', h(StatusBadge, { status: c.status })),
    c.categoryTitle ? h('p', { class: 'meta' }, `ประเภท: ${c.categoryTitle}`) : null,
    received ? h('p', { class: 'meta' }, `แจ้งเมื่อ ${formatDate(received)}`) : null,
    h(DueLine, { complaint: c }),
    c.access === 'public'
      ? h('p', { class: 'hint' }, 'แสดงเฉพาะสถานะและวันที่ รายละเอียดและข้อความจากเจ้าหน้าที่แสดงเฉพาะผู้แจ้ง (เปิดจากบัญชี LINE ที่ใช้แจ้ง)')
      : null,
    c.status === 'resolved' && c.access !== 'public' && c.id
      ? h(
          'p',
          null,
          h(Link, { to: `ratings/new?complaint=${encodeURIComponent(c.id)}`, class: 'btn btn-primary' }, 'ประเมินความพึงพอใจการจัดการเรื่องนี้'),
        )
      : null,
    h('h3', null, 'ความคืบหน้า'),
    h(Timeline, { complaint: c }),
  );
}
