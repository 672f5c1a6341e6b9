import type { ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, request, requestObjectUrl } from '../lib/api.ts';
import { formatDate, formatDateTime, formatNumber, normalizeDigits } from '../lib/format.ts';
import { MAX_PHOTOS, preparePhoto, type PreparedPhoto } from '../lib/photos.ts';
import type { PageProps } from '../lib/router.ts';
import { Button, ErrorSummary, ErrorView, Link, Loading, Notice, RadioGroup, TextArea, TextField, focusSoon, issuesByField, useApi } from '../lib/ui.ts';
import { PROGRESS_STATUS_LABELS, type ProgressStatus, type ProjectProgress } from './model.ts';

/**
 * Staff: one project's progress for one fiscal year. The form sends the whole new state with the version it was
 * loaded at (expectedSeq), so an edit made meanwhile by a colleague is refused, not overwritten. Photos are downscaled
 * and re-encoded on the phone (no EXIF leaves it) and stripped again on the server.
 */
export default function ProjectProgressPage(props: PageProps): ComponentChild {
  const year = props.params.year ?? '';
  const id = props.params.projectId ?? '';
  const data = useApi<ProjectProgress>(`/staff/progress/${encodeURIComponent(year)}/${encodeURIComponent(id)}`);
  // Kept here, not in the form: the form is remounted with the saved version, the message stays.
  const [saved, setSaved] = useState<string | null>(null);
  if (data.error) return <ErrorView error={data.error} retry={data.reload} staff={true} />;
  if (!data.data) return <Loading />;
  const d = data.data;
  return (
    <div>
      <p>
        <Link to={`staff/progress?year=${d.fiscalYear}`}>‹ กลับไปที่รายการโครงการ</Link>
      </p>
      <section class="card" aria-labelledby="p-title">
        <h2 id="p-title">{d.project.name}</h2>
        <p class="meta">
          {`ปีงบประมาณ ${d.fiscalYear} · มิติที่ ${d.project.dimension}`}
          {d.project.budgetBaht !== null ? ` · งบตามแผน ${formatNumber(d.project.budgetBaht)} บาท` : ' · แผนไม่ได้ระบุงบปีนี้'}
          {d.project.responsibleUnit ? ` · ${d.project.responsibleUnit}` : ''}
        </p>
        {d.progress ? (
          <p>
            <span class={`badge badge-progress-${d.progress.status}`}>{d.progress.statusLabel}</span>
            {` บันทึกล่าสุด ${formatDateTime(d.progress.updatedAt)} โดย ${d.progress.updatedBy ?? ''}`}
          </p>
        ) : (
          <p>
            <span class="badge badge-progress-none">ยังไม่บันทึก</span>
          </p>
        )}
      </section>
      {saved ? (
        <Notice kind="success" role="status">
          <p>{saved}</p>
        </Notice>
      ) : null}
      <ProgressForm
        key={d.seq}
        data={d}
        year={year}
        id={id}
        onSaved={(message) => {
          setSaved(message);
          data.reload();
        }}
        onEdit={() => setSaved(null)}
      />
      {d.progress?.files?.length ? <Files files={d.progress.files} /> : null}
      <History history={d.history} />
    </div>
  );
}

function ProgressForm(props: { data: ProjectProgress; year: string; id: string; onSaved: (message: string) => void; onEdit: () => void }): ComponentChild {
  const p = props.data.progress;
  const [status, setStatus] = useState<ProgressStatus>(p?.status ?? 'in_progress');
  const [reason, setReason] = useState(p?.reason ?? '');
  const [spent, setSpent] = useState(p ? String(p.spentBaht) : '0');
  const [approved, setApproved] = useState(p?.approvedBaht != null ? String(p.approvedBaht) : '');
  const [startedOn, setStartedOn] = useState(p?.startedOn ?? '');
  const [finishedOn, setFinishedOn] = useState(p?.finishedOn ?? '');
  const [outputs, setOutputs] = useState(p?.outputs ?? '');
  const [results, setResults] = useState(p?.results ?? '');
  const [photos, setPhotos] = useState<PreparedPhoto[]>([]);
  const [remove, setRemove] = useState<number[]>([]);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => () => photos.forEach((ph) => URL.revokeObjectURL(ph.previewUrl)), []);

  const pick = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])].slice(0, MAX_PHOTOS - photos.length);
    input.value = '';
    try {
      const ready = await Promise.all(files.map((f) => preparePhoto(f)));
      setPhotos([...photos, ...ready]);
      setErrors({ ...errors, addFiles: undefined });
    } catch (err) {
      setErrors({ ...errors, addFiles: err instanceof Error ? err.message : String(err) });
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const found: Record<string, string | undefined> = {};
    if (status === 'cancelled' && !reason.trim()) found.reason = 'กรุณาระบุเหตุผลที่ยกเลิกหรือเลื่อนการดำเนินการ';
    if (status === 'done' && !finishedOn) found.finishedOn = 'กรุณาระบุวันที่ดำเนินการแล้วเสร็จ';
    const spentValue = normalizeDigits(spent).replace(/[,\s]/g, '');
    if (spentValue === '' || !/^\d+(\.\d{1,2})?$/.test(spentValue)) found.spentBaht = 'กรุณากรอกจำนวนเงินเป็นตัวเลข เช่น 15000';
    props.onEdit();
    setFormError(null);
    if (Object.values(found).some(Boolean)) {
      setErrors(found);
      focusSoon('error-summary');
      return;
    }
    setBusy(true);
    try {
      await request(`/staff/progress/${encodeURIComponent(props.year)}/${encodeURIComponent(props.id)}`, {
        method: 'PUT',
        body: {
          status,
          ...(status === 'cancelled' ? { reason: reason.trim() } : reason.trim() ? { reason: reason.trim() } : {}),
          spentBaht: spentValue,
          approvedBaht: approved.trim() === '' ? null : normalizeDigits(approved).replace(/[,\s]/g, ''),
          startedOn: startedOn || null,
          finishedOn: finishedOn || null,
          outputs,
          results,
          addFiles: photos.map((ph) => ({ contentType: ph.contentType, data: ph.data })),
          removeFiles: remove,
          expectedSeq: props.data.seq,
        },
      });
      props.onSaved('บันทึกความคืบหน้าแล้ว');
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.issues.length) setErrors(issuesByField(err.issues));
      setFormError(err instanceof Error ? err.message : String(err));
      focusSoon('error-summary');
    } finally {
      setBusy(false);
    }
  };

  const fields = ['status', 'reason', 'spentBaht', 'approvedBaht', 'startedOn', 'finishedOn', 'outputs', 'results', 'addFiles'] as const;
  const summary = [
    ...(formError && !Object.values(errors).some(Boolean) ? [{ message: formError }] : []),
    ...fields.filter((k) => errors[k]).map((k) => ({ field: k, message: errors[k]! })),
  ];
  return (
    <section class="card" aria-labelledby="f-title">
      <h2 id="f-title">บันทึกความคืบหน้า</h2>
      <form noValidate={true} onSubmit={submit} class="form">
        <ErrorSummary errors={summary} title={summary.length === 1 && !('field' in summary[0]!) ? 'บันทึกไม่สำเร็จ' : 'กรุณาแก้ไขก่อนบันทึก'} />
        <RadioGroup
          id="status"
          legend="สถานะ"
          value={status}
          onChange={(v) => setStatus(v as ProgressStatus)}
          error={errors.status}
          options={(Object.keys(PROGRESS_STATUS_LABELS) as ProgressStatus[]).map((s) => ({ value: s, label: PROGRESS_STATUS_LABELS[s] }))}
        />
        {status === 'cancelled' ? (
          <TextArea id="reason" label="เหตุผลที่ยกเลิกหรือเลื่อน" required={true} value={reason} onInput={setReason} maxLength={1000} rows={3} error={errors.reason} />
        ) : null}
        <TextField
          id="spentBaht"
          label="ใช้งบประมาณไปแล้ว (บาท)"
          required={true}
          inputMode="decimal"
          value={spent}
          onInput={setSpent}
          error={errors.spentBaht}
          hint="ตัวเลขเท่านั้น เช่น 15000 หรือ 15,000.50"
        />
        <TextField
          id="approvedBaht"
          label="งบประมาณตามข้อบัญญัติ/เทศบัญญัติ (บาท)"
          inputMode="decimal"
          value={approved}
          onInput={setApproved}
          error={errors.approvedBaht}
          hint="เว้นว่างได้ถ้ายังไม่ทราบ"
        />
        <TextField id="startedOn" label="วันที่เริ่มดำเนินการ" type="date" value={startedOn} onInput={setStartedOn} error={errors.startedOn} />
        <TextField
          id="finishedOn"
          label="วันที่แล้วเสร็จ"
          type="date"
          required={status === 'done'}
          value={finishedOn}
          onInput={setFinishedOn}
          error={errors.finishedOn}
        />
        <TextArea id="outputs" label="ผลผลิต (ทำอะไร ได้เท่าไร)" value={outputs} onInput={setOutputs} maxLength={2000} rows={3} error={errors.outputs} />
        <TextArea id="results" label="ผลการดำเนินการ (ผลลัพธ์ที่เกิดขึ้น)" value={results} onInput={setResults} maxLength={4000} rows={5} error={errors.results} />
        <div class={`field${errors.addFiles ? ' field-invalid' : ''}`}>
          <label for="addFiles" class="label">
            รูปภาพหลักฐาน<span class="opt">{` (ไม่บังคับ ไม่เกิน ${MAX_PHOTOS} รูปต่อครั้ง)`}</span>
          </label>
          <p class="hint">ระบบย่อรูปและลบข้อมูลตำแหน่ง/อุปกรณ์ในรูปก่อนส่ง</p>
          {errors.addFiles ? (
            <p class="error-text">
              <span aria-hidden="true">{'⚠ '}</span>
              {errors.addFiles}
            </p>
          ) : null}
          <input id="addFiles" type="file" accept="image/*" multiple={true} disabled={photos.length >= MAX_PHOTOS} onChange={pick} />
          {photos.length ? (
            <ul class="photos">
              {photos.map((ph, i) => (
                <li key={ph.previewUrl}>
                  <img src={ph.previewUrl} alt={`รูปใหม่ที่ ${i + 1}`} />
                  <Button kind="secondary" onClick={() => setPhotos(photos.filter((x) => x !== ph))}>
                    เอาออก
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        {p?.files?.length ? (
          <fieldset class="field">
            <legend class="label">ลบไฟล์หลักฐานเดิม</legend>
            {p.files.map((f) => (
              <label key={f.n} class="check">
                <input
                  type="checkbox"
                  checked={remove.includes(f.n)}
                  onChange={(e: Event) => setRemove((e.currentTarget as HTMLInputElement).checked ? [...remove, f.n] : remove.filter((n) => n !== f.n))}
                />
                {` ไฟล์ที่ ${f.n}${f.name ? ` (${f.name})` : ''}`}
              </label>
            ))}
          </fieldset>
        ) : null}
        <Button type="submit" busy={busy}>
          {busy ? 'กำลังบันทึก…' : 'บันทึกความคืบหน้า'}
        </Button>
      </form>
    </section>
  );
}

function Files(props: { files: NonNullable<NonNullable<ProjectProgress['progress']>['files']> }): ComponentChild {
  const [urls, setUrls] = useState<Array<string | null>>([]);
  useEffect(() => {
    let live = true;
    const made: string[] = [];
    Promise.all(
      props.files.map((f) =>
        requestObjectUrl(f.url).then(
          (u) => (made.push(u), u),
          () => null,
        ),
      ),
    ).then((list) => live && setUrls(list));
    return () => {
      live = false;
      made.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [props.files.map((f) => f.n).join(',')]);
  return (
    <section class="card" aria-labelledby="e-title">
      <h2 id="e-title">หลักฐานที่แนบไว้</h2>
      <ul class="photos photos-large">
        {props.files.map((f, i) => (
          <li key={f.n}>
            {urls[i] ? (
              f.contentType.startsWith('image/') ? (
                <a href={urls[i]!} target="_blank" rel="noopener">
                  <img src={urls[i]!} alt={`หลักฐานไฟล์ที่ ${f.n}`} />
                </a>
              ) : (
                <a href={urls[i]!} target="_blank" rel="noopener">{`ไฟล์ที่ ${f.n} (PDF)`}</a>
              )
            ) : (
              <span class="hint">{urls.length ? 'เปิดไฟล์ไม่ได้' : 'กำลังโหลด…'}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function History(props: { history: ProjectProgress['history'] }): ComponentChild {
  if (!props.history.length) return null;
  return (
    <section aria-labelledby="h-title">
      <h2 id="h-title">ประวัติการแก้ไข</h2>
      <ol class="plain" reversed={true}>
        {[...props.history].reverse().map((c) => (
          <li key={c.seq} class="card">
            <p>
              <strong>{formatDateTime(c.at)}</strong>
              {` โดย ${c.by}`}
            </p>
            <p class="meta">
              {c.before ? `${c.before.statusLabel} → ${c.after.statusLabel}` : `บันทึกครั้งแรก: ${c.after.statusLabel}`}
              {c.before && c.before.spentBaht !== c.after.spentBaht
                ? ` · งบที่ใช้ ${formatNumber(c.before.spentBaht)} → ${formatNumber(c.after.spentBaht)} บาท`
                : !c.before
                  ? ` · งบที่ใช้ ${formatNumber(c.after.spentBaht)} บาท`
                  : ''}
              {c.after.finishedOn && c.after.finishedOn !== c.before?.finishedOn ? ` · แล้วเสร็จ ${formatDate(c.after.finishedOn)}` : ''}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
