import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { REOPENED_NAME, STATUS_LABELS, StatusBadge, receivedAtOf, type Category, type ComplaintView } from '../lib/complaints.ts';
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
  const reopened = props.query.get('reopened') === 'true';
  const kind = props.query.get('kind') ?? '';
  const qs = new URLSearchParams();
  if (status) qs.set('status', status === 'open' ? 'received,acknowledged,in_progress' : status);
  if (kind) qs.set('kind', kind);
  if (category) qs.set('category', category);
  if (overdue) qs.set('overdue', 'true');
  if (reopened) qs.set('reopened', 'true');
  const query = qs.toString();
  const inbox = useApi<Inbox>(`/staff/complaints${query ? `?${query}` : ''}`);
  const categories = useApi<Category[]>('/complaints/categories');
  const [draft, setDraft] = useState({ status, category, overdue, reopened, kind });

  const apply = (e: Event) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.status) next.set('status', draft.status);
    if (draft.kind) next.set('kind', draft.kind);
    if (draft.category) next.set('category', draft.category);
    if (draft.overdue) next.set('overdue', 'true');
    if (draft.reopened) next.set('reopened', 'true');
    const q = next.toString();
    navigate(`staff/complaints${q ? `?${q}` : ''}`, { replace: true });
  };

  if (inbox.error) return <ErrorView error={inbox.error} retry={inbox.reload} staff={true} />;
  const items = Array.isArray(inbox.data) ? inbox.data : (inbox.data?.items ?? inbox.data?.complaints ?? []);
  const catTitle = new Map((categories.data ?? []).map((c) => [c.id, c.title]));
  return (
    <div>
      {kind === 'corruption' || items.some((c) => c.kind === 'corruption') ? (
        <p>
          <Link to="staff/integrity">การแต่งตั้งเจ้าหน้าที่ศูนย์ฯ</Link>
          {' · '}
          <Link to="staff/integrity/audit">บันทึกการเข้าถึง</Link>
        </p>
      ) : null}
      <details class="filters-box">
        <summary>
          ตัวกรอง<span class="filter-state">{describeFilters({ status, category, overdue, reopened, kind }, catTitle)}</span>
        </summary>
        <form class="filters" onSubmit={apply} aria-label="ตัวกรอง">
          <div class="field">
            <label for="f-status" class="label">
              สถานะ
            </label>
            <select id="f-status" value={draft.status} onChange={(e: Event) => setDraft({ ...draft, status: (e.currentTarget as HTMLSelectElement).value })}>
              <option value="">ทุกสถานะ</option>
              <option value="open">ยังไม่ปิดเรื่อง</option>
              {Object.entries(STATUS_LABELS).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-kind" class="label">
              ช่องทาง
            </label>
            <select id="f-kind" value={draft.kind} onChange={(e: Event) => setDraft({ ...draft, kind: (e.currentTarget as HTMLSelectElement).value })}>
              <option value="">ทุกช่องทางที่ฉันมีสิทธิ์</option>
              <option value="general">เรื่องร้องเรียนทั่วไป</option>
              <option value="corruption">แจ้งเบาะแสการทุจริต</option>
            </select>
          </div>
          <div class="field">
            <label for="f-category" class="label">
              ประเภท
            </label>
            <select
              id="f-category"
              value={draft.category}
              onChange={(e: Event) => setDraft({ ...draft, category: (e.currentTarget as HTMLSelectElement).value })}
            >
              <option value="">ทุกประเภท</option>
              {(categories.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </div>
          <label class="choice" for="f-overdue">
            <input
              id="f-overdue"
              type="checkbox"
              checked={draft.overdue}
              onChange={(e: Event) => setDraft({ ...draft, overdue: (e.currentTarget as HTMLInputElement).checked })}
            />
            <span>เฉพาะที่เกินกำหนด 15 วัน</span>
          </label>
          <label class="choice" for="f-reopened">
            <input
              id="f-reopened"
              type="checkbox"
              checked={draft.reopened}
              onChange={(e: Event) => setDraft({ ...draft, reopened: (e.currentTarget as HTMLInputElement).checked })}
            />
            <span>{`เฉพาะที่${REOPENED_NAME}`}</span>
          </label>
          <button type="submit" class="btn btn-secondary">
            กรอง
          </button>
        </form>
      </details>
      {inbox.loading ? (
        <Loading />
      ) : (
        <div>
          <p role="status">{items.length ? `พบ ${items.length} เรื่อง` : 'ไม่มีเรื่องตามตัวกรองนี้'}</p>
          <ul class="list">
            {items.map((c) => {
              const received = receivedAtOf(c);
              return (
                <li key={c.id ?? c.trackingCode}>
                  <Link
                    to={`staff/complaints/${encodeURIComponent(c.id ?? c.trackingCode)}`}
                    class={`list-item${c.overdue ? ' list-item-overdue' : ''}${c.reopened ? ' list-item-reopened' : ''}`}
                  >
                    {c.reopened ? <span class="badge badge-reopened">{`↺ ${REOPENED_NAME}`}</span> : null}
                    <strong>{c.title ?? '(ไม่มีชื่อเรื่อง)'}</strong>
                    <span class="meta">
                      {`${c.trackingCode}`}
                      {c.kind === 'corruption' ? ' · เบาะแสทุจริต' : ''}
                      {c.category ? ` · ${c.categoryTitle ?? catTitle.get(c.category) ?? c.category}` : ''}
                      {received ? ` · รับเมื่อ ${formatDate(received)} (ผ่านมา ${c.daysElapsed ?? bangkokDaysBetween(received)} วัน)` : ''}
                    </span>
                    <span>
                      <StatusBadge status={c.status} />
                      {c.overdue ? <span class="badge badge-overdue">เกินกำหนด</span> : null}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}

function describeFilters(f: { status: string; category: string; overdue: boolean; reopened: boolean; kind: string }, catTitle: Map<string, string>): string {
  const parts = [
    f.status === 'open' ? 'ยังไม่ปิดเรื่อง' : f.status ? (STATUS_LABELS[f.status as keyof typeof STATUS_LABELS] ?? f.status) : '',
    f.kind === 'general' ? 'เรื่องทั่วไป' : f.kind === 'corruption' ? 'เบาะแสทุจริต' : '',
    f.category ? (catTitle.get(f.category) ?? f.category) : '',
    f.overdue ? 'เกินกำหนด' : '',
    f.reopened ? 'ถูกเปิดอีกครั้ง' : '',
  ].filter(Boolean);
  return parts.length ? `: ${parts.join(' · ')}` : ': ทั้งหมด';
}
