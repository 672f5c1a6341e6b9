import { h, type ComponentChild } from 'preact';
import { ANSWER_DAYS, FINISHED_STATUSES, REOPENED_NAME, STATUS_NAMES, STATUSES, type ComplaintKind, type Status } from '../../../functions/src/contracts/complaintTables.ts';
import type {
  CategoryItem,
  OwnerComplaintView,
  OwnerHistoryEntry,
  PublicComplaintView,
  PublicHistoryEntry,
  StaffHistoryEntry,
  StaffInboxItem,
} from '../../../functions/src/contracts/complaints.ts';
import { bangkokDaysBetween, codeGroups, codeSpoken, formatDate, formatDateTime } from './format.ts';

export { REOPENED_NAME };
export type { ComplaintKind, Status };
/** A category as GET /complaints/categories lists it. */
export type Category = CategoryItem;

/**
 * One history record as any of the API's views gives it (public, owner, staff: contracts/complaints.ts); the fields a
 * view leaves out are absent.
 */
export type HistoryEntry = Partial<Omit<PublicHistoryEntry & OwnerHistoryEntry & StaffHistoryEntry, 'by'>> & {
  at: string;
  by?: OwnerHistoryEntry['by'] | StaffHistoryEntry['by'] | null;
};

/**
 * A complaint as the citizen and inbox views give it (tracking: public or owner; my complaints; the staff inbox), with
 * what a page may look at: the contract's types, every field but the code, kind and status optional.
 */
export type ComplaintView = Pick<PublicComplaintView, 'trackingCode' | 'kind' | 'status'> &
  Partial<Omit<OwnerComplaintView, 'history' | 'access'> & StaffInboxItem> & {
    access?: PublicComplaintView['access'] | OwnerComplaintView['access'];
    history?: HistoryEntry[];
  };

/** The one table of status names, shared with the server's LINE messages and staff cards. */
export const STATUS_LABELS: Record<Status, string> = STATUS_NAMES;

export const STATUS_ORDER: readonly Status[] = STATUSES;
export const FINAL: readonly Status[] = FINISHED_STATUSES;
export const statusLabel = (s: string) => STATUS_LABELS[s as Status] ?? s;

export const KIND_LABELS: Record<ComplaintKind, string> = { general: 'เรื่องร้องเรียนทั่วไป', corruption: 'แจ้งเบาะแสการทุจริต' };

/** Days a complaint should take at most (the 15-day rule). */
export const DUE_DAYS = ANSWER_DAYS;

export const receivedAtOf = (c: ComplaintView) => c.receivedAt ?? c.history?.[0]?.at;
export const entryStatus = (e: HistoryEntry) => e.status;

export function StatusBadge(props: { status: string }): ComponentChild {
  return h('span', { class: `badge badge-${props.status}` }, statusLabel(props.status));
}

/** "ควรดำเนินการให้แล้วเสร็จภายใน 15 วัน (ภายใน 7 ธันวาคม 2569) ผ่านมาแล้ว 3 วัน" */
export function DueLine(props: { complaint: ComplaintView; now?: Date }): ComponentChild {
  const c = props.complaint;
  const received = receivedAtOf(c);
  if (!received) return null;
  const due = c.dueAt ?? new Date(Date.parse(received) + DUE_DAYS * 86_400_000).toISOString();
  if (FINAL.includes(c.status)) {
    const closed = c.finishedAt ?? [...(c.history ?? [])].reverse().find((e) => entryStatus(e) === c.status)?.at;
    return closed ? h('p', { class: 'due' }, `ปิดเรื่องเมื่อ ${formatDate(closed)} ใช้เวลา ${bangkokDaysBetween(received, closed)} วัน`) : null;
  }
  const passed = c.daysElapsed ?? bangkokDaysBetween(received, props.now ?? new Date());
  const overdue = c.overdue ?? Date.parse(due) < (props.now ?? new Date()).getTime();
  return h(
    'p',
    { class: `due${overdue ? ' due-over' : ''}` },
    `ควรดำเนินการให้แล้วเสร็จภายใน ${DUE_DAYS} วัน (ภายในวันที่ ${formatDate(due)}) ${passed > 0 ? `ผ่านมาแล้ว ${passed} วัน` : 'รับเรื่องวันนี้'}`,
    overdue ? h('strong', null, ' — เกินกำหนดแล้ว หน่วยงานต้องชี้แจงเหตุผลเป็นลายลักษณ์อักษร') : null,
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
  return h(
    'ol',
    { class: 'timeline', 'aria-label': 'ลำดับสถานะของเรื่อง' },
    history.map((e, i) =>
      h(
        'li',
        { key: `h${i}`, class: `step step-done${i === last ? ' step-current' : ''}`, 'aria-current': i === last ? 'step' : undefined },
        h('span', { class: 'step-dot', 'aria-hidden': 'true' }),
        h(
          'div',
          null,
          h('p', { class: 'step-title' }, statusLabel(entryStatus(e) ?? ''), e.undone ? ' (ย้อนกลับแล้ว)' : ''),
          e.undoes ? h('p', { class: 'step-when' }, 'ย้อนกลับการเปลี่ยนสถานะก่อนหน้า ผู้แจ้งไม่ได้รับแจ้ง') : null,
          e.at ? h('p', { class: 'step-when' }, formatDateTime(e.at)) : null,
          e.forwardedTo ? h('p', { class: 'step-note' }, h('strong', null, 'ส่งต่อไปที่: '), e.forwardedTo) : null,
          e.reason ? h('p', { class: 'step-note' }, h('strong', null, 'เหตุผล: '), e.reason) : null,
          typeof e.by === 'object' && e.by?.type === 'staff' && e.by.displayName ? h('p', { class: 'step-when' }, `โดย ${e.by.displayName}`) : null,
          // The complainant's own move after the receipt ("not fixed").
          i > 0 && (e.by === 'ผู้แจ้ง' || (typeof e.by === 'object' && e.by?.type === 'citizen')) ? h('p', { class: 'step-when' }, 'ผู้แจ้งแจ้งว่ายังไม่ได้รับการแก้ไข') : null,
          e.note ? h('p', { class: 'step-note' }, e.note) : null,
        ),
      ),
    ),
    ahead.map((s) =>
      h(
        'li',
        { key: s, class: 'step step-ahead' },
        h('span', { class: 'step-dot', 'aria-hidden': 'true' }),
        h('div', null, h('p', { class: 'step-title' }, statusLabel(s), h('span', { class: 'visually-hidden' }, ' (ยังไม่ถึงขั้นนี้)'))),
      ),
    ),
  );
}

/** A tracking code (or secret) in large grouped characters; screen readers hear it spelt out. */
export function CodeDisplay(props: { code: string; testId?: string; groupSize?: number }): ComponentChild {
  return h(
    'p',
    { class: 'code', 'data-testid': props.testId, 'data-code': props.code },
    h('span', { class: 'visually-hidden' }, codeSpoken(props.code, props.groupSize)),
    h('span', { 'aria-hidden': 'true' }, codeGroups(props.code, props.groupSize).map((g, i) => h('span', { key: i, class: 'code-group' }, g))),
  );
}

