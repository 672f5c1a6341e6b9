import type { ComponentChild } from 'preact';
import { DUE_DAYS, entryStatus, FINAL, receivedAtOf, STATUS_ORDER, statusLabel, type ComplaintView, type HistoryEntry, type Status } from './complaintNames.ts';
import { bangkokDaysBetween, codeGroups, codeSpoken, formatDate, formatDateTime } from './format.ts';

/** A status as a coloured badge with its Thai name (the shared table). */
export function StatusBadge(props: { status: string }): ComponentChild {
  return <span class={`badge badge-${props.status}`}>{statusLabel(props.status)}</span>;
}

/** "ควรดำเนินการให้แล้วเสร็จภายใน 15 วัน (ภายใน 7 ธันวาคม 2569) ผ่านมาแล้ว 3 วัน" */
export function DueLine(props: { complaint: ComplaintView; now?: Date }): ComponentChild {
  const c = props.complaint;
  const received = receivedAtOf(c);
  if (!received) return null;
  const due = c.dueAt ?? new Date(Date.parse(received) + DUE_DAYS * 86_400_000).toISOString();
  if (FINAL.includes(c.status)) {
    const closed = c.finishedAt ?? [...(c.history ?? [])].reverse().find((e) => entryStatus(e) === c.status)?.at;
    return closed ? <p class="due">{`ปิดเรื่องเมื่อ ${formatDate(closed)} ใช้เวลา ${bangkokDaysBetween(received, closed)} วัน`}</p> : null;
  }
  const passed = c.daysElapsed ?? bangkokDaysBetween(received, props.now ?? new Date());
  const overdue = c.overdue ?? Date.parse(due) < (props.now ?? new Date()).getTime();
  return (
    <p class={`due${overdue ? ' due-over' : ''}`}>
      {`ควรดำเนินการให้แล้วเสร็จภายใน ${DUE_DAYS} วัน (ภายในวันที่ ${formatDate(due)}) ${passed > 0 ? `ผ่านมาแล้ว ${passed} วัน` : 'รับเรื่องวันนี้'}`}
      {overdue ? <strong> — เกินกำหนดแล้ว หน่วยงานต้องชี้แจงเหตุผลเป็นลายลักษณ์อักษร</strong> : null}
    </p>
  );
}

/**
 * The status history as an ordered list: every recorded change with its date and note, then the steps still ahead
 * (shown faded) so a person sees where the case stands.
 */
export function Timeline(props: { complaint: ComplaintView }): ComponentChild {
  const c = props.complaint;
  const history: HistoryEntry[] = c.history?.length ? c.history : [{ at: receivedAtOf(c) ?? '', status: 'received' }];
  const reached = new Set(history.map(entryStatus));
  const ahead = FINAL.includes(c.status) ? [] : (['acknowledged', 'in_progress', 'resolved'] as Status[]).filter((s) => !reached.has(s) && STATUS_ORDER.indexOf(s) > STATUS_ORDER.indexOf(c.status));
  const last = history.length - 1;
  return (
    <ol class="timeline" aria-label="ลำดับสถานะของเรื่อง">
      {history.map((e, i) => (
        <li key={`h${i}`} class={`step step-done${i === last ? ' step-current' : ''}`} aria-current={i === last ? 'step' : undefined}>
          <span class="step-dot" aria-hidden="true" />
          <div>
            <p class="step-title">
              {statusLabel(entryStatus(e) ?? '')}
              {e.undone ? ' (ย้อนกลับแล้ว)' : ''}
            </p>
            {e.undoes ? <p class="step-when">ย้อนกลับการเปลี่ยนสถานะก่อนหน้า ผู้แจ้งไม่ได้รับแจ้ง</p> : null}
            {e.at ? <p class="step-when">{formatDateTime(e.at)}</p> : null}
            {e.forwardedTo ? (
              <p class="step-note">
                <strong>ส่งต่อไปที่: </strong>
                {e.forwardedTo}
              </p>
            ) : null}
            {e.reason ? (
              <p class="step-note">
                <strong>เหตุผล: </strong>
                {e.reason}
              </p>
            ) : null}
            {typeof e.by === 'object' && e.by?.type === 'staff' && e.by.displayName ? <p class="step-when">{`โดย ${e.by.displayName}`}</p> : null}
            {/* The complainant's own move after the receipt ("not fixed"). */}
            {i > 0 && (e.by === 'ผู้แจ้ง' || (typeof e.by === 'object' && e.by?.type === 'citizen')) ? <p class="step-when">ผู้แจ้งแจ้งว่ายังไม่ได้รับการแก้ไข</p> : null}
            {e.note ? <p class="step-note">{e.note}</p> : null}
            {/* The LINE message about this change did not arrive (quota, cap, refused): this page is where they learn it. */}
            {e.notDelivered ? <p class="step-when">{e.notDelivered.label}</p> : null}
          </div>
        </li>
      ))}
      {ahead.map((s) => (
        <li key={s} class="step step-ahead">
          <span class="step-dot" aria-hidden="true" />
          <div>
            <p class="step-title">
              {statusLabel(s)}
              <span class="visually-hidden"> (ยังไม่ถึงขั้นนี้)</span>
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}

/** A tracking code (or secret) in large grouped characters; screen readers hear it spelt out. */
export function CodeDisplay(props: { code: string; testId?: string; groupSize?: number }): ComponentChild {
  return (
    <p class="code" data-testid={props.testId} data-code={props.code}>
      <span class="visually-hidden">{codeSpoken(props.code, props.groupSize)}</span>
      <span aria-hidden="true">
        {codeGroups(props.code, props.groupSize).map((g, i) => (
          <span key={i} class="code-group">
            {g}
          </span>
        ))}
      </span>
    </p>
  );
}
