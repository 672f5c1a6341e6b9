import type { ComponentChild } from 'preact';
import { useReducer } from 'preact/hooks';
import { formatThaiTime } from '../../../functions/src/time/bangkok.ts';
import { ApiError, request } from '../lib/api.ts';
import { FINAL, STATUS_LABELS, type Status } from '../lib/complaints.ts';
import { Button, ErrorSummary, Notice, RadioGroup, TextArea, TextField, focusSoon, issuesByField } from '../lib/ui.ts';
import type { StaffComplaint } from './staffComplaint.ts';
import { initialStatusChange, needsNote, needsReason, statusChangeProblems, statusChangeReducer } from './statusChange.ts';

/** The staff detail's status change: choose, write what the complainant will read, save; take it back for a few minutes. */
export function StatusForm(props: { complaint: StaffComplaint; onChanged: () => void }): ComponentChild {
  const c = props.complaint;
  const options =
    c.allowedTransitions ??
    (FINAL.includes(c.status) ? [] : (['acknowledged', 'in_progress', 'resolved', 'rejected', 'forwarded'] as Status[]).filter((s) => s !== c.status));
  const [state, dispatch] = useReducer(statusChangeReducer, initialStatusChange);
  const { to, note, reason, forwardedTo, errors, formError, busy, done, undo } = state;

  // The person who made a change may take it back within a few minutes; the complainant is told only after that.
  const takeBack = async () => {
    if (!undo) return;
    dispatch({ type: 'undo-start' });
    try {
      await request(`/staff/complaints/${encodeURIComponent(c.id)}/undo`, { body: { seq: undo.seq } });
      dispatch({ type: 'undone', done: 'ย้อนกลับแล้ว ผู้แจ้งไม่ได้รับแจ้งการเปลี่ยนแปลงนั้น' });
      props.onChanged();
    } catch (err) {
      dispatch({ type: 'undo-failed', message: err instanceof Error ? err.message : String(err) });
      focusSoon('error-summary');
    }
  };
  const undoUntil = undo ? formatThaiTime(undo.until) : '';

  const doneNotice = done ? (
    <Notice kind="success" role="status">
      <p>{done}</p>
      {undo ? <Button kind="secondary" busy={busy} onClick={() => void takeBack()}>{`ย้อนกลับ (ได้ถึง ${undoUntil} น.)`}</Button> : null}
    </Notice>
  ) : null;
  if (options.length === 0) {
    return (
      <>
        {doneNotice}
        <Notice kind="info">
          <p>{undo ? 'เรื่องนี้ปิดแล้ว เปลี่ยนสถานะไม่ได้ นอกจากย้อนกลับภายในเวลาข้างบน' : 'เรื่องนี้ปิดแล้ว เปลี่ยนสถานะไม่ได้'}</p>
        </Notice>
      </>
    );
  }
  const noteRequired = !!to && needsNote(c.status, to);
  const reasonRequired = !!to && needsReason(to);

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = statusChangeProblems(c.status, state);
    if (Object.values(found).some(Boolean)) {
      dispatch({ type: 'invalid', errors: found });
      focusSoon('error-summary');
      return;
    }
    dispatch({ type: 'submit' });
    try {
      const changed = await request<{ undo?: { seq: number; until: string } }>(`/staff/complaints/${encodeURIComponent(c.id)}/status`, {
        body: {
          to,
          ...(note.trim() ? { note: note.trim() } : {}),
          ...(reasonRequired ? { reason: reason.trim() } : {}),
          ...(to === 'forwarded' ? { forwardedTo: forwardedTo.trim() } : {}),
        },
      });
      dispatch({
        type: 'saved',
        done: `บันทึกแล้ว: สถานะเป็น “${STATUS_LABELS[to as Status]}”${c.anonymous ? '' : ' ผู้แจ้งจะได้รับข้อความทาง LINE เมื่อพ้นเวลาย้อนกลับ'}`,
        undo: changed.undo ?? null,
      });
      props.onChanged();
    } catch (err) {
      dispatch({
        type: 'failed',
        message: err instanceof Error ? err.message : String(err),
        ...(err instanceof ApiError && err.status === 400 && err.issues.length ? { errors: issuesByField(err.issues) } : {}),
      });
      focusSoon('error-summary');
    }
  };

  const summary = [
    ...(formError && !Object.values(errors).some(Boolean) ? [{ message: formError }] : []),
    ...(['to', 'forwardedTo', 'reason', 'note'] as const).filter((k) => errors[k]).map((k) => ({ field: k, message: errors[k]! })),
  ];
  return (
    <section class="card" aria-labelledby="s-title">
      <h2 id="s-title">เปลี่ยนสถานะ</h2>
      {doneNotice}
      <form noValidate={true} onSubmit={submit} class="form">
        <ErrorSummary errors={summary} title={summary.length === 1 && !('field' in summary[0]!) ? 'เปลี่ยนสถานะไม่สำเร็จ' : 'กรุณาแก้ไขก่อนบันทึก'} />
        <RadioGroup
          id="to"
          legend="สถานะใหม่"
          value={to}
          onChange={(v) => dispatch({ type: 'choose', to: v as Status })}
          error={errors.to}
          options={options.map((s) => ({
            value: s,
            label: s === c.status ? 'แจ้งความคืบหน้า (ยังดำเนินการอยู่)' : (STATUS_LABELS[s] ?? s),
          }))}
        />
        {to === 'forwarded' ? (
          <TextField
            id="forwardedTo"
            label="ส่งต่อไปที่หน่วยงาน"
            required={true}
            value={forwardedTo}
            onInput={(value) => dispatch({ type: 'field', field: 'forwardedTo', value })}
            error={errors.forwardedTo}
            hint="เช่น การไฟฟ้าส่วนภูมิภาคอำเภอ"
          />
        ) : null}
        {reasonRequired ? (
          <TextArea
            id="reason"
            label={to === 'forwarded' ? 'เหตุผลที่ส่งต่อ' : 'เหตุผลที่ไม่รับพิจารณา'}
            required={true}
            hint="ผู้แจ้งจะเห็นเหตุผลนี้"
            value={reason}
            onInput={(value) => dispatch({ type: 'field', field: 'reason', value })}
            maxLength={1000}
            rows={3}
            error={errors.reason}
          />
        ) : null}
        <TextArea
          id="note"
          label="ข้อความถึงผู้แจ้ง"
          required={noteRequired}
          hint={c.anonymous ? 'ผู้แจ้งไม่ระบุตัวตน จะเห็นข้อความนี้เมื่อติดตามด้วยรหัส' : 'ส่งถึงผู้แจ้งทาง LINE และแสดงในประวัติ เขียนให้ชัดว่าทำอะไรไปแล้ว'}
          value={note}
          onInput={(value) => dispatch({ type: 'field', field: 'note', value })}
          maxLength={1000}
          rows={3}
          error={errors.note}
        />
        <Button type="submit" busy={busy}>
          {busy ? 'กำลังบันทึก…' : 'บันทึกสถานะ'}
        </Button>
      </form>
    </section>
  );
}
