import { h, type ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import type { ComplaintView } from '../lib/complaints.ts';
import { normalizeCode } from '../lib/format.ts';
import type { PageProps } from '../lib/router.ts';
import { ErrorView, focusSoon, Link, Loading, useApi } from '../lib/ui.ts';
import { ComplaintSummary } from './complaintView.ts';
import { canSayNotFixed, NotFixed, ReopenedNotice } from './notFixed.ts';

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
  return h(
    'div',
    null,
    reopened ? h(ReopenedNotice, { line: true }) : null,
    complaint ? h(ComplaintSummary, { complaint }) : null,
    !reopened && canSayNotFixed(complaint)
      ? h(NotFixed, { code, until: complaint.reopenUntil, onDone: (c) => { setReopened(c); focusSoon('reopen-done'); } })
      : null,
    h('p', null, h(Link, { to: 'complaints/mine' }, 'เรื่องของฉันทั้งหมด')),
  );
}
