import type { ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { TrackedComplaint } from '../../../functions/src/contracts/complaints.ts';
import { ApiError, request } from '../lib/api.ts';
import { normalizeCode } from '../lib/format.ts';
import type { PageProps } from '../lib/router.ts';
import { Button, ErrorSummary, TextField, focusSoon } from '../lib/ui.ts';
import { ComplaintSummary } from './complaintView.tsx';
import { canSayNotFixed, NotFixed, ReopenedNotice } from './notFixed.tsx';

/**
 * Tracking by code. The result is shown on this page rather than at a URL, so an anonymous report's secret never
 * lands in the address bar or the browser history.
 */
export default function Track(props: PageProps): ComponentChild {
  const [code, setCode] = useState(props.query.get('code') ?? '');
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<{ code?: string; secret?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TrackedComplaint | null>(null);
  /** The secret the shown result was found with: "not fixed" on an anonymous report proves itself with it. */
  const [foundWith, setFoundWith] = useState('');
  const [reopened, setReopened] = useState(false);

  /** Looks the code up; `quiet` (opening a link with ?code=) shows no "not found", the form is simply there to fill. */
  const lookup = async (rawCode: string, rawSecret: string, quiet = false) => {
    const c = normalizeCode(rawCode);
    if (!c) {
      setErrors({ code: 'กรุณาใส่รหัสติดตาม' });
      focusSoon('error-summary');
      return;
    }
    setBusy(true);
    setErrors({});
    setResult(null);
    setReopened(false);
    try {
      // The server reads the secret in any case, with spaces or dashes (and older case-sensitive secrets exactly).
      const s = rawSecret.trim();
      const found = await request<TrackedComplaint>(`/complaints/track/${encodeURIComponent(c)}${s ? `?secret=${encodeURIComponent(s)}` : ''}`);
      setResult(found);
      setFoundWith(s);
      focusSoon('complaint-result');
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      if (quiet && (status === 404 || status === 403 || status === 400)) return;
      if (status === 404 || status === 403) {
        setErrors({
          form: filled(rawSecret)
            ? 'ไม่พบเรื่องนี้ หรือรหัสลับไม่ตรงกัน กรุณาตรวจสอบรหัสอีกครั้ง'
            : 'ไม่พบเรื่องนี้ ถ้าเป็นเรื่องที่แจ้งแบบไม่ระบุตัวตน กรุณาใส่รหัสลับด้วย',
        });
      } else if (err instanceof ApiError && err.status === 400 && err.issues.length) {
        const byPath = Object.fromEntries(err.issues.map((i) => [i.path.includes('secret') ? 'secret' : 'code', i.message]));
        setErrors(byPath);
      } else setErrors({ form: err instanceof Error ? err.message : String(err) });
      focusSoon('error-summary');
    } finally {
      setBusy(false);
    }
  };

  // A link from LINE (complaints/track?code=…) shows the status at once.
  useEffect(() => {
    const initial = props.query.get('code');
    if (initial) void lookup(initial, '', true);
  }, []);

  const submit = (e: Event) => {
    e.preventDefault();
    void lookup(code, secret);
  };

  const summary = [
    ...(errors.form ? [{ message: errors.form }] : []),
    ...(errors.code ? [{ field: 'code', message: errors.code }] : []),
    ...(errors.secret ? [{ field: 'secret', message: errors.secret }] : []),
  ];
  return (
    <div>
      <form noValidate onSubmit={submit} class="form">
        <ErrorSummary errors={summary} title="ค้นหาไม่สำเร็จ" />
        <TextField id="code" label="รหัสติดตาม" required hint="รหัสที่ได้รับเมื่อส่งเรื่อง ตัวพิมพ์เล็กหรือใหญ่ก็ได้" value={code} onInput={setCode} autocomplete="off" error={errors.code} />
        <TextField id="secret" label="รหัสลับ" hint="เฉพาะเรื่องที่แจ้งแบบไม่ระบุตัวตน พิมพ์เล็กหรือใหญ่ก็ได้ เว้นวรรคหรือขีดได้" value={secret} onInput={setSecret} autocomplete="off" error={errors.secret} />
        <Button type="submit" busy={busy}>
          {busy ? 'กำลังค้นหา…' : 'ดูสถานะ'}
        </Button>
      </form>
      {reopened ? <ReopenedNotice line={!foundWith} /> : null}
      {result ? <ComplaintSummary complaint={result} /> : null}
      {!reopened && canSayNotFixed(result) ? (
        <NotFixed
          code={normalizeCode(result.trackingCode)}
          until={result.reopenUntil}
          secret={foundWith || undefined}
          onDone={(c) => {
            setResult(c);
            setReopened(true);
            focusSoon('reopen-done');
          }}
        />
      ) : null}
    </div>
  );
}

const filled = (v: string) => v.trim().length > 0;
