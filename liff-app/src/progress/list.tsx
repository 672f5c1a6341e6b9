import type { ComponentChild } from 'preact';
import { formatDate, formatNumber } from '../lib/format.ts';
import { parseLocation } from '../lib/location.ts';
import type { PageProps } from '../lib/router.ts';
import { navigate } from '../lib/router.ts';
import { ErrorView, Link, Loading, useApi } from '../lib/ui.ts';
import { HALF_LABELS, PROGRESS_STATUS_LABELS, type ProgressList, type ProgressStatus } from './model.ts';

/**
 * Staff: the plan's projects of this half-year (or the whole year, or another year), each with its status, so an
 * officer can open one and record progress. Phone first: one column of cards, the status as a badge.
 */
export default function ProgressListPage(props: PageProps): ComponentChild {
  const year = props.query.get('year') ?? '';
  const half = props.query.get('half') ?? '';
  const qs = new URLSearchParams();
  if (year) qs.set('year', year);
  if (half) qs.set('half', half);
  const q = qs.toString();
  const list = useApi<ProgressList>(`/staff/progress${q ? `?${q}` : ''}`);
  if (list.error) return <ErrorView error={list.error} retry={list.reload} staff={true} />;
  if (!list.data) return <Loading />;
  const d = list.data;
  const counts = new Map<ProgressStatus | 'none', number>();
  for (const p of d.projects) {
    const k = p.progress?.status ?? 'none';
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const go = (next: { year?: string; half?: string }) => {
    const n = new URLSearchParams();
    const y = next.year ?? year;
    const hf = next.half ?? half;
    if (y) n.set('year', y);
    if (hf) n.set('half', hf);
    navigate(`staff/progress${n.toString() ? `?${n.toString()}` : ''}`, { replace: true });
  };
  return (
    <div>
      <p>
        {`ปีงบประมาณ ${d.fiscalYear} · ${d.half ? HALF_LABELS[d.half] : 'ทั้งปี'}`}
        <br />
        <span class="meta">{d.plan.title}</span>
      </p>
      <div class="row" role="group" aria-label="ช่วงเวลา">
        <button type="button" class="btn btn-secondary" aria-pressed={d.half === 1 ? 'true' : 'false'} onClick={() => go({ half: '1' })}>
          ครึ่งปีแรก
        </button>
        <button type="button" class="btn btn-secondary" aria-pressed={d.half === 2 ? 'true' : 'false'} onClick={() => go({ half: '2' })}>
          ครึ่งปีหลัง
        </button>
        <button type="button" class="btn btn-secondary" aria-pressed={d.half === null ? 'true' : 'false'} onClick={() => go({ half: 'all' })}>
          ทั้งปี
        </button>
      </div>
      <p
        role="status"
        class="meta"
      >{`${d.projects.length} โครงการ · แล้วเสร็จ ${counts.get('done') ?? 0} · ระหว่างดำเนินการ ${counts.get('in_progress') ?? 0} · ยกเลิก/เลื่อน ${counts.get('cancelled') ?? 0} · ยังไม่บันทึก ${(counts.get('none') ?? 0) + (counts.get('not_started') ?? 0)}`}</p>
      <ul class="list" data-testid="progress-list">
        {d.projects.map((p) => (
          <li key={p.id}>
            <Link to={`staff/progress/${d.fiscalYear}/${encodeURIComponent(p.id)}`} class="list-item">
              <strong>{p.name}</strong>
              <span class="meta">
                {`มิติที่ ${p.dimension}`}
                {p.budgetBaht !== null ? ` · งบตามแผน ${formatNumber(p.budgetBaht)} บาท` : ''}
                {p.progress ? ` · ใช้จริง ${formatNumber(p.progress.spentBaht)} บาท · บันทึก ${formatDate(p.progress.updatedAt)}` : ''}
              </span>
              <span>
                <span class={`badge badge-progress-${p.progress?.status ?? 'none'}`}>
                  {p.progress ? PROGRESS_STATUS_LABELS[p.progress.status] : 'ยังไม่บันทึก'}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <a href={`/orgs/${encodeURIComponent(orgIdFromPath())}/reports/${d.fiscalYear}/six-month`} target="_blank" rel="noopener">
          ดูรายงานรอบ 6 เดือน
        </a>
        {' · '}
        <a href={`/orgs/${encodeURIComponent(orgIdFromPath())}/reports/${d.fiscalYear}/annual`} target="_blank" rel="noopener">
          รายงานรอบ 12 เดือน
        </a>
      </p>
      <p>
        {'ปัญหาและข้อเสนอแนะในรายงาน: '}
        <Link to={`staff/progress/report-text?year=${d.fiscalYear}&period=six-month`}>รอบ 6 เดือน</Link>
        {' · '}
        <Link to={`staff/progress/report-text?year=${d.fiscalYear}&period=annual`}>รอบ 12 เดือน</Link>
      </p>
    </div>
  );
}

/** The organisation id from /liff/{orgId}/… (the report pages are outside the LIFF app). */
export function orgIdFromPath(): string {
  return parseLocation(location.pathname).orgId ?? '';
}
