import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, request } from '../lib/api.ts';
import { formatDateTime, formatNumber } from '../lib/format.ts';
import type { AcceptBody, DimensionAcceptBody, DimensionEditBody, EditBody, FieldValue, FieldView } from './model.ts';
import { Button, Notice, TextField } from '../lib/ui.ts';

/**
 * One field under review, a project's (name, budget…) or a dimension's (its title, a mission's title): its value,
 * why the importer was unsure (in Thai; a draft imported before the Thai shows the English, saying so), who last
 * checked it, and the document's own lines beside it (the flagged line highlighted); "ถูกต้อง ยืนยัน" accepts it as
 * read, "แก้ไข" opens the form (the API's 400 message by the field).
 * A 409 means the draft moved on under the page (published, or being published, meanwhile): nothing was saved, the
 * server's reason is shown on the field and the page reloads the draft (`stale`), so it shows what is now true.
 */
export const STATE: Record<FieldView['state'], string> = { open: 'ยังไม่ได้ตรวจ', accepted: 'ยืนยันแล้ว', edited: 'แก้ไขแล้ว', unflagged: '' };
/** Said after a reason that has no Thai (a draft imported before the importer wrote its reasons in Thai). */
const ENGLISH_ONLY = '(ร่างนี้มีคำอธิบายเป็นภาษาอังกฤษเท่านั้น)';

export function show(v: FieldValue): string {
  if (v === null || v === '') return '— (ไม่ระบุ)';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'object')
    return Object.entries(v)
      .map(([y, b]) => `${y}: ${formatNumber(b)}`)
      .join(' · ');
  return v;
}
const isBudget = (field: string) => field.startsWith('budgets');

/** Whose field: a project's (`/projects/:id`) or a dimension's (`/dimensions/:n`, titles only). */
export type FieldOwner = { kind: 'project'; id: string } | { kind: 'dimension'; number: number };

export function FieldRow(props: { planId: string; owner: FieldOwner; field: FieldView; editable: boolean; done: (m: string) => void; stale: () => void }): ComponentChild {
  const f = props.field;
  const owner = props.owner;
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState('');
  const [perYear, setPerYear] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const ownerPath = owner.kind === 'project' ? `projects/${encodeURIComponent(owner.id)}` : `dimensions/${owner.number}`;
  const domId = `f-${owner.kind === 'project' ? owner.id : `dim${owner.number}`}-${f.field.replace(/\./g, '-')}`;
  const base = `/plans/drafts/${encodeURIComponent(props.planId)}/${ownerPath}`;
  const hits = new Set(f.flags.map((x) => x.line));
  const isTitle = owner.kind === 'dimension';
  // An empty title is never accepted as read: it has to be written in (the API says the same, 409).
  const canAccept = (f.state === 'open' || f.state === 'unflagged') && !(isTitle && f.value === '');

  const send = async (path: 'accept' | 'edit', body: unknown, message: string) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await request(`${base}/${path}`, { body });
      setEditing(false);
      props.done(message);
    } catch (err) {
      setProblem(err instanceof ApiError && err.issues.length ? err.issues.map((i) => i.message).join(' ') : err instanceof Error ? err.message : String(err));
      if (err instanceof ApiError && err.status === 409) {
        setEditing(false);
        props.stale();
      }
    } finally {
      setBusy(false);
    }
  };
  const accept = () => {
    const body: AcceptBody | DimensionAcceptBody = { field: f.field };
    void send('accept', body, `ยืนยัน ${f.label} แล้ว`);
  };
  const startEdit = () => {
    setText(f.value === null || typeof f.value === 'object' ? '' : String(f.value));
    setPerYear(typeof f.value === 'object' && f.value ? Object.fromEntries(Object.entries(f.value).map(([y, v]) => [y, String(v)])) : {});
    setEditing(true);
  };
  const save = () => {
    const value = f.field === 'budgets' ? perYear : f.field === 'dimension' ? text.trim() : text;
    const body: EditBody | DimensionEditBody = { field: f.field, value };
    void send('edit', body, `บันทึกการแก้ไข ${f.label} แล้ว`);
  };
  const hint = isTitle
    ? f.field === 'title'
      ? `ชื่อมิติตามที่เอกสารเขียน ไม่ต้องใส่ "มิติที่ ${owner.kind === 'dimension' ? owner.number : ''}"`
      : 'ชื่อภารกิจตามที่เอกสารเขียน ไม่ต้องใส่รหัสภารกิจ'
    : isBudget(f.field)
      ? 'จำนวนเงินเต็มบาท ใส่ 0 ถ้าไม่ใช้งบประมาณ'
      : f.field === 'mission'
        ? 'เช่น 2.2 เว้นว่างได้'
        : undefined;

  return (
    <li class={`pr-field pr-field-${f.state}`} data-field={f.field} data-state={f.state}>
      <h3>
        {f.label}
        {f.state !== 'unflagged' ? <span class="pr-state">{` · ${STATE[f.state]}`}</span> : null}
      </h3>
      <div class="pr-value">
        {isTitle && f.value === '' ? '— (อ่านจากเอกสารไม่ได้)' : show(f.value)}
        {isBudget(f.field) && f.value !== null ? ' บาท' : ''}
      </div>
      {f.flags.map((x) => (
        <p class="pr-reason" key={`${x.line ?? ''}|${x.reason}`}>
          <span aria-hidden="true">{'⚠ '}</span>
          {'ระบบไม่แน่ใจ: '}
          {x.reasonTh ?? <span lang="en">{x.reason}</span>}
          {x.line ? ` (บรรทัด ${x.line})` : ''}
          {x.reasonTh ? null : <span class="pr-reason-en">{` ${ENGLISH_ONLY}`}</span>}
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
          {canAccept ? (
            <Button kind={f.state === 'open' ? 'primary' : 'secondary'} busy={busy} onClick={accept}>
              ถูกต้อง ยืนยัน
            </Button>
          ) : null}
          <Button kind={f.state === 'open' && !canAccept ? 'primary' : 'secondary'} busy={busy} onClick={startEdit}>
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
              hint={hint}
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
