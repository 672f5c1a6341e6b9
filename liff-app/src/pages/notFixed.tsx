import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { COMPLAINT_LIMITS } from '../../../functions/src/contracts/tables/complaints.ts';
import type { OwnerComplaintView, ReopenBody, TrackedComplaint } from '../../../functions/src/contracts/complaints.ts';
import { ApiError, request } from '../lib/api.ts';
import { formatDateTime } from '../lib/format.ts';
import { Button, focusSoon, issuesByField, Notice, TextArea } from '../lib/ui.ts';

const { min: REASON_MIN, max: REASON_MAX } = COMPLAINT_LIMITS.reopenReason;

/**
 * "ยังไม่ได้รับการแก้ไข": the complainant of a resolved case says it was not fixed, with a short reason, while the
 * server's window is open (`reopenUntil`). Signed-in complainants are known by their token; anonymous ones send the
 * secret they tracked with. The server decides; its Thai refusal is shown as it comes.
 */
export function NotFixed(props: { code: string; until: string; secret?: string | undefined; onDone: (c: TrackedComplaint) => void }): ComponentChild {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  if (!open) {
    return (
      <section class="card" aria-labelledby="not-fixed-title">
        <h3 id="not-fixed-title">ปัญหายังไม่ได้รับการแก้ไขใช่ไหม</h3>
        <p class="hint">{`แจ้งได้ภายใน ${formatDateTime(props.until)} เรื่องจะถูกเปิดอีกครั้งและส่งให้เจ้าหน้าที่ดำเนินการต่อ`}</p>
        <Button
          kind="secondary"
          onClick={() => {
            setOpen(true);
            focusSoon('reopen-reason');
          }}
        >
          ยังไม่ได้รับการแก้ไข
        </Button>
      </section>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    const text = reason.trim();
    if ([...text].length < REASON_MIN) {
      setError(`กรุณาบอกสั้น ๆ ว่ายังมีปัญหาอะไร อย่างน้อย ${REASON_MIN} ตัวอักษร`);
      focusSoon('reopen-reason');
      return;
    }
    if ([...text].length > REASON_MAX) {
      setError(`เหตุผลยาวเกิน ${REASON_MAX} ตัวอักษร`);
      focusSoon('reopen-reason');
      return;
    }
    setBusy(true);
    setError(undefined);
    setFailure(undefined);
    try {
      const body: ReopenBody = { reason: text, ...(props.secret ? { secret: props.secret } : {}) };
      props.onDone(await request<TrackedComplaint>(`/complaints/track/${encodeURIComponent(props.code)}/reopen`, { method: 'POST', body }));
    } catch (err) {
      const fields = err instanceof ApiError ? issuesByField(err.issues) : {};
      if (fields.reason) {
        setError(fields.reason);
        focusSoon('reopen-reason');
      } else {
        setFailure(err instanceof Error ? err.message : String(err));
        focusSoon('reopen-failure');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" aria-labelledby="not-fixed-title" onSubmit={submit} noValidate>
      <h3 id="not-fixed-title">แจ้งว่ายังไม่ได้รับการแก้ไข</h3>
      {failure ? (
        <div id="reopen-failure" tabIndex={-1}>
          <Notice kind="error" role="alert" title="ส่งไม่สำเร็จ">
            <p>{failure}</p>
          </Notice>
        </div>
      ) : null}
      <TextArea
        id="reopen-reason"
        label="ยังมีปัญหาอะไรอยู่"
        hint="เช่น ไฟยังดับอยู่ หรือซ่อมแล้วแต่กลับมาเสียอีก"
        required
        value={reason}
        onInput={setReason}
        maxLength={REASON_MAX}
        rows={3}
        error={error}
      />
      <p class="actions">
        <Button type="submit" busy={busy}>
          ส่งเรื่องให้เจ้าหน้าที่ดำเนินการต่อ
        </Button>{' '}
        <Button kind="secondary" onClick={() => setOpen(false)}>
          ยกเลิก
        </Button>
      </p>
    </form>
  );
}

/** Whether the view lets its reader say "not fixed" now (the server sets `reopenUntil` only for the complainant). */
export const canSayNotFixed = (c: TrackedComplaint | null | undefined): c is OwnerComplaintView & { reopenUntil: string } =>
  !!c && c.access === 'owner' && c.status === 'resolved' && !!c.reopenUntil;

/** The notice after a successful "not fixed"; `line` says whether news will come in LINE. */
export function ReopenedNotice(props: { line: boolean }): ComponentChild {
  return (
    <div id="reopen-done" tabIndex={-1}>
      <Notice kind="success" role="status" title="ได้รับแจ้งแล้ว">
        <p>{`เรื่องนี้ถูกเปิดอีกครั้งและส่งให้เจ้าหน้าที่ดำเนินการต่อแล้ว${props.line ? ' จะแจ้งผลทาง LINE เมื่อดำเนินการเสร็จ ดูทุกขั้นตอนได้ในหน้านี้' : ' ติดตามความคืบหน้าได้ด้วยรหัสติดตามและรหัสลับเดิม'}`}</p>
      </Notice>
    </div>
  );
}
