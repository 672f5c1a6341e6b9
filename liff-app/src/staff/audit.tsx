import type { ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { request } from '../lib/api.ts';
import { formatDateTime } from '../lib/format.ts';
import type { PageProps } from '../lib/router.ts';
import type { AuditEntryView } from './model.ts';
import { Button, ErrorView, Link, Loading } from '../lib/ui.ts';

/**
 * Integrity officers: the append-only audit log of the integrity role: invitations carrying it, grant requests and
 * decisions, grants by the operator's command line, revocations, and every look at who reported a corruption case
 * (who, when, which case, why). Nobody can change or delete an entry; each is chained to the one before by hash.
 * People show by name; the API never sends their LINE user ids (a staff reference tells the same person apart).
 */
type Entry = AuditEntryView;

const PAGE = 50;

export default function IntegrityAudit(_props: PageProps): ComponentChild {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [more, setMore] = useState(false);

  const load = async (before?: number) => {
    setLoading(true);
    setError(null);
    try {
      const q = new URLSearchParams({ limit: String(PAGE), ...(before ? { before: String(before) } : {}) });
      const page = await request<{ entries: Entry[] }>(`/staff/integrity/audit?${q}`);
      setEntries((prev) => (before ? [...prev, ...page.entries] : page.entries));
      setMore(page.entries.length === PAGE);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => void load(), []);

  if (error && entries.length === 0) return <ErrorView error={error} retry={() => void load()} staff={true} />;
  if (loading && entries.length === 0) return <Loading />;
  return (
    <div>
      <p>บันทึกนี้เพิ่มได้อย่างเดียว แก้ไขหรือลบไม่ได้ ทุกการเปิดดูตัวตนผู้แจ้งเบาะแสและทุกการแต่งตั้ง/ถอนเจ้าหน้าที่ศูนย์ฯ อยู่ที่นี่</p>
      <p>
        <Link to="staff/integrity">‹ คำขอแต่งตั้งเจ้าหน้าที่ศูนย์ฯ</Link>
      </p>
      {entries.length === 0 ? <p class="hint">ยังไม่มีรายการ</p> : null}
      <ol class="plain audit" reversed={true}>
        {entries.map((e) => (
          <li key={e.seq} class={`card audit-entry audit-${e.action}`} data-seq={e.seq}>
            <p>
              <strong>{`#${e.seq} ${e.actionLabel}`}</strong>
            </p>
            <p class="hint">{formatDateTime(e.at)}</p>
            <dl class="facts">
              {fact('โดย', e.actor.type === 'operator' ? `ผู้ดูแลเซิร์ฟเวอร์: ${e.actor.displayName}` : e.actor.displayName)}
              {e.subject ? fact('ผู้เกี่ยวข้อง', `${e.subject.displayName || 'ผู้ใช้ LINE'}${self(e) ? ' (ผู้ทำรายการเอง)' : ''}`) : null}
              {e.trackingCode ? fact('เรื่อง', e.complaintId ? <Link to={`staff/complaints/${e.complaintId}`}>{e.trackingCode}</Link> : e.trackingCode) : null}
              {e.reason ? fact('เหตุผล', e.reason) : null}
            </dl>
          </li>
        ))}
      </ol>
      {more ? (
        <Button kind="secondary" busy={loading} onClick={() => void load(entries.at(-1)?.seq)}>
          ดูรายการก่อนหน้า
        </Button>
      ) : null}
    </div>
  );
}

/** The person acted on their own account (e.g. an admin asking for the integrity role for themselves): same reference. */
const self = (e: Entry) => e.actor.ref !== null && e.actor.ref === e.subject?.ref;

function fact(label: string, value: ComponentChild): ComponentChild {
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
