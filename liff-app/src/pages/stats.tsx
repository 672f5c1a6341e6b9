import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import type { ComplaintStats, StatsCounts } from '../../../functions/src/contracts/complaints.ts';
import { orgPath } from '../lib/api.ts';
import { fiscalYears, formatMonth, formatNumber } from '../lib/format.ts';
import { ErrorView, Loading, useApi } from '../lib/ui.ts';

/**
 * Public complaint statistics, as the plans promise: received, finished, in progress, overdue; corruption apart.
 * GET /complaints/stats (contracts/complaints.ts ComplaintStats).
 */
type Row = Pick<StatsCounts, 'received' | 'finished' | 'inProgress' | 'overdue'>;

export default function StatsPage(): ComponentChild {
  const [years] = useState(() => fiscalYears(new Date(), 3));
  const [year, setYear] = useState('');
  const chosen = years.find((y) => y.label === year);
  const range = chosen ? `?from=${chosen.from}&to=${chosen.to}` : '';
  const { data, error, loading, reload } = useApi<ComplaintStats>(`/complaints/stats${range}`);
  const picker = (
    <div class="field">
      <label for="fy" class="label">
        ช่วงเวลา
      </label>
      <select id="fy" value={year} onChange={(e) => setYear(e.currentTarget.value)}>
        <option value="">ทั้งหมด</option>
        {years.map((y) => (
          <option key={y.label} value={y.label}>{`ปีงบประมาณ ${y.label} (ต.ค. ${Number(y.label) - 1} – ก.ย. ${y.label})`}</option>
        ))}
      </select>
    </div>
  );
  if (loading && !data) {
    return (
      <div>
        {picker}
        <Loading />
      </div>
    );
  }
  if (error || !data) {
    return (
      <div>
        {picker}
        <ErrorView error={error} retry={reload} />
      </div>
    );
  }
  const total = data.general.totals;
  const months = data.general.byMonth;
  const categories = data.general.byCategory;
  return (
    <div>
      <p>สถิติเรื่องร้องเรียนที่หน่วยงานเผยแพร่ต่อสาธารณะ ไม่มีข้อมูลที่ระบุตัวผู้ร้อง นับตามเดือนที่รับเรื่อง (เวลาประเทศไทย)</p>
      {picker}
      {total.received ? null : <p>ยังไม่มีเรื่องร้องเรียนในช่วงนี้</p>}
      <section aria-labelledby="stats-total">
        <h2 id="stats-total">เรื่องร้องเรียนทั่วไป</h2>
        <dl class="figures">
          {figure('รับเรื่อง', total.received)}
          {figure('แล้วเสร็จ', total.finished)}
          {figure('กำลังดำเนินการ', total.inProgress)}
          {figure('เกินกำหนด 15 วัน', total.overdue)}
          {total.medianDaysToFinish != null ? figure('ใช้เวลาโดยทั่วไป (มัธยฐาน)', total.medianDaysToFinish, 'วัน') : null}
          {total.finished ? figure('เสร็จภายใน 15 วัน', Math.round((total.finishedOnTime / total.finished) * 100), '%') : null}
        </dl>
      </section>
      {months.length ? <BarTable id="stats-months" title="รายเดือน" column="เดือนที่รับเรื่อง" rows={months.map((r) => ({ ...r, label: formatMonth(r.month) }))} /> : null}
      {categories.length ? <BarTable id="stats-categories" title="ตามประเภทเรื่อง" column="ประเภท" rows={categories.map((r) => ({ ...r, label: r.title || r.category }))} /> : null}
      <section aria-labelledby="stats-corruption">
        <h2 id="stats-corruption">เรื่องแจ้งเบาะแสการทุจริต (นับแยก)</h2>
        <p class="hint">นับเฉพาะจำนวน ไม่แยกเดือนหรือประเภท เพื่อคุ้มครองผู้แจ้ง</p>
        <dl class="figures">
          {figure('รับเรื่อง', data.corruption.received)}
          {figure('แล้วเสร็จ', data.corruption.finished)}
          {figure('กำลังดำเนินการ', data.corruption.inProgress)}
          {figure('เกินกำหนด', data.corruption.overdue)}
        </dl>
      </section>
      <p>
        <a href={orgPath(`/complaints/stats.csv${range}`)} download={`complaint-stats${chosen ? `-${chosen.label}` : ''}.csv`} class="btn btn-secondary">
          ดาวน์โหลด CSV (เปิดด้วย Excel ได้)
        </a>
      </p>
    </div>
  );
}

function figure(label: string, value: number, unit = 'เรื่อง'): ComponentChild {
  return (
    <div class="figure">
      <dt>{label}</dt>
      <dd>
        <strong>{formatNumber(value)}</strong>
        {` ${unit}`}
      </dd>
    </div>
  );
}

/**
 * A table (what screen readers read) whose cells also draw horizontal bars (what eyes read). No chart library: the
 * bars are CSS widths relative to the largest received count.
 */
function BarTable(props: { id: string; title: string; column: string; rows: Array<Row & { label: string }> }): ComponentChild {
  const max = Math.max(1, ...props.rows.map((r) => r.received));
  const bar = (value: number, kind: string) => (
    <span class="bar-cell">
      <span class={`bar bar-${kind}`} style={{ width: `${(value / max) * 100}%` }} aria-hidden="true" />
      <span class="bar-value">{formatNumber(value)}</span>
    </span>
  );
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <p class="legend" aria-hidden="true">
        <span class="key key-received" />
        {'รับเรื่อง '}
        <span class="key key-finished" />
        {'แล้วเสร็จ '}
        <span class="key key-progress" />
        กำลังดำเนินการ
      </p>
      <table class="bars">
        <caption class="visually-hidden">{`จำนวนเรื่อง${props.title}`}</caption>
        <thead>
          <tr>
            <th scope="col">{props.column}</th>
            <th scope="col">จำนวน</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => (
            <tr key={i}>
              <th scope="row">{r.label}</th>
              <td>
                <span class="visually-hidden">{`รับเรื่อง ${r.received} แล้วเสร็จ ${r.finished} กำลังดำเนินการ ${r.inProgress}${r.overdue ? ` เกินกำหนด ${r.overdue}` : ''}`}</span>
                <span aria-hidden="true" class="bar-group">
                  {bar(r.received, 'received')}
                  {bar(r.finished, 'finished')}
                  {bar(r.inProgress, 'progress')}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
