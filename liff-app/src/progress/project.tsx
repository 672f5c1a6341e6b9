import type { ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { requestObjectUrl } from '../lib/api.ts';
import { formatDate, formatDateTime, formatNumber } from '../lib/format.ts';
import type { PageProps } from '../lib/router.ts';
import { ErrorView, Link, Loading, Notice, useApi } from '../lib/ui.ts';
import type { ProjectProgress } from './model.ts';
import { ProgressForm } from './progressForm.tsx';

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
