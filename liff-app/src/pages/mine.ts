import { h, type ComponentChild } from 'preact';
import { StatusBadge, receivedAtOf, type ComplaintView } from '../lib/complaints.ts';
import { formatDate } from '../lib/format.ts';
import { ErrorView, Link, Loading, useApi } from '../lib/ui.ts';

type Mine = ComplaintView[] | { items?: ComplaintView[]; complaints?: ComplaintView[] };

export default function MyComplaints(): ComponentChild {
  const { data, error, loading, reload } = useApi<Mine>('/complaints/mine');
  if (loading) return h(Loading, null);
  if (error) return h(ErrorView, { error, retry: reload });
  const items = Array.isArray(data) ? data : (data?.items ?? data?.complaints ?? []);
  if (items.length === 0) {
    return h(
      'div',
      null,
      h('p', null, 'ยังไม่มีเรื่องที่แจ้งด้วยบัญชี LINE นี้ เรื่องที่แจ้งแบบไม่ระบุตัวตนจะไม่แสดงที่นี่ ใช้รหัสติดตามและรหัสลับแทน'),
      h('div', { class: 'stack' }, h(Link, { to: 'complaints/new', class: 'btn btn-primary' }, 'แจ้งเรื่องใหม่'), h(Link, { to: 'complaints/track', class: 'btn btn-secondary' }, 'ติดตามด้วยรหัส')),
    );
  }
  return h(
    'div',
    null,
    h('p', null, `ทั้งหมด ${items.length} เรื่อง`),
    h(
      'ul',
      { class: 'list' },
      items.map((c) =>
        h(
          'li',
          { key: c.trackingCode },
          h(
            Link,
            { to: `complaints/${encodeURIComponent(c.trackingCode)}`, class: 'list-item' },
            h('strong', null, c.title ?? c.trackingCode),
            h('span', { class: 'meta' }, `รหัส ${c.trackingCode}`, receivedAtOf(c) ? ` · แจ้งเมื่อ ${formatDate(receivedAtOf(c)!)}` : ''),
            h(StatusBadge, { status: c.status }),
          ),
        ),
      ),
    ),
  );
}
