import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, request } from '../lib/api.ts';
import { formatDateTime, formatNumber } from '../lib/format.ts';
import type { PageProps } from '../lib/router.ts';
import { FieldRow, show } from './fieldRow.tsx';
import type { DimensionView, DraftView, FieldView, ProjectView, ReviewEntryView } from './model.ts';
import { Button, ErrorView, Link, Loading, Notice, useApi } from '../lib/ui.ts';
import './plans.css';

/**
 * Admins: one draft plan version. The dimensions whose title (or a mission's title) the importer was not sure of
 * come first, then items with such fields, and in each its flagged fields first, each with why and the document's
 * own lines beside it. A field is accepted as imported or edited (fieldRow.tsx); every action is recorded (who, when,
 * before/after). Once no flagged field is left unchecked the draft can be published: it becomes the plan residents
 * and the chat see, with the titles as reviewed. An action the server refuses with 409 (the draft was published
 * meanwhile, or is being published) shows the server's reason and reloads the draft.
 */
type Field = FieldView;
type Project = ProjectView;
type LogEntry = ReviewEntryView;
type Draft = DraftView;

const ACTION: Record<LogEntry['action'], string> = { edit: 'แก้ไข', accept: 'ยืนยัน', publish: 'เผยแพร่' };
/** What a record entry is about: an item's field or a dimension's title. */
const about = (e: LogEntry) => (e.dimension !== null ? `มิติที่ ${e.dimension} ${e.field ?? ''}` : `${e.projectId ?? ''} ${e.field ?? ''}`);

export default function PlanReview(props: PageProps): ComponentChild {
  const planId = props.params.planId ?? '';
  const { data, error, loading, reload } = useApi<Draft>(`/plans/drafts/${encodeURIComponent(planId)}`);
  const [said, setSaid] = useState('');
  if (error && !data) return <ErrorView error={error} retry={reload} staff={true} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;
  const done = (message: string) => {
    setSaid(message);
    reload();
  };
  const stale = () => reload();
  const editable = data.publication === 'draft';
  const flagged = data.projects.filter((p) => p.flagged);
  const others = data.projects.filter((p) => !p.flagged);
  return (
    <div class="pr-page">
      <p>
        <Link to="staff/plans">‹ ร่างแผนทั้งหมด</Link>
      </p>
      <h2>{data.title || 'ร่างแผน'}</h2>
      <p class="hint">{`ปีงบประมาณ ${data.fiscalYears.join(', ')} · ไฟล์ ${data.source.file} (${formatNumber(data.source.lines)} บรรทัด) · นำเข้าเมื่อ ${formatDateTime(data.importedAt)}`}</p>
      <p>{`ยอดรวมที่เอกสารระบุตรงกับที่อ่านได้ ${data.fidelity.agreements} รายการ ไม่ตรง ${data.fidelity.disagreements} รายการ`}</p>
      {data.fidelity.contradictions.length ? (
        <Notice kind="warning" title="เอกสารขัดแย้งกันเอง">
          <ul>
            {data.fidelity.contradictions.map((c) => (
              <li key={`${c.line}-${c.note}`}>{`บรรทัด ${c.line}: ${c.note}`}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <p class="visually-hidden" role="status" aria-live="polite">
        {said}
      </p>
      {data.publication === 'published' ? (
        <Notice kind="success" title="เผยแพร่แล้ว">
          <p>{`แผนนี้เผยแพร่แล้วเมื่อ ${formatDateTime(data.publishedAt ?? '')} ประชาชนและแชตบอตเห็นฉบับนี้`}</p>
        </Notice>
      ) : null}
      {data.publication === 'publishing' ? (
        <Notice kind="warning" title="กำลังเผยแพร่">
          <p>บันทึกการเผยแพร่แผนนี้แล้ว แก้ไขหรือยืนยันเพิ่มไม่ได้ หากยังไม่เห็นว่าเผยแพร่แล้ว กด "เผยแพร่แผนนี้" อีกครั้งเพื่อให้เสร็จ</p>
        </Notice>
      ) : null}
      <Dimensions planId={data.id} dimensions={data.dimensions} editable={editable} done={done} stale={stale} />
      <h2 id="flagged-title">{`โครงการที่มีช่องต้องตรวจ (${flagged.length})`}</h2>
      {flagged.length === 0 ? <p class="hint">ระบบอ่านทุกช่องได้แน่ใจ ไม่มีช่องที่ต้องตรวจ</p> : null}
      {flagged.map((p) => (
        <ProjectCard key={p.id} planId={data.id} project={p} editable={editable} done={done} stale={stale} />
      ))}
      {others.length ? (
        <details>
          <summary>{`โครงการอื่น (${others.length}) — ตรวจหรือแก้ไขได้เช่นกัน`}</summary>
          {others.map((p) => (
            <ProjectCard key={p.id} planId={data.id} project={p} editable={editable} done={done} stale={stale} />
          ))}
        </details>
      ) : null}
      {data.publication !== 'published' ? <Publish planId={data.id} open={data.openFlags} done={done} stale={stale} /> : null}
      <details class="pr-log">
        <summary>{`บันทึกการตรวจ (${data.log.length})`}</summary>
        <ol class="plain" id="review-log">
          {data.log.map((e) => (
            <li key={e.id} data-action={e.action}>
              {`${formatDateTime(e.at)} · ${e.by} · ${ACTION[e.action]}`}
              {e.action === 'publish' ? '' : ` ${about(e)}: ${show(e.before)}${e.action === 'edit' ? ` → ${show(e.after)}` : ''}`}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}

type Actions = { done: (m: string) => void; stale: () => void };

function ProjectCard(props: { planId: string; project: Project; editable: boolean } & Actions): ComponentChild {
  const p = props.project;
  const checked = p.fields.filter((f) => f.state !== 'unflagged');
  const rest = p.fields.filter((f) => f.state === 'unflagged');
  const item = (f: Field) => <FieldRow key={f.field} planId={props.planId} owner={{ kind: 'project', id: p.id }} field={f} editable={props.editable} done={props.done} stale={props.stale} />;
  return (
    <article class="card pr-project" data-project={p.id}>
      <h2>{`${p.number}. ${p.name}`}</h2>
      <p class="hint">
        {`มิติที่ ${p.dimension}`}
        {p.openFlags ? <strong>{` · ยังไม่ได้ตรวจ ${p.openFlags} ช่อง`}</strong> : ''}
      </p>
      {checked.length ? <ul class="pr-fields">{checked.map(item)}</ul> : null}
      <details>
        <summary>{checked.length ? `ช่องอื่น (${rest.length})` : `ดูและแก้ไขช่องต่าง ๆ (${rest.length})`}</summary>
        <ul class="pr-fields">{rest.map(item)}</ul>
      </details>
    </article>
  );
}

/**
 * The dimensions: those with a title the importer was not sure of first, each as a card of its title fields (the
 * dimension's, then its missions'); the others under <details>, their titles editable too.
 */
function Dimensions(props: { planId: string; dimensions: DimensionView[]; editable: boolean } & Actions): ComponentChild {
  const flagged = props.dimensions.filter((d) => d.flagged);
  const others = props.dimensions.filter((d) => !d.flagged);
  const card = (d: DimensionView) => {
    const checked = d.fields.filter((f) => f.state !== 'unflagged');
    const rest = d.fields.filter((f) => f.state === 'unflagged');
    const item = (f: Field) => <FieldRow key={f.field} planId={props.planId} owner={{ kind: 'dimension', number: d.number }} field={f} editable={props.editable} done={props.done} stale={props.stale} />;
    return (
      <article class="card pr-project" data-dimension={d.number} key={d.number}>
        <h3 class="pr-dim-title">{`มิติที่ ${d.number} ${d.title || '(ยังไม่มีชื่อ)'}`}</h3>
        {d.openFlags ? (
          <p class="hint">
            <strong>{`ยังไม่ได้ตรวจ ${d.openFlags} ช่อง`}</strong>
          </p>
        ) : null}
        {checked.length ? <ul class="pr-fields">{checked.map(item)}</ul> : null}
        {rest.length ? (
          <details>
            <summary>{checked.length ? `ชื่ออื่นในมิตินี้ (${rest.length})` : `ดูและแก้ไขชื่อมิติและภารกิจ (${rest.length})`}</summary>
            <ul class="pr-fields">{rest.map(item)}</ul>
          </details>
        ) : null}
      </article>
    );
  };
  if (props.dimensions.length === 0) return null;
  return (
    <section aria-labelledby="dimensions-title">
      <h2 id="dimensions-title">{`ชื่อมิติที่ต้องตรวจ (${flagged.length})`}</h2>
      {flagged.length === 0 ? <p class="hint">ระบบอ่านชื่อมิติและภารกิจได้แน่ใจทุกข้อ</p> : <p class="hint">แชตบอตตอบประชาชนว่า "มิติที่ N ชื่อมิติ" ตามชื่อที่ยืนยันหรือแก้ไขที่นี่</p>}
      {flagged.map(card)}
      {others.length ? (
        <details>
          <summary>{`มิติอื่น (${others.length}) — แก้ไขชื่อได้เช่นกัน`}</summary>
          {others.map(card)}
        </details>
      ) : null}
    </section>
  );
}

function Publish(props: { planId: string; open: number } & Actions): ComponentChild {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const publish = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await request(`/plans/drafts/${encodeURIComponent(props.planId)}/publish`, { body: {} });
      props.done('เผยแพร่แผนแล้ว');
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
      // Refused as things stand (a field still open, published by someone else): show them as they are now.
      if (err instanceof ApiError && err.status === 409) props.stale();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="pr-summary" aria-labelledby="publish-title">
      <h2 id="publish-title">เผยแพร่</h2>
      {props.open > 0 ? <p>{`ยังมี ${props.open} ช่องที่ต้องตรวจ (ยืนยันหรือแก้ไข) ก่อนเผยแพร่`}</p> : <p>ตรวจครบแล้ว เมื่อเผยแพร่ ประชาชนและแชตบอตจะเห็นแผนฉบับนี้แทนฉบับเดิม</p>}
      {problem ? (
        <Notice kind="error" role="alert">
          <p>{problem}</p>
        </Notice>
      ) : null}
      <Button busy={busy} disabled={props.open > 0} onClick={() => void publish()}>
        เผยแพร่แผนนี้
      </Button>
    </section>
  );
}
