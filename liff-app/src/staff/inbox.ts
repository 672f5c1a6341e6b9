import { h, type ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { STATUS_LABELS, StatusBadge, receivedAtOf, type Category, type ComplaintView } from '../lib/complaints.ts';
import { bangkokDaysBetween, formatDate } from '../lib/format.ts';
import type { PageProps } from '../lib/router.ts';
import { navigate } from '../lib/router.ts';
import { ErrorView, Link, Loading, useApi } from '../lib/ui.ts';

/**
 * The staff inbox: complaints this staff member may see (the API decides: general complaints for officers, corruption
 * reports for integrity officers only), filtered by status, overdue and category. Filters live in the URL so a
 * filtered view can be shared in the staff group.
 */
type Inbox = ComplaintView[] | { items?: ComplaintView[]; complaints?: ComplaintView[] };

export default function StaffInbox(props: PageProps): ComponentChild {
  const status = props.query.get('status') ?? '';
  const category = props.query.get('category') ?? '';
  const overdue = props.query.get('overdue') === 'true';
  const kind = props.query.get('kind') ?? '';
  const qs = new URLSearchParams();
  if (status) qs.set('status', status === 'open' ? 'received,acknowledged,in_progress' : status);
  if (kind) qs.set('kind', kind);
  if (category) qs.set('category', category);
  if (overdue) qs.set('overdue', 'true');
  const query = qs.toString();
  const inbox = useApi<Inbox>(`/staff/complaints${query ? `?${query}` : ''}`);
  const categories = useApi<Category[]>('/complaints/categories');
  const [draft, setDraft] = useState({ status, category, overdue, kind });

  const apply = (e: Event) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.status) next.set('status', draft.status);
    if (draft.kind) next.set('kind', draft.kind);
    if (draft.category) next.set('category', draft.category);
    if (draft.overdue) next.set('overdue', 'true');
    const q = next.toString();
    navigate(`staff${q ? `?${q}` : ''}`, { replace: true });
  };

  if (inbox.error) return h(ErrorView, { error: inbox.error, retry: inbox.reload, staff: true });
  const items = Array.isArray(inbox.data) ? inbox.data : (inbox.data?.items ?? inbox.data?.complaints ?? []);
  const catTitle = new Map((categories.data ?? []).map((c) => [c.id, c.title]));
  return h(
    'div',
    null,
    // Only integrity officers see corruption reports: they also approve grants of their role and read its audit log.
    kind === 'corruption' || items.some((c) => c.kind === 'corruption')
      ? h('p', null, h(Link, { to: 'staff/integrity' }, 'การแต่งตั้งเจ้าหน้าที่ศูนย์ฯ'), ' · ', h(Link, { to: 'staff/integrity/audit' }, 'บันทึกการเข้าถึง'))
      : null,
    h(
      'details',
      { class: 'filters-box' },
      h('summary', null, 'ตัวกรอง', h('span', { class: 'filter-state' }, describeFilters({ status, category, overdue, kind }, catTitle))),
      h(
      'form',
      { class: 'filters', onSubmit: apply, 'aria-label': 'ตัวกรอง' },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'f-status', class: 'label' }, 'สถานะ'),
        h(
          'select',
          { id: 'f-status', value: draft.status, onChange: (e: Event) => setDraft({ ...draft, status: (e.currentTarget as HTMLSelectElement).value }) },
          h('option', { value: '' }, 'ทุกสถานะ'),
          h('option', { value: 'open' }, 'ยังไม่ปิดเรื่อง'),
          Object.entries(STATUS_LABELS).map(([v, l]) => h('option', { key: v, value: v }, l)),
        ),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'f-kind', class: 'label' }, 'ช่องทาง'),
        h(
          'select',
          { id: 'f-kind', value: draft.kind, onChange: (e: Event) => setDraft({ ...draft, kind: (e.currentTarget as HTMLSelectElement).value }) },
          h('option', { value: '' }, 'ทุกช่องทางที่ฉันมีสิทธิ์'),
          h('option', { value: 'general' }, 'เรื่องร้องเรียนทั่วไป'),
          h('option', { value: 'corruption' }, 'แจ้งเบาะแสการทุจริต'),
        ),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'f-category', class: 'label' }, 'ประเภท'),
        h(
          'select',
          { id: 'f-category', value: draft.category, onChange: (e: Event) => setDraft({ ...draft, category: (e.currentTarget as HTMLSelectElement).value }) },
          h('option', { value: '' }, 'ทุกประเภท'),
          (categories.data ?? []).map((c) => h('option', { key: c.id, value: c.id }, c.title)),
        ),
      ),
      h(
        'label',
        { class: 'choice', for: 'f-overdue' },
        h('input', { id: 'f-overdue', type: 'checkbox', checked: draft.overdue, onChange: (e: Event) => setDraft({ ...draft, overdue: (e.currentTarget as HTMLInputElement).checked }) }),
        h('span', null, 'เฉพาะที่เกินกำหนด 15 วัน'),
      ),
      h('button', { type: 'submit', class: 'btn btn-secondary' }, 'กรอง'),
      ),
    ),
    inbox.loading
      ? h(Loading, null)
      : h(
          'div',
          null,
          h('p', { role: 'status' }, items.length ? `พบ ${items.length} เรื่อง` : 'ไม่มีเรื่องตามตัวกรองนี้'),
          h(
            'ul',
            { class: 'list' },
            items.map((c) => {
              const received = receivedAtOf(c);
              return h(
                'li',
                { key: c.id ?? c.trackingCode },
                h(
                  Link,
                  { to: `staff/complaints/${encodeURIComponent(c.id ?? c.trackingCode)}`, class: `list-item${c.overdue ? ' list-item-overdue' : ''}` },
                  h('strong', null, c.title ?? '(ไม่มีชื่อเรื่อง)'),
                  h(
                    'span',
                    { class: 'meta' },
                    `${c.trackingCode}`,
                    c.kind === 'corruption' ? ' · เบาะแสทุจริต' : '',
                    c.category ? ` · ${c.categoryTitle ?? catTitle.get(c.category) ?? c.category}` : '',
                    received ? ` · รับเมื่อ ${formatDate(received)} (ผ่านมา ${c.daysElapsed ?? bangkokDaysBetween(received)} วัน)` : '',
                  ),
                  h('span', null, h(StatusBadge, { status: c.status }), c.overdue ? h('span', { class: 'badge badge-overdue' }, 'เกินกำหนด') : null),
                ),
              );
            }),
          ),
        ),
  );
}

function describeFilters(f: { status: string; category: string; overdue: boolean; kind: string }, catTitle: Map<string, string>): string {
  const parts = [
    f.status === 'open' ? 'ยังไม่ปิดเรื่อง' : f.status ? (STATUS_LABELS[f.status as keyof typeof STATUS_LABELS] ?? f.status) : '',
    f.kind === 'general' ? 'เรื่องทั่วไป' : f.kind === 'corruption' ? 'เบาะแสทุจริต' : '',
    f.category ? (catTitle.get(f.category) ?? f.category) : '',
    f.overdue ? 'เกินกำหนด' : '',
  ].filter(Boolean);
  return parts.length ? `: ${parts.join(' · ')}` : ': ทั้งหมด';
}
