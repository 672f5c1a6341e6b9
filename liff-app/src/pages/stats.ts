import { h, type ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { orgPath } from '../lib/api.ts';
import { fiscalYears, formatMonth, formatNumber } from '../lib/format.ts';
import { ErrorView, Loading, useApi } from '../lib/ui.ts';

/** Public complaint statistics, as the plans promise: received, finished, in progress, overdue; corruption apart. */
export interface Counts {
  received?: number;
  finished?: number;
  resolved?: number;
  inProgress?: number;
  overdue?: number;
  rejected?: number;
  forwarded?: number;
  finishedOnTime?: number;
  medianDaysToFinish?: number | null;
}

interface Row extends Counts {
  month?: string;
  category?: string;
  title?: string;
  categoryTitle?: string;
  kind?: string;
}

/** GET /complaints/stats (functions/src/complaints/stats.ts). */
export interface Stats {
  generatedAt?: string;
  general?: { totals?: Counts; byMonth?: Row[]; byCategory?: Row[] };
  corruption?: Counts;
}

const finishedOf = (c: Counts) => c.finished ?? c.resolved ?? 0;

export default function StatsPage(): ComponentChild {
  const [years] = useState(() => fiscalYears(new Date(), 3));
  const [year, setYear] = useState('');
  const chosen = years.find((y) => y.label === year);
  const range = chosen ? `?from=${chosen.from}&to=${chosen.to}` : '';
  const { data, error, loading, reload } = useApi<Stats>(`/complaints/stats${range}`);
  const picker = h(
    'div',
    { class: 'field' },
    h('label', { for: 'fy', class: 'label' }, 'ช่วงเวลา'),
    h(
      'select',
      { id: 'fy', value: year, onChange: (e: Event) => setYear((e.currentTarget as HTMLSelectElement).value) },
      h('option', { value: '' }, 'ทั้งหมด'),
      years.map((y) => h('option', { key: y.label, value: y.label }, `ปีงบประมาณ ${y.label} (ต.ค. ${Number(y.label) - 1} – ก.ย. ${y.label})`)),
    ),
  );
  if (loading && !data) return h('div', null, picker, h(Loading, null));
  if (error || !data) return h('div', null, picker, h(ErrorView, { error, retry: reload }));
  const total = data.general?.totals ?? {};
  const months = data.general?.byMonth ?? [];
  const categories = data.general?.byCategory ?? [];
  return h(
    'div',
    null,
    h('p', null, 'สถิติเรื่องร้องเรียนที่หน่วยงานเผยแพร่ต่อสาธารณะ ไม่มีข้อมูลที่ระบุตัวผู้ร้อง นับตามเดือนที่รับเรื่อง (เวลาประเทศไทย)'),
    picker,
    total.received ? null : h('p', null, 'ยังไม่มีเรื่องร้องเรียนในช่วงนี้'),
    h(
      'section',
      { 'aria-labelledby': 'stats-total' },
      h('h2', { id: 'stats-total' }, 'เรื่องร้องเรียนทั่วไป'),
      h(
        'dl',
        { class: 'figures' },
        figure('รับเรื่อง', total.received ?? 0),
        figure('แล้วเสร็จ', finishedOf(total)),
        figure('กำลังดำเนินการ', total.inProgress ?? 0),
        figure('เกินกำหนด 15 วัน', total.overdue ?? 0),
        total.medianDaysToFinish != null ? figure('ใช้เวลาโดยทั่วไป (มัธยฐาน)', total.medianDaysToFinish, 'วัน') : null,
        total.finished ? figure('เสร็จภายใน 15 วัน', Math.round(((total.finishedOnTime ?? 0) / total.finished) * 100), '%') : null,
      ),
    ),
    months.length ? h(BarTable, { id: 'stats-months', title: 'รายเดือน', column: 'เดือนที่รับเรื่อง', rows: months, label: (r) => (r.month ? formatMonth(r.month) : '') }) : null,
    categories.length
      ? h(BarTable, { id: 'stats-categories', title: 'ตามประเภทเรื่อง', column: 'ประเภท', rows: categories, label: (r) => r.title ?? r.categoryTitle ?? r.category ?? '' })
      : null,
    data.corruption
      ? h(
          'section',
          { 'aria-labelledby': 'stats-corruption' },
          h('h2', { id: 'stats-corruption' }, 'เรื่องแจ้งเบาะแสการทุจริต (นับแยก)'),
          h('p', { class: 'hint' }, 'นับเฉพาะจำนวน ไม่แยกเดือนหรือประเภท เพื่อคุ้มครองผู้แจ้ง'),
          h('dl', { class: 'figures' }, figure('รับเรื่อง', data.corruption.received ?? 0), figure('แล้วเสร็จ', finishedOf(data.corruption)), figure('กำลังดำเนินการ', data.corruption.inProgress ?? 0), figure('เกินกำหนด', data.corruption.overdue ?? 0)),
        )
      : null,
    h('p', null, h('a', { href: orgPath(`/complaints/stats.csv${range}`), download: `complaint-stats${chosen ? `-${chosen.label}` : ''}.csv`, class: 'btn btn-secondary' }, 'ดาวน์โหลด CSV (เปิดด้วย Excel ได้)')),
  );
}

function figure(label: string, value: number, unit = 'เรื่อง'): ComponentChild {
  return h('div', { class: 'figure' }, h('dt', null, label), h('dd', null, h('strong', null, formatNumber(value)), ` ${unit}`));
}

/**
 * A table (what screen readers read) whose cells also draw horizontal bars (what eyes read). No chart library: the
 * bars are CSS widths relative to the largest received count.
 */
function BarTable(props: { id: string; title: string; column: string; rows: Row[]; label: (r: Row) => string }): ComponentChild {
  const max = Math.max(1, ...props.rows.map((r) => r.received ?? 0));
  const bar = (value: number, kind: string) =>
    h('span', { class: 'bar-cell' }, h('span', { class: `bar bar-${kind}`, style: { width: `${(value / max) * 100}%` }, 'aria-hidden': 'true' }), h('span', { class: 'bar-value' }, formatNumber(value)));
  return h(
    'section',
    { 'aria-labelledby': props.id },
    h('h2', { id: props.id }, props.title),
    h(
      'p',
      { class: 'legend', 'aria-hidden': 'true' },
      h('span', { class: 'key key-received' }), 'รับเรื่อง ',
      h('span', { class: 'key key-finished' }), 'แล้วเสร็จ ',
      h('span', { class: 'key key-progress' }), 'กำลังดำเนินการ',
    ),
    h(
      'table',
      { class: 'bars' },
      h('caption', { class: 'visually-hidden' }, `จำนวนเรื่อง${props.title}`),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, props.column), h('th', { scope: 'col' }, 'จำนวน'))),
      h(
        'tbody',
        null,
        props.rows.map((r, i) =>
          h(
            'tr',
            { key: i },
            h('th', { scope: 'row' }, props.label(r)),
            h(
              'td',
              null,
              h('span', { class: 'visually-hidden' }, `รับเรื่อง ${r.received ?? 0} แล้วเสร็จ ${finishedOf(r)} กำลังดำเนินการ ${r.inProgress ?? 0}${r.overdue ? ` เกินกำหนด ${r.overdue}` : ''}`),
              h('span', { 'aria-hidden': 'true', class: 'bar-group' }, bar(r.received ?? 0, 'received'), bar(finishedOf(r), 'finished'), bar(r.inProgress ?? 0, 'progress')),
            ),
          ),
        ),
      ),
    ),
  );
}
