import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import type { TrackedComplaint } from '../../../functions/src/contracts/complaints.ts';
import { normalizeCode } from '../lib/format.ts';
import type { PageProps } from '../lib/router.ts';
import { ErrorView, focusSoon, Link, Loading, useApi } from '../lib/ui.ts';
import { ComplaintSummary } from './complaintView.tsx';
import { canSayNotFixed, NotFixed, ReopenedNotice } from './notFixed.tsx';

/** complaints/:trackingCode — the signed-in person's own complaint (anonymous ones are tracked with their secret). */
export default function ComplaintStatus(props: PageProps): ComponentChild {
  const code = normalizeCode(props.params.trackingCode ?? '');
  const { data, error, loading, reload } = useApi<TrackedComplaint>(`/complaints/track/${encodeURIComponent(code)}`);
  const [reopened, setReopened] = useState<TrackedComplaint | undefined>(undefined);
  if (loading) return <Loading />;
  if (error) {
    return (
      <div>
        <ErrorView error={error} retry={reload} />
        <p>
          ถ้าเป็นเรื่องที่แจ้งแบบไม่ระบุตัวตน ให้ติดตามด้วยรหัสติดตามและรหัสลับ: <Link to={`complaints/track?code=${encodeURIComponent(code)}`}>ติดตามด้วยรหัส</Link>
        </p>
      </div>
    );
  }
  const complaint = reopened ?? data;
  return (
    <div>
      {reopened ? <ReopenedNotice line /> : null}
      {complaint ? <ComplaintSummary complaint={complaint} /> : null}
      {!reopened && canSayNotFixed(complaint) ? (
        <NotFixed
          code={code}
          until={complaint.reopenUntil}
          onDone={(c) => {
            setReopened(c);
            focusSoon('reopen-done');
          }}
        />
      ) : null}
      <p>
        <Link to="complaints/mine">เรื่องของฉันทั้งหมด</Link>
      </p>
    </div>
  );
}
