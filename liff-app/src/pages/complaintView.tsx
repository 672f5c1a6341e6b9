import type { ComponentChild } from 'preact';
import { CodeDisplay, DueLine, KIND_LABELS, StatusBadge, Timeline, receivedAtOf, type ComplaintView } from '../lib/complaints.ts';
import { formatDate } from '../lib/format.ts';
import { Link } from '../lib/ui.ts';

/** A complaint as its complainant sees it: code, status, the 15-day line and the history. */
export function ComplaintSummary(props: { complaint: ComplaintView }): ComponentChild {
  const c = props.complaint;
  const received = receivedAtOf(c);
  return (
    <section class="card complaint" aria-labelledby="complaint-title" id="complaint-result" tabIndex={-1}>
      <h2 id="complaint-title">{c.title ?? KIND_LABELS[c.kind] ?? 'เรื่องของคุณ'}</h2>
      <p class="meta">รหัสติดตาม</p>
      <CodeDisplay code={c.trackingCode} />
      <p>
        สถานะ: <StatusBadge status={c.status} />
      </p>
      {c.categoryTitle ? <p class="meta">{`ประเภท: ${c.categoryTitle}`}</p> : null}
      {received ? <p class="meta">{`แจ้งเมื่อ ${formatDate(received)}`}</p> : null}
      <DueLine complaint={c} />
      {c.access === 'public' ? <p class="hint">แสดงเฉพาะสถานะและวันที่ รายละเอียดและข้อความจากเจ้าหน้าที่แสดงเฉพาะผู้แจ้ง (เปิดจากบัญชี LINE ที่ใช้แจ้ง)</p> : null}
      {c.status === 'resolved' && c.access !== 'public' && c.id ? (
        <p>
          <Link to={`ratings/new?complaint=${encodeURIComponent(c.id)}`} class="btn btn-primary">
            ประเมินความพึงพอใจการจัดการเรื่องนี้
          </Link>
        </p>
      ) : null}
      <h3>ความคืบหน้า</h3>
      <Timeline complaint={c} />
    </section>
  );
}
