import { h, type ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, request } from '../lib/api.ts';
import type { ComplaintView } from '../lib/complaints.ts';
import { formatDateTime, normalizeCode } from '../lib/format.ts';
import type { PageProps } from '../lib/router.ts';
import { Button, ErrorView, focusSoon, issuesByField, Link, Loading, Notice, TextArea, useApi } from '../lib/ui.ts';
import { ComplaintSummary } from './complaintView.ts';

const REASON_MIN = 5;
const REASON_MAX = 500;

/**
 * "ยังไม่ได้รับการแก้ไข": the complainant of a resolved case says it was not fixed, with a short reason, while the
 * server's window is open (`reopenUntil`). The server decides; its Thai refusal is shown as it comes.
 */
function NotFixed(props: { code: string; until: string; onDone: (c: ComplaintView) => void }): ComponentChild {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  if (!open) {
    return h(
      'section',
      { class: 'card', 'aria-labelledby': 'not-fixed-title' },
      h('h3', { id: 'not-fixed-title' }, 'ปัญหายังไม่ได้รับการแก้ไขใช่ไหม'),
      h('p', { class: 'hint' }, `แจ้งได้ภายใน ${formatDateTime(props.until)} เรื่องจะถูกเปิดอีกครั้งและส่งให้เจ้าหน้าที่ดำเนินการต่อ`),
      h(Button, { kind: 'secondary', onClick: () => { setOpen(true); focusSoon('reopen-reason'); } }, 'ยังไม่ได้รับการแก้ไข'),
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
      const updated = await request<ComplaintView>(`/complaints/track/${encodeURIComponent(props.code)}/reopen`, { method: 'POST', body: { reason: text } });
      props.onDone(updated);
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

  return h(
    'form',
    { class: 'card', 'aria-labelledby': 'not-fixed-title', onSubmit: submit, noValidate: true },
    h('h3', { id: 'not-fixed-title' }, 'แจ้งว่ายังไม่ได้รับการแก้ไข'),
    failure ? h('div', { id: 'reopen-failure', tabIndex: -1 }, h(Notice, { kind: 'error', role: 'alert', title: 'ส่งไม่สำเร็จ' }, h('p', null, failure))) : null,
    h(TextArea, {
      id: 'reopen-reason',
      label: 'ยังมีปัญหาอะไรอยู่',
      hint: 'เช่น ไฟยังดับอยู่ หรือซ่อมแล้วแต่กลับมาเสียอีก',
      required: true,
      value: reason,
      onInput: setReason,
      maxLength: REASON_MAX,
      rows: 3,
      error,
    }),
    h('p', { class: 'actions' }, h(Button, { type: 'submit', busy }, 'ส่งเรื่องให้เจ้าหน้าที่ดำเนินการต่อ'), ' ', h(Button, { kind: 'secondary', onClick: () => setOpen(false) }, 'ยกเลิก')),
  );
}

/** complaints/:trackingCode — the signed-in person's own complaint (anonymous ones are tracked with their secret). */
export default function ComplaintStatus(props: PageProps): ComponentChild {
  const code = normalizeCode(props.params.trackingCode ?? '');
  const { data, error, loading, reload } = useApi<ComplaintView>(`/complaints/track/${encodeURIComponent(code)}`);
  const [reopened, setReopened] = useState<ComplaintView | undefined>(undefined);
  if (loading) return h(Loading, null);
  if (error) {
    return h(
      'div',
      null,
      h(ErrorView, { error, retry: reload }),
      h('p', null, 'ถ้าเป็นเรื่องที่แจ้งแบบไม่ระบุตัวตน ให้ติดตามด้วยรหัสติดตามและรหัสลับ: ', h(Link, { to: `complaints/track?code=${encodeURIComponent(code)}` }, 'ติดตามด้วยรหัส')),
    );
  }
  const complaint = reopened ?? data;
  const canReopen = !reopened && complaint?.access === 'owner' && complaint.status === 'resolved' && !!complaint.reopenUntil;
  return h(
    'div',
    null,
    reopened
      ? h('div', { id: 'reopen-done', tabIndex: -1 }, h(Notice, { kind: 'success', role: 'status', title: 'ได้รับแจ้งแล้ว' }, h('p', null, 'เรื่องนี้ถูกเปิดอีกครั้งและส่งให้เจ้าหน้าที่ดำเนินการต่อแล้ว จะแจ้งความคืบหน้าทาง LINE')))
      : null,
    complaint ? h(ComplaintSummary, { complaint }) : null,
    canReopen && complaint?.reopenUntil
      ? h(NotFixed, { code, until: complaint.reopenUntil, onDone: (c) => { setReopened(c); focusSoon('reopen-done'); } })
      : null,
    h('p', null, h(Link, { to: 'complaints/mine' }, 'เรื่องของฉันทั้งหมด')),
  );
}
