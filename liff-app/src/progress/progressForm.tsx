import type { ComponentChild } from 'preact';
import { useEffect, useReducer } from 'preact/hooks';
import { ApiError, request } from '../lib/api.ts';
import { MAX_PHOTOS, preparePhoto } from '../lib/photos.ts';
import { Button, ErrorSummary, RadioGroup, TextArea, TextField, focusSoon, issuesByField } from '../lib/ui.ts';
import { PROGRESS_STATUS_LABELS, type ProgressStatus, type ProjectProgress } from './model.ts';
import { amountOf, progressFormFrom, progressFormReducer, progressProblems, type TextValue } from './progressFormState.ts';

/** The progress form: the whole new state is sent with the version it was loaded at (see project.tsx). */
export function ProgressForm(props: { data: ProjectProgress; year: string; id: string; onSaved: (message: string) => void; onEdit: () => void }): ComponentChild {
  const p = props.data.progress;
  const [state, dispatch] = useReducer(progressFormReducer, p, progressFormFrom);
  const { status, reason, spent, approved, startedOn, finishedOn, outputs, results, photos, remove, errors, formError, busy } = state;
  const text = (field: TextValue) => (value: string) => dispatch({ type: 'text', field, value });
  useEffect(() => () => photos.forEach((ph) => URL.revokeObjectURL(ph.previewUrl)), []);

  const pick = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])].slice(0, MAX_PHOTOS - photos.length);
    input.value = '';
    try {
      const ready = await Promise.all(files.map((f) => preparePhoto(f)));
      dispatch({ type: 'photos-added', photos: ready });
    } catch (err) {
      dispatch({ type: 'photos-refused', message: err instanceof Error ? err.message : String(err) });
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const found = progressProblems(state);
    props.onEdit();
    if (Object.values(found).some(Boolean)) {
      dispatch({ type: 'invalid', errors: found });
      focusSoon('error-summary');
      return;
    }
    dispatch({ type: 'submit' });
    try {
      await request(`/staff/progress/${encodeURIComponent(props.year)}/${encodeURIComponent(props.id)}`, {
        method: 'PUT',
        body: {
          status,
          ...(status === 'cancelled' ? { reason: reason.trim() } : reason.trim() ? { reason: reason.trim() } : {}),
          spentBaht: amountOf(spent),
          approvedBaht: approved.trim() === '' ? null : amountOf(approved),
          startedOn: startedOn || null,
          finishedOn: finishedOn || null,
          outputs,
          results,
          addFiles: photos.map((ph) => ({ contentType: ph.contentType, data: ph.data })),
          removeFiles: remove,
          expectedSeq: props.data.seq,
        },
      });
      dispatch({ type: 'settled' });
      props.onSaved('บันทึกความคืบหน้าแล้ว');
    } catch (err) {
      dispatch({
        type: 'failed',
        message: err instanceof Error ? err.message : String(err),
        ...(err instanceof ApiError && err.status === 400 && err.issues.length ? { errors: issuesByField(err.issues) } : {}),
      });
      focusSoon('error-summary');
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
          onChange={(v) => dispatch({ type: 'status', status: v as ProgressStatus })}
          error={errors.status}
          options={(Object.keys(PROGRESS_STATUS_LABELS) as ProgressStatus[]).map((s) => ({ value: s, label: PROGRESS_STATUS_LABELS[s] }))}
        />
        {status === 'cancelled' ? (
          <TextArea id="reason" label="เหตุผลที่ยกเลิกหรือเลื่อน" required={true} value={reason} onInput={text('reason')} maxLength={1000} rows={3} error={errors.reason} />
        ) : null}
        <TextField
          id="spentBaht"
          label="ใช้งบประมาณไปแล้ว (บาท)"
          required={true}
          inputMode="decimal"
          value={spent}
          onInput={text('spent')}
          error={errors.spentBaht}
          hint="ตัวเลขเท่านั้น เช่น 15000 หรือ 15,000.50"
        />
        <TextField
          id="approvedBaht"
          label="งบประมาณตามข้อบัญญัติ/เทศบัญญัติ (บาท)"
          inputMode="decimal"
          value={approved}
          onInput={text('approved')}
          error={errors.approvedBaht}
          hint="เว้นว่างได้ถ้ายังไม่ทราบ"
        />
        <TextField id="startedOn" label="วันที่เริ่มดำเนินการ" type="date" value={startedOn} onInput={text('startedOn')} error={errors.startedOn} />
        <TextField
          id="finishedOn"
          label="วันที่แล้วเสร็จ"
          type="date"
          required={status === 'done'}
          value={finishedOn}
          onInput={text('finishedOn')}
          error={errors.finishedOn}
        />
        <TextArea id="outputs" label="ผลผลิต (ทำอะไร ได้เท่าไร)" value={outputs} onInput={text('outputs')} maxLength={2000} rows={3} error={errors.outputs} />
        <TextArea id="results" label="ผลการดำเนินการ (ผลลัพธ์ที่เกิดขึ้น)" value={results} onInput={text('results')} maxLength={4000} rows={5} error={errors.results} />
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
                  <Button kind="secondary" onClick={() => dispatch({ type: 'photo-dropped', photo: ph })}>
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
                  onChange={(e: Event) => dispatch({ type: 'remove-file', n: f.n, remove: (e.currentTarget as HTMLInputElement).checked })}
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
