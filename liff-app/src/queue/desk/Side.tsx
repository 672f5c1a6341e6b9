import type { ComponentChild } from 'preact';
import { requestObjectUrl } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { formatTime, waitPhrase, type LogAction, type LogEntry, type OperatorView, type QueueService } from '../lib.ts';
import { latestOf, type Busy } from './state.ts';

const ACTION_LABELS: Record<LogAction, string> = {
  issue: 'ออกบัตร (walk-in)',
  call: 'เรียก',
  recall: 'เรียกซ้ำ',
  start: 'เริ่มให้บริการ',
  complete: 'เสร็จสิ้น',
  skip: 'ข้าม (ไม่มา)',
  cancel: 'ยกเลิก',
  reinstate: 'คืนลำดับ',
};
const VIA_LABELS: Record<string, string> = { liff: 'LIFF', 'staff-page': 'หน้าเจ้าหน้าที่', group: 'กลุ่ม LINE', cli: 'CLI' };

/** Who waits, in calling order (the first 30). */
export function WaitingList(props: { view: OperatorView }): ComponentChild {
  const { view } = props;
  return (
    <section aria-labelledby="waiting-title">
      <h2 id="waiting-title">{`รอเรียก (${formatNumber(view.waiting.length)})`}</h2>
      {view.waiting.length ? (
        <ol class="q-waiting">
          {view.waiting.slice(0, 30).map((w) => (
            <li key={w.id}>
              <strong>{w.label}</strong>
              <span class="meta">{` รับบัตร ${formatTime(w.issuedAt)}${w.walkIn ? ' · walk-in' : ''}`}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p class="hint">ไม่มีคิวรออยู่</p>
      )}
      {view.waiting.length > 30 ? <p class="hint">{`และอีก ${formatNumber(view.waiting.length - 30)} คิว`}</p> : null}
      <p class="hint">{`คิวสุดท้าย${waitPhrase(view.estimatedWaitMinutes)}`}</p>
    </section>
  );
}

/** Today's call log, newest first: read-only; a skipped ticket's entry offers "เรียกกลับเข้าคิว". */
export function CallLog(props: {
  orgId: string;
  service: Pick<QueueService, 'id'>;
  day: string;
  log: LogEntry[];
  reinstatable: Set<string>;
  busy: Busy | null;
  onReinstate: (ticketId: string) => void;
}): ComponentChild {
  const { orgId, service, log } = props;
  const base = `/staff/queue/services/${encodeURIComponent(service.id)}`;
  return (
    <section aria-labelledby="log-title">
      <h2 id="log-title">บันทึกการเรียกคิววันนี้</h2>
      <p class="hint">แก้ไขหรือลบไม่ได้ ใช้เป็นหลักฐานว่าไม่มีการลัดคิว</p>
      {log.length ? (
        <ol class="q-log" reversed>
          {[...log]
            .sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id))
            .slice(0, 30)
            .map((e) => (
              <li key={e.id} class={e.outOfOrder ? 'q-log-ooo' : undefined}>
                <span class="q-log-time">{formatTime(e.at)}</span> <strong>{e.label}</strong>
                {` ${ACTION_LABELS[e.action] ?? e.action}${e.counterName ? ` · ${e.counterName}` : ''} · ${e.auto ? 'อัตโนมัติ' : e.by.name} · ${VIA_LABELS[e.via] ?? e.via}`}
                {e.outOfOrder ? <span class="badge badge-overdue">ข้ามลำดับ</span> : null}
                {e.reason ? <span class="q-log-reason">{`${e.action === 'issue' ? 'หมายเหตุ' : 'เหตุผล'}: ${e.reason}`}</span> : null}
                {e.action === 'skip' && props.reinstatable.has(e.ticketId) && latestOf(log, e.ticketId)?.id === e.id ? (
                  <button type="button" class="btn btn-secondary q-log-action" disabled={!!props.busy} data-ticket={e.ticketId} onClick={() => props.onReinstate(e.ticketId)}>
                    {`เรียกกลับเข้าคิว ${e.label}`}
                  </button>
                ) : null}
              </li>
            ))}
        </ol>
      ) : (
        <p class="hint">ยังไม่มีการเรียกคิววันนี้</p>
      )}
      <p class="row">
        <a
          href={`/api/orgs/${encodeURIComponent(orgId)}/staff/queue/services/${encodeURIComponent(service.id)}/log.csv`}
          onClick={(e: Event) => void downloadCsv(e, `${base}/log.csv`, `queue-log-${service.id}-${props.day}.csv`)}
        >
          ดาวน์โหลดบันทึก (CSV)
        </a>
        <a href={`/orgs/${encodeURIComponent(orgId)}/queue/board`} target="_blank" rel="noopener">
          เปิดกระดานเรียกคิว (จอทีวี)
        </a>
        <a href={`/orgs/${encodeURIComponent(orgId)}/queue/${encodeURIComponent(service.id)}/poster`} target="_blank" rel="noopener">
          โปสเตอร์ QR
        </a>
      </p>
    </section>
  );
}

/** The CSV needs the token, so it is fetched and handed to the browser as a file. */
async function downloadCsv(e: Event, path: string, name: string) {
  e.preventDefault();
  const url = await requestObjectUrl(path);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
