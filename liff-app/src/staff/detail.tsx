import type { ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, request, requestObjectUrl } from '../lib/api.ts';
import { DueLine, KIND_LABELS, StatusBadge, Timeline, receivedAtOf } from '../lib/complaints.ts';
import { formatDateTime } from '../lib/format.ts';
import type { PageProps } from '../lib/router.ts';
import { Button, ErrorView, Link, Loading, TextArea, useApi } from '../lib/ui.ts';
import { StatusForm } from './statusForm.tsx';
import type { Revealed, StaffComplaint } from './staffComplaint.ts';


const CONTACT_LABELS: Record<string, string> = { line: 'LINE', phone: 'โทรศัพท์', email: 'อีเมล', none: 'ไม่ต้องติดต่อกลับ' };

export default function StaffDetail(props: PageProps): ComponentChild {
  const id = props.params.id ?? '';
  const { data, error, loading, reload } = useApi<StaffComplaint>(`/staff/complaints/${encodeURIComponent(id)}`);
  if (loading && !data) return <Loading />;
  if (error) return <ErrorView error={error} retry={reload} staff={true} />;
  if (!data) return <Loading />;
  const c = data;
  const received = receivedAtOf(c);
  return (
    <div>
      <p>
        <Link to="staff">‹ กลับไปที่รายการเรื่อง</Link>
      </p>
      <section class="card" aria-labelledby="c-title">
        <h2 id="c-title">{c.title ?? '(ไม่มีชื่อเรื่อง)'}</h2>
        <p>
          <StatusBadge status={c.status} />
          {c.overdue ? <span class="badge badge-overdue">เกินกำหนด</span> : null}
        </p>
        <dl class="facts">
          {fact('รหัสติดตาม', c.trackingCode)}
          {fact('ประเภท', `${KIND_LABELS[c.kind] ?? c.kind}${c.categoryTitle || c.category ? ` · ${c.categoryTitle ?? c.category}` : ''}`)}
          {received ? fact('รับเรื่องเมื่อ', formatDateTime(received)) : null}
          {c.place?.text || c.place?.lat != null
            ? fact(
                'สถานที่',
                <span>
                  {c.place?.text ?? ''}
                  {c.place?.lat != null ? (
                    <a href={`https://maps.google.com/?q=${c.place.lat},${c.place.lng}`} target="_blank" rel="noopener">
                      {c.place?.text ? ' (แผนที่)' : 'ดูบนแผนที่'}
                    </a>
                  ) : null}
                </span>,
              )
            : null}
          {reporterFacts(c)}
        </dl>
        {c.description ? <p class="description">{c.description}</p> : null}
        {c.photos?.length ? <Photos complaintId={c.id} photos={c.photos} /> : null}
        <DueLine complaint={c} />
      </section>
      {c.reporter?.concealed && !c.reporter.anonymous ? <RevealReporter complaint={c} /> : null}
      {c.rating ? <CaseRating rating={c.rating} /> : null}
      <StatusForm complaint={c} onChanged={reload} />
      <section aria-labelledby="h-title">
        <h2 id="h-title">ประวัติการดำเนินการ</h2>
        <Timeline complaint={c} />
      </section>
    </div>
  );
}

function reporterFacts(c: StaffComplaint, revealed?: Revealed): ComponentChild {
  const r = revealed ?? c.reporter;
  if (!r || r.anonymous) return fact('ผู้แจ้ง', 'ไม่ระบุตัวตน (ติดต่อกลับไม่ได้)');
  if (r.concealed) return fact('ผู้แจ้ง', 'ปกปิดไว้ (ขอดูได้ด้านล่าง โดยต้องระบุเหตุผล)');
  const name = r.name || r.lineName;
  return (
    <>
      {fact('ผู้แจ้ง', name ? `${name}${r.viaLine ? ' (LINE)' : ''}` : r.viaLine ? 'ผู้ใช้ LINE' : 'ไม่ระบุชื่อ')}
      {fact('ติดต่อกลับทาง', CONTACT_LABELS[r.contactPreference ?? c.contactPreference ?? ''] ?? r.contactPreference ?? '-')}
      {r.phone ? fact('โทรศัพท์', <a href={`tel:${r.phone}`}>{r.phone}</a>) : null}
      {r.email ? fact('อีเมล', <a href={`mailto:${r.email}`}>{r.email}</a>) : null}
    </>
  );
}

function fact(label: string, value: ComponentChild): ComponentChild {
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Photos(props: { complaintId: string; photos: NonNullable<StaffComplaint['photos']> }): ComponentChild {
  const [urls, setUrls] = useState<Array<string | null>>([]);
  useEffect(() => {
    let live = true;
    const made: string[] = [];
    Promise.all(
      props.photos.map((p, i) => {
        const path = p.url ?? `/staff/complaints/${encodeURIComponent(props.complaintId)}/photos/${p.n ?? i + 1}`;
        return requestObjectUrl(path).then(
          (u) => (made.push(u), u),
          () => null,
        );
      }),
    ).then((list) => live && setUrls(list));
    return () => {
      live = false;
      made.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [props.complaintId]);
  return (
    <ul class="photos photos-large" aria-label="รูปภาพจากผู้แจ้ง">
      {props.photos.map((_, i) => (
        <li key={i}>
          {urls[i] ? (
            <a href={urls[i]!} target="_blank" rel="noopener">
              <img src={urls[i]!} alt={`รูปที่ ${i + 1} จากผู้แจ้ง`} />
            </a>
          ) : (
            <span class="hint">{urls.length ? 'เปิดรูปไม่ได้' : 'กำลังโหลดรูป…'}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * Who reported a corruption case is shown only on an explicit request with a reason, for this case; the request is
 * written to the audit log that every integrity officer can read.
 */
function RevealReporter(props: { complaint: StaffComplaint }): ComponentChild {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Revealed | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    if ([...reason.trim()].length < 5) {
      setError('กรุณาระบุเหตุผลอย่างน้อย 5 ตัวอักษร');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const out = await request<{ reporter: Revealed }>(`/staff/complaints/${encodeURIComponent(props.complaint.id)}/reporter`, {
        body: { reason: reason.trim() },
      });
      setShown(out.reporter);
    } catch (err) {
      setError(err instanceof ApiError && err.issues.length ? err.issues.map((i) => i.message).join(' ') : err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  if (shown) {
    return (
      <section class="card" aria-labelledby="r-title">
        <h2 id="r-title">ตัวตนผู้แจ้ง</h2>
        <dl class="facts" data-testid="revealed-reporter">
          {reporterFacts(props.complaint, shown)}
        </dl>
        <p class="hint">การเปิดดูครั้งนี้ถูกบันทึกแล้ว ห้ามเปิดเผยต่อผู้อื่น</p>
      </section>
    );
  }
  return (
    <section class="card" aria-labelledby="r-title">
      <h2 id="r-title">ขอดูตัวตนผู้แจ้ง</h2>
      <p>ผู้แจ้งให้ข้อมูลติดต่อไว้ การเปิดดูจะถูกบันทึก (ใคร เมื่อไร เรื่องใด เพราะอะไร) ให้เจ้าหน้าที่ศูนย์ฯ ทุกคนเห็น</p>
      <form noValidate={true} onSubmit={submit} class="form">
        <TextArea id="reveal-reason" label="เหตุผลที่ต้องดูตัวตนผู้แจ้ง" required={true} value={reason} onInput={setReason} maxLength={500} rows={2} error={error} />
        <Button type="submit" kind="secondary" busy={busy}>
          {busy ? 'กำลังขอ…' : 'ขอดูตัวตนผู้แจ้ง (บันทึกการเข้าถึง)'}
        </Button>
      </form>
    </section>
  );
}

/** The complainant's rating of how the case was handled, with its comment (only those who may see the case see it). */
function CaseRating(props: { rating: NonNullable<StaffComplaint['rating']> }): ComponentChild {
  const r = props.rating;
  const labels: Record<string, string> = { process: 'ขั้นตอน', staff: 'เจ้าหน้าที่', facilities: 'สิ่งอำนวยความสะดวก', quality: 'คุณภาพ', overall: 'โดยรวม' };
  return (
    <section class="card" aria-labelledby="rt-title">
      <h2 id="rt-title">ผลประเมินความพึงพอใจของผู้แจ้ง</h2>
      <p class="hint">{formatDateTime(r.createdAt)}</p>
      <dl class="facts">{Object.entries(labels).map(([k, label]) => fact(label, String(r.scores[k] ?? '-')))}</dl>
      {r.comment ? <blockquote class="case-rating-comment">{r.comment}</blockquote> : null}
    </section>
  );
}
