import { h, type ComponentChild } from 'preact';
import { REOPENED_NAME, STATUS_NAMES } from '../../../functions/src/complaints/statusNames.ts';

export { REOPENED_NAME };
import { bangkokDaysBetween, codeGroups, codeSpoken, formatDate, formatDateTime } from './format.ts';

/** The complaint shapes the app reads, as the complaints API returns them (functions/src/complaints). */
export type ComplaintKind = 'general' | 'corruption';
export type Status = 'received' | 'acknowledged' | 'in_progress' | 'resolved' | 'rejected' | 'forwarded';

export interface Category {
  id: string;
  title: string;
  kind: ComplaintKind;
}

export interface HistoryEntry {
  at: string;
  to?: Status;
  status?: Status;
  from?: Status | null;
  note?: string | null;
  reason?: string | null;
  forwardedTo?: string | null;
  by?: string | { type: string; displayName?: string } | null;
  /** Staff detail only: this change was taken back (undo), or this record takes back record N. */
  undone?: boolean;
  undoes?: number;
}

export interface ComplaintView {
  id?: string;
  trackingCode: string;
  kind: ComplaintKind;
  category?: string;
  categoryTitle?: string;
  title?: string;
  description?: string;
  status: Status;
  receivedAt?: string;
  createdAt?: string;
  dueAt?: string;
  finishedAt?: string | null;
  /** Whole Bangkok days since receipt, as the server counts them. */
  daysElapsed?: number;
  overdue?: boolean;
  /** Staff inbox: the complainant reopened the case ("not fixed") and it is open. */
  reopened?: boolean;
  /** 'public': someone with only the code of a general complaint sees status and dates, no content. */
  access?: 'public' | 'owner';
  anonymous?: boolean;
  place?: { text?: string; lat?: number; lng?: number } | null;
  history?: HistoryEntry[];
  /** Owner view: until when the complainant may say "not fixed" (ยังไม่ได้รับการแก้ไข), or null. */
  reopenUntil?: string | null;
}

/** The one table of status names, shared with the server's LINE messages and staff cards. */
export const STATUS_LABELS: Record<Status, string> = STATUS_NAMES;

export const STATUS_ORDER: Status[] = ['received', 'acknowledged', 'in_progress', 'resolved', 'rejected', 'forwarded'];
export const FINAL: Status[] = ['resolved', 'rejected', 'forwarded'];
export const statusLabel = (s: string) => STATUS_LABELS[s as Status] ?? s;

export const KIND_LABELS: Record<ComplaintKind, string> = { general: 'เรื่องร้องเรียนทั่วไป', corruption: 'แจ้งเบาะแสการทุจริต' };

/** Days a complaint should take at most (the 15-day rule). */
export const DUE_DAYS = 15;

export const receivedAtOf = (c: ComplaintView) => c.receivedAt ?? c.createdAt ?? c.history?.[0]?.at;
export const entryStatus = (e: HistoryEntry) => e.to ?? e.status;

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
  const history = c.history?.length ? c.history : [{ at: receivedAtOf(c) ?? '', to: 'received' as Status }];
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
          typeof e.by === 'object' && e.by?.displayName ? h('p', { class: 'step-when' }, `โดย ${e.by.displayName}`) : null,
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

