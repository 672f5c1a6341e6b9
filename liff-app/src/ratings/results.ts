import { h, type ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { orgPath } from '../lib/api.ts';
import { formatDate } from '../lib/format.ts';
import type { PageProps } from '../lib/router.ts';
import { getSession } from '../lib/session.ts';
import { ErrorView, Loading, useApi } from '../lib/ui.ts';
import {
  FORM_LABELS,
  ITEM_IDS,
  MEAN_HOW,
  MEAN_NAME,
  SATISFIED_HOW,
  SATISFIED_NAME,
  count,
  mean2,
  pct,
  rangeQuery,
  type Figures,
  type Group,
  type RatingForm,
  type Summary,
} from './model.ts';
import { periodAndServiceFields } from './filters.ts';
import './ratings.css';

/**
 * Public satisfaction results (issue 7): both figures, always named — ร้อยละความพึงพอใจ (mean ÷ 5 × 100, what Thai
 * reports call it) and the share answering 4-5 — per item, per service and per month, against the plan's target.
 * Each table is what screen readers read; its bars (CSS widths) are decoration beside the printed numbers.
 */
export default function RatingResults(props: PageProps): ComponentChild {
  const [period, setPeriod] = useState('');
  const [serviceId, setServiceId] = useState(props.query.get('service') ?? '');
  const form = useApi<RatingForm>('/ratings/form');
  const qs = rangeQuery(period, serviceId);
  const { data, error, loading, reload } = useApi<Summary>(`/ratings/summary${qs}`);

  const services = [...(form.data?.services ?? [])];
  for (const s of data?.byService ?? []) if (!services.some((x) => x.id === s.serviceId)) services.push({ id: s.serviceId, title: s.title });
  if (serviceId && !services.some((s) => s.id === serviceId)) services.push({ id: serviceId, title: serviceId });

  const filters = h('div', { class: 'filters' }, ...periodAndServiceFields({ period, setPeriod, serviceId, setServiceId, services }));
  const intro = h('p', null, 'ผลการประเมินความพึงพอใจของผู้รับบริการที่หน่วยงานเผยแพร่ต่อสาธารณะ ไม่มีข้อมูลที่ระบุตัวผู้ประเมิน และไม่แสดงความคิดเห็นรายบุคคล');
  if (loading && !data) return h('div', null, intro, filters, h(Loading, null));
  if (error || !data) return h('div', null, intro, filters, h(ErrorView, { error, retry: reload }));

  const target = data.target;
  const chosenTitle = data.serviceId ? services.find((s) => s.id === data.serviceId)?.title ?? data.serviceId : '';
  const csvName = `ratings-${data.org.id}-${data.range.from}-${data.range.to}.csv`;
  const printable = `/orgs/${encodeURIComponent(getSession().org.id)}/ratings/results${qs}`;
  return h(
    'div',
    null,
    intro,
    filters,
    h(
      'section',
      { 'aria-labelledby': 'rate-total', 'data-testid': 'rate-total' },
      h('h2', { id: 'rate-total' }, 'ภาพรวม', chosenTitle ? `: ${chosenTitle}` : ''),
      h('p', null, `${formatDate(`${data.range.from}T12:00:00+07:00`)} – ${formatDate(`${data.range.to}T12:00:00+07:00`)} · ผู้ประเมิน `, h('strong', { 'data-testid': 'rate-count' }, count(data.total.ratings)), ' คน'),
      data.total.ratings === 0 ? h('p', { class: 'rate-empty' }, 'ยังไม่มีผู้ประเมินในช่วงนี้') : null,
      h(Headline, { figures: data.total.allItems }),
      h(TargetLine, { summary: data, group: data.total }),
      h(
        'details',
        { class: 'rate-defs' },
        h('summary', null, 'สองตัวเลขนี้ต่างกันอย่างไร'),
        h(
          'dl',
          null,
          h('dt', null, `${MEAN_NAME} (${MEAN_HOW})`),
          h('dd', null, data.definitions.meanPercent, ' เช่น คะแนนเฉลี่ย 4.58 = ร้อยละ 91.6'),
          h('dt', null, `${SATISFIED_NAME} (${SATISFIED_HOW})`),
          h('dd', null, data.definitions.satisfiedPercent),
        ),
        h('p', null, 'ตัวอย่าง: ครึ่งหนึ่งให้ 3 อีกครึ่งให้ 5 ได้ร้อยละความพึงพอใจ 80 แต่ผู้ที่พึงพอใจมาก-มากที่สุดมีร้อยละ 50'),
      ),
    ),
    h(FigureTable, {
      id: 'rate-items',
      title: 'แยกตามด้าน',
      column: 'ด้าน',
      target,
      rows: ITEM_IDS.map((item) => ({ key: item, label: FORM_LABELS[item], figures: data.total.items[item] ?? null })),
    }),
    data.byService.length
      ? h(FigureTable, {
          id: 'rate-services',
          title: 'แยกตามบริการ',
          column: 'บริการ',
          target,
          rows: data.byService.map((s) => ({ key: s.serviceId, label: s.title, note: `${count(s.ratings)} คน`, figures: s.allItems, meets: s.meetsTarget })),
        })
      : null,
    data.byMonth.length
      ? h(FigureTable, {
          id: 'rate-months',
          title: 'รายเดือน',
          column: 'เดือน',
          target,
          rows: data.byMonth.map((m) => ({ key: m.month, label: m.label, note: m.ratings ? `${count(m.ratings)} คน` : undefined, figures: m.allItems, meets: m.meetsTarget })),
        })
      : null,
    h(
      'div',
      { class: 'stack' },
      h('a', { href: orgPath(`/ratings/summary.csv${qs}`), download: csvName, class: 'btn btn-secondary', 'data-testid': 'rate-csv' }, 'ดาวน์โหลด CSV (เปิดด้วย Excel ได้)'),
      h('a', { href: printable, class: 'btn btn-secondary', target: '_blank', rel: 'noopener' }, 'หน้าผลสำหรับพิมพ์ / เผยแพร่'),
    ),
  );
}

/** The two headline figures side by side, each with its name and how it is computed. */
function Headline(props: { figures: Figures | null }): ComponentChild {
  const f = props.figures;
  return h(
    'dl',
    { class: 'rate-headline' },
    h(
      'div',
      { class: 'rate-big', 'data-testid': 'rate-mean' },
      h('dt', null, MEAN_NAME, h('small', null, `(${MEAN_HOW})`)),
      h('dd', null, h('strong', null, pct(f?.meanPercent)), f?.meanPercent != null ? ' %' : '', f?.mean != null ? h('small', { class: 'hint', style: { display: 'block' } }, `คะแนนเฉลี่ย ${mean2(f.mean)} จาก 5`) : null),
    ),
    h(
      'div',
      { class: 'rate-big', 'data-testid': 'rate-satisfied' },
      h('dt', null, SATISFIED_NAME, h('small', null, `(${SATISFIED_HOW})`)),
      h('dd', null, h('strong', null, pct(f?.satisfiedPercent)), f?.satisfiedPercent != null ? ' %' : ''),
    ),
  );
}

function TargetLine(props: { summary: Summary; group: Group }): ComponentChild {
  const { target } = props.summary;
  const meets = props.group.meetsTarget;
  return h(
    'p',
    { 'data-testid': 'rate-target' },
    `${target.label}: ร้อยละ ${count(target.percent)} วัดจาก${target.basisLabel}`,
    target.source ? ` (${target.source})` : '',
    ' ',
    meets == null ? null : h('span', { class: `rate-target ${meets ? 'rate-target-met' : 'rate-target-miss'}` }, meets ? '✓ ถึงเป้าหมาย' : 'ยังไม่ถึงเป้าหมาย'),
  );
}

interface Row {
  key: string;
  label: string;
  note?: string;
  figures: Figures | null;
  meets?: boolean | null;
}

/**
 * One row per item, service or month; the two figures in their own named columns (the headers carry the full names,
 * so screen readers announce which figure each number is), each value printed above a bar, the target a dashed line
 * on the bars of the figure it applies to.
 */
function FigureTable(props: { id: string; title: string; column: string; rows: Row[]; target: Summary['target'] }): ComponentChild {
  const { target } = props;
  const cell = (value: number | null, kind: 'mean' | 'satisfied') =>
    h(
      'td',
      { class: 'rate-cell' },
      h('span', { class: 'rate-fig-value' }, value == null ? '–' : `${pct(value)} %`),
      h(
        'span',
        { class: 'rate-track', 'aria-hidden': 'true' },
        value != null ? h('span', { class: `rate-fill rate-fill-${kind}`, style: { width: `${Math.max(0, Math.min(100, value))}%` } }) : null,
        target.basis === kind ? h('span', { class: 'rate-goal', style: { left: `${target.percent}%` } }) : null,
      ),
    );
  return h(
    'section',
    { 'aria-labelledby': props.id },
    h('h2', { id: props.id }, props.title),
    h(
      'table',
      { class: 'rate-table', id: `${props.id}-table` },
      h('caption', { class: 'visually-hidden' }, `${MEAN_NAME} และ${SATISFIED_NAME} ${props.title} เป้าหมายร้อยละ ${count(target.percent)}`),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, props.column),
          h('th', { scope: 'col' }, h('span', { class: 'rate-key rate-fill-mean', 'aria-hidden': 'true' }), MEAN_NAME, h('small', null, ` (${MEAN_HOW})`)),
          h('th', { scope: 'col' }, h('span', { class: 'rate-key rate-fill-satisfied', 'aria-hidden': 'true' }), SATISFIED_NAME, h('small', null, ` (${SATISFIED_HOW})`)),
        ),
      ),
      h(
        'tbody',
        null,
        props.rows.map((r) =>
          h(
            'tr',
            { key: r.key },
            h('th', { scope: 'row' }, r.label, r.note ? h('small', null, r.note) : null, r.meets != null ? h('small', null, r.meets ? '✓ ถึงเป้าหมาย' : 'ยังไม่ถึงเป้าหมาย') : null),
            r.figures && r.figures.answers
              ? [cell(r.figures.meanPercent, 'mean'), cell(r.figures.satisfiedPercent, 'satisfied')]
              : h('td', { colSpan: 2, class: 'rate-empty' }, 'ไม่มีผู้ประเมิน'),
          ),
        ),
      ),
    ),
    h('p', { class: 'rate-legend', 'aria-hidden': 'true' }, h('span', { class: 'rate-key rate-key-goal' }), `เส้นประ = เป้าหมายร้อยละ ${count(target.percent)}`),
  );
}
