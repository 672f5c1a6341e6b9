import type { ComponentChild } from 'preact';
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
import { periodAndServiceFields } from './filters.tsx';
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

  const filters = <div class="filters">{...periodAndServiceFields({ period, setPeriod, serviceId, setServiceId, services })}</div>;
  const intro = <p>ผลการประเมินความพึงพอใจของผู้รับบริการที่หน่วยงานเผยแพร่ต่อสาธารณะ ไม่มีข้อมูลที่ระบุตัวผู้ประเมิน และไม่แสดงความคิดเห็นรายบุคคล</p>;
  if (loading && !data)
    return (
      <div>
        {intro}
        {filters}
        <Loading />
      </div>
    );
  if (error || !data)
    return (
      <div>
        {intro}
        {filters}
        <ErrorView error={error} retry={reload} />
      </div>
    );

  const target = data.target;
  const chosenTitle = data.serviceId ? (services.find((s) => s.id === data.serviceId)?.title ?? data.serviceId) : '';
  const csvName = `ratings-${data.org.id}-${data.range.from}-${data.range.to}.csv`;
  const printable = `/orgs/${encodeURIComponent(getSession().org.id)}/ratings/results${qs}`;
  return (
    <div>
      {intro}
      {filters}
      <section aria-labelledby="rate-total" data-testid="rate-total">
        <h2 id="rate-total">ภาพรวม{chosenTitle ? `: ${chosenTitle}` : ''}</h2>
        <p>
          {`${formatDate(`${data.range.from}T12:00:00+07:00`)} – ${formatDate(`${data.range.to}T12:00:00+07:00`)} · ผู้ประเมิน `}
          <strong data-testid="rate-count">{count(data.total.ratings)}</strong>
          {' คน'}
        </p>
        {data.total.ratings === 0 ? <p class="rate-empty">ยังไม่มีผู้ประเมินในช่วงนี้</p> : null}
        <Headline figures={data.total.allItems} />
        <TargetLine summary={data} group={data.total} />
        <details class="rate-defs">
          <summary>สองตัวเลขนี้ต่างกันอย่างไร</summary>
          <dl>
            <dt>{`${MEAN_NAME} (${MEAN_HOW})`}</dt>
            <dd>
              {data.definitions.meanPercent}
              {' เช่น คะแนนเฉลี่ย 4.58 = ร้อยละ 91.6'}
            </dd>
            <dt>{`${SATISFIED_NAME} (${SATISFIED_HOW})`}</dt>
            <dd>{data.definitions.satisfiedPercent}</dd>
          </dl>
          <p>ตัวอย่าง: ครึ่งหนึ่งให้ 3 อีกครึ่งให้ 5 ได้ร้อยละความพึงพอใจ 80 แต่ผู้ที่พึงพอใจมาก-มากที่สุดมีร้อยละ 50</p>
        </details>
      </section>
      <FigureTable
        id="rate-items"
        title="แยกตามด้าน"
        column="ด้าน"
        target={target}
        rows={ITEM_IDS.map((item) => ({ key: item, label: FORM_LABELS[item], figures: data.total.items[item] ?? null }))}
      />
      {data.byService.length ? (
        <FigureTable
          id="rate-services"
          title="แยกตามบริการ"
          column="บริการ"
          target={target}
          rows={data.byService.map((s) => ({ key: s.serviceId, label: s.title, note: `${count(s.ratings)} คน`, figures: s.allItems, meets: s.meetsTarget }))}
        />
      ) : null}
      {data.byMonth.length ? (
        <FigureTable
          id="rate-months"
          title="รายเดือน"
          column="เดือน"
          target={target}
          rows={data.byMonth.map((m) => ({
            key: m.month,
            label: m.label,
            note: m.ratings ? `${count(m.ratings)} คน` : undefined,
            figures: m.allItems,
            meets: m.meetsTarget,
          }))}
        />
      ) : null}
      <div class="stack">
        <a href={orgPath(`/ratings/summary.csv${qs}`)} download={csvName} class="btn btn-secondary" data-testid="rate-csv">
          ดาวน์โหลด CSV (เปิดด้วย Excel ได้)
        </a>
        <a href={printable} class="btn btn-secondary" target="_blank" rel="noopener">
          หน้าผลสำหรับพิมพ์ / เผยแพร่
        </a>
      </div>
    </div>
  );
}

/** The two headline figures side by side, each with its name and how it is computed. */
function Headline(props: { figures: Figures | null }): ComponentChild {
  const f = props.figures;
  return (
    <dl class="rate-headline">
      <div class="rate-big" data-testid="rate-mean">
        <dt>
          {MEAN_NAME}
          <small>{`(${MEAN_HOW})`}</small>
        </dt>
        <dd>
          <strong>{pct(f?.meanPercent)}</strong>
          {f?.meanPercent != null ? ' %' : ''}
          {f?.mean != null ? <small class="hint" style={{ display: 'block' }}>{`คะแนนเฉลี่ย ${mean2(f.mean)} จาก 5`}</small> : null}
        </dd>
      </div>
      <div class="rate-big" data-testid="rate-satisfied">
        <dt>
          {SATISFIED_NAME}
          <small>{`(${SATISFIED_HOW})`}</small>
        </dt>
        <dd>
          <strong>{pct(f?.satisfiedPercent)}</strong>
          {f?.satisfiedPercent != null ? ' %' : ''}
        </dd>
      </div>
    </dl>
  );
}

function TargetLine(props: { summary: Summary; group: Group }): ComponentChild {
  const { target } = props.summary;
  const meets = props.group.meetsTarget;
  return (
    <p data-testid="rate-target">
      {`${target.label}: ร้อยละ ${count(target.percent)} วัดจาก${target.basisLabel}`}
      {target.source ? ` (${target.source})` : ''}{' '}
      {meets == null ? null : <span class={`rate-target ${meets ? 'rate-target-met' : 'rate-target-miss'}`}>{meets ? '✓ ถึงเป้าหมาย' : 'ยังไม่ถึงเป้าหมาย'}</span>}
    </p>
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
  const cell = (value: number | null, kind: 'mean' | 'satisfied') => (
    <td class="rate-cell">
      <span class="rate-fig-value">{value == null ? '–' : `${pct(value)} %`}</span>
      <span class="rate-track" aria-hidden="true">
        {value != null ? <span class={`rate-fill rate-fill-${kind}`} style={{ width: `${Math.max(0, Math.min(100, value))}%` }} /> : null}
        {target.basis === kind ? <span class="rate-goal" style={{ left: `${target.percent}%` }} /> : null}
      </span>
    </td>
  );
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <table class="rate-table" id={`${props.id}-table`}>
        <caption class="visually-hidden">{`${MEAN_NAME} และ${SATISFIED_NAME} ${props.title} เป้าหมายร้อยละ ${count(target.percent)}`}</caption>
        <thead>
          <tr>
            <th scope="col">{props.column}</th>
            <th scope="col">
              <span class="rate-key rate-fill-mean" aria-hidden="true" />
              {MEAN_NAME}
              <small>{` (${MEAN_HOW})`}</small>
            </th>
            <th scope="col">
              <span class="rate-key rate-fill-satisfied" aria-hidden="true" />
              {SATISFIED_NAME}
              <small>{` (${SATISFIED_HOW})`}</small>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                {r.label}
                {r.note ? <small>{r.note}</small> : null}
                {r.meets != null ? <small>{r.meets ? '✓ ถึงเป้าหมาย' : 'ยังไม่ถึงเป้าหมาย'}</small> : null}
              </th>
              {r.figures && r.figures.answers ? (
                [cell(r.figures.meanPercent, 'mean'), cell(r.figures.satisfiedPercent, 'satisfied')]
              ) : (
                <td colSpan={2} class="rate-empty">
                  ไม่มีผู้ประเมิน
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="rate-legend" aria-hidden="true">
        <span class="rate-key rate-key-goal" />
        {`เส้นประ = เป้าหมายร้อยละ ${count(target.percent)}`}
      </p>
    </section>
  );
}
