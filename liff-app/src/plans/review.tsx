import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, request } from '../lib/api.ts';
import { formatDateTime, formatNumber } from '../lib/format.ts';
import type { PageProps } from '../lib/router.ts';
import type { DraftView, FieldValue, FieldView, ProjectView, ReviewEntryView } from './model.ts';
import { Button, ErrorView, Link, Loading, Notice, TextField, useApi } from '../lib/ui.ts';
import './plans.css';

/**
 * Admins: one draft plan version. Items with fields the importer was not sure of come first, and in each item its
 * flagged fields first, each with why and the document's own lines beside it. A field is accepted as imported or
 * edited; every action is recorded (who, when, before/after). Once no flagged field is left unchecked the draft can
 * be published: it becomes the plan residents and the chat see.
 */
type Value = FieldValue;
type Field = FieldView;
type Project = ProjectView;
type LogEntry = ReviewEntryView;
type Draft = DraftView;

const STATE: Record<Field['state'], string> = { open: 'ยังไม่ได้ตรวจ', accepted: 'ยืนยันแล้ว', edited: 'แก้ไขแล้ว', unflagged: '' };
const ACTION: Record<LogEntry['action'], string> = { edit: 'แก้ไข', accept: 'ยืนยัน', publish: 'เผยแพร่' };

function show(v: Value): string {
  if (v === null || v === '') return '— (ไม่ระบุ)';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'object')
    return Object.entries(v)
      .map(([y, b]) => `${y}: ${formatNumber(b)}`)
      .join(' · ');
  return v;
}
const isBudget = (field: string) => field.startsWith('budgets');

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
      {data.dimensionFlags.length ? (
        <Notice kind="warning" title="มิติที่ระบบอ่านได้ไม่ครบ">
          <ul>
            {data.dimensionFlags.map((f) => (
              <li key={`${f.dimension}-${f.field}-${f.reason}`}>{`มิติที่ ${f.dimension}: ${f.field === 'title' ? 'อ่านชื่อมิติจากเอกสารไม่ได้' : 'อ่านชื่อภารกิจบางข้อไม่ได้'}${f.line ? ` (ดูบรรทัด ${f.line})` : ''}`}</li>
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
      <h2 id="flagged-title">{`โครงการที่มีช่องต้องตรวจ (${flagged.length})`}</h2>
      {flagged.length === 0 ? <p class="hint">ระบบอ่านทุกช่องได้แน่ใจ ไม่มีช่องที่ต้องตรวจ</p> : null}
      {flagged.map((p) => (
        <ProjectCard key={p.id} planId={data.id} project={p} editable={data.publication === 'draft'} done={done} />
      ))}
      {others.length ? (
        <details>
          <summary>{`โครงการอื่น (${others.length}) — ตรวจหรือแก้ไขได้เช่นกัน`}</summary>
          {others.map((p) => (
            <ProjectCard key={p.id} planId={data.id} project={p} editable={data.publication === 'draft'} done={done} />
          ))}
        </details>
      ) : null}
      {data.publication === 'draft' ? <Publish planId={data.id} open={data.openFlags} done={done} /> : null}
      <details class="pr-log">
        <summary>{`บันทึกการตรวจ (${data.log.length})`}</summary>
        <ol class="plain" id="review-log">
          {data.log.map((e) => (
            <li key={e.id} data-action={e.action}>
              {`${formatDateTime(e.at)} · ${e.by} · ${ACTION[e.action]}`}
              {e.action === 'publish' ? '' : ` ${e.projectId ?? ''} ${e.field ?? ''}: ${show(e.before)}${e.action === 'edit' ? ` → ${show(e.after)}` : ''}`}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}

function ProjectCard(props: { planId: string; project: Project; editable: boolean; done: (m: string) => void }): ComponentChild {
  const p = props.project;
  const checked = p.fields.filter((f) => f.state !== 'unflagged');
  const rest = p.fields.filter((f) => f.state === 'unflagged');
  const item = (f: Field) => <FieldRow key={f.field} planId={props.planId} projectId={p.id} field={f} editable={props.editable} done={props.done} />;
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

function FieldRow(props: { planId: string; projectId: string; field: Field; editable: boolean; done: (m: string) => void }): ComponentChild {
  const f = props.field;
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState('');
  const [perYear, setPerYear] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const domId = `f-${props.projectId}-${f.field.replace('.', '-')}`;
  const base = `/plans/drafts/${encodeURIComponent(props.planId)}/projects/${encodeURIComponent(props.projectId)}`;
  const hits = new Set(f.flags.map((x) => x.line));

  const send = async (path: 'accept' | 'edit', body: unknown, message: string) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await request(`${base}/${path}`, { body });
      setEditing(false);
      props.done(message);
    } catch (err) {
      setProblem(err instanceof ApiError && err.issues.length ? err.issues.map((i) => i.message).join(' ') : err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const startEdit = () => {
    setText(f.value === null || typeof f.value === 'object' ? '' : String(f.value));
    setPerYear(typeof f.value === 'object' && f.value ? Object.fromEntries(Object.entries(f.value).map(([y, v]) => [y, String(v)])) : {});
    setEditing(true);
  };
  const save = () => {
    const value = f.field === 'budgets' ? perYear : f.field === 'dimension' ? text.trim() : text;
    void send('edit', { field: f.field, value }, `บันทึกการแก้ไข ${f.label} แล้ว`);
  };

  return (
    <li class={`pr-field pr-field-${f.state}`} data-field={f.field} data-state={f.state}>
      <h3>
        {f.label}
        {f.state !== 'unflagged' ? <span class="pr-state">{` · ${STATE[f.state]}`}</span> : null}
      </h3>
      <div class="pr-value">
        {show(f.value)}
        {isBudget(f.field) && f.value !== null ? ' บาท' : ''}
      </div>
      {f.flags.map((x) => (
        <p class="pr-reason" key={x.reason}>
          <span aria-hidden="true">{'⚠ '}</span>
          {`ระบบไม่แน่ใจ: ${x.reason}`}
          {x.line ? ` (บรรทัด ${x.line})` : ''}
        </p>
      ))}
      {f.last ? <p class="hint">{`${f.last.action === 'edit' ? 'แก้ไข' : 'ยืนยัน'}โดย ${f.last.by} เมื่อ ${formatDateTime(f.last.at)}`}</p> : null}
      {f.source.length ? (
        <figure class="pr-source">
          <figcaption class="visually-hidden">ข้อความในเอกสารต้นฉบับ</figcaption>
          <ol>
            {f.source.map((l) => (
              <li key={l.line} class={hits.has(l.line) ? 'pr-hit' : undefined}>
                <span class="pr-ln">{`${l.line}`}</span>
                {l.text}
              </li>
            ))}
          </ol>
        </figure>
      ) : null}
      {problem && !editing ? (
        <Notice kind="error" role="alert">
          <p>{problem}</p>
        </Notice>
      ) : null}
      {props.editable && !editing ? (
        <div class="row">
          {f.state === 'open' || f.state === 'unflagged' ? (
            <Button
              kind={f.state === 'open' ? 'primary' : 'secondary'}
              busy={busy}
              onClick={() => void send('accept', { field: f.field }, `ยืนยัน ${f.label} แล้ว`)}
            >
              ถูกต้อง ยืนยัน
            </Button>
          ) : null}
          <Button kind="secondary" busy={busy} onClick={startEdit}>
            แก้ไข
          </Button>
        </div>
      ) : null}
      {editing ? (
        <div class="pr-edit">
          {f.field === 'budgets' ? (
            Object.keys(perYear).map((y) => (
              <TextField
                key={y}
                id={`${domId}-${y}`}
                label={`งบประมาณ ปี ${y} (บาท)`}
                value={perYear[y] ?? ''}
                inputMode="numeric"
                required={true}
                onInput={(v: string) => setPerYear({ ...perYear, [y]: v })}
                error={problem}
              />
            ))
          ) : (
            <TextField
              id={domId}
              label={`${f.label} ที่ถูกต้อง`}
              value={text}
              onInput={setText}
              required={f.field !== 'mission' && f.field !== 'responsibleUnit'}
              hint={isBudget(f.field) ? 'จำนวนเงินเต็มบาท ใส่ 0 ถ้าไม่ใช้งบประมาณ' : f.field === 'mission' ? 'เช่น 2.2 เว้นว่างได้' : undefined}
              inputMode={isBudget(f.field) || f.field === 'dimension' ? 'numeric' : undefined}
              error={problem}
            />
          )}
          <div class="row">
            <Button busy={busy} onClick={save}>
              บันทึก
            </Button>
            <Button kind="secondary" onClick={() => setEditing(false)}>
              ยกเลิก
            </Button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

function Publish(props: { planId: string; open: number; done: (m: string) => void }): ComponentChild {
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
