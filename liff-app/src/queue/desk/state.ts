/**
 * The operator's desk as data: one state, one reducer, pure selectors. No I/O, no DOM: the desk component (Desk.tsx)
 * makes the requests and dispatches what happened; the views only read. Unit-tested in test/queue/desk.test.ts.
 */
import type { LogEntry, OperatorView, TicketBrief, TicketView } from '../lib.ts';

/** The two staff actions that need a stated reason, each with its own small form. */
export type ReasonKind = 'cancel' | 'reinstate';

export interface ReasonForm {
  open: boolean;
  ticketId: string;
  reason: string;
  errors: { ticket?: string | undefined; reason?: string | undefined };
}

/** What the desk is doing right now (one request at a time). */
export type Busy = 'next' | 'recall' | 'start' | 'skip' | 'complete' | 'call' | 'walkin' | ReasonKind;

export interface Said {
  kind: 'success' | 'error' | 'info';
  text: string;
}

export interface DeskState {
  view: OperatorView | null;
  log: LogEntry[];
  loadError: unknown;
  /** Bumped to load again after a failed first load. */
  attempt: number;
  busy: Busy | null;
  said: Said | null;
  /** "เรียกหมายเลขที่ระบุ": a waiting ticket called out of order, with its reason. */
  call: { open: boolean; target: string; reason: string; reasonError: string | undefined };
  walkIn: { note: string; issued: TicketView | null };
  forms: Record<ReasonKind, ReasonForm>;
}

const NO_FORM: ReasonForm = { open: false, ticketId: '', reason: '', errors: {} };

export const initialDesk: DeskState = {
  view: null,
  log: [],
  loadError: null,
  attempt: 0,
  busy: null,
  said: null,
  call: { open: false, target: '', reason: '', reasonError: undefined },
  walkIn: { note: '', issued: null },
  forms: { cancel: NO_FORM, reinstate: NO_FORM },
};

export type DeskAction =
  | { type: 'loaded'; view: OperatorView; log: LogEntry[] }
  | { type: 'loadFailed'; error: unknown }
  | { type: 'retry' }
  | { type: 'started'; busy: Busy }
  | { type: 'succeeded'; text: string }
  | { type: 'failed'; text: string }
  | { type: 'finished' }
  | { type: 'callEdited'; target?: string; reason?: string }
  | { type: 'callToggled'; open: boolean }
  | { type: 'callReasonRequired'; message: string }
  | { type: 'callSent' }
  | { type: 'walkInEdited'; note: string }
  | { type: 'walkInStarted' }
  | { type: 'walkInIssued'; ticket: TicketView }
  | { type: 'formEdited'; kind: ReasonKind; patch: Partial<Omit<ReasonForm, 'errors'>>; clear?: keyof ReasonForm['errors'] }
  | { type: 'formOpened'; kind: ReasonKind; ticketId: string }
  | { type: 'formRefused'; kind: ReasonKind; errors: ReasonForm['errors'] }
  | { type: 'formSent'; kind: ReasonKind };

export function deskReducer(s: DeskState, a: DeskAction): DeskState {
  switch (a.type) {
    case 'loaded':
      return { ...s, view: a.view, log: a.log, loadError: null };
    case 'loadFailed':
      return { ...s, loadError: a.error };
    case 'retry':
      return { ...s, attempt: s.attempt + 1 };
    case 'started':
      return { ...s, busy: a.busy, said: null };
    case 'succeeded':
      return { ...s, said: { kind: 'success', text: a.text } };
    case 'failed':
      return { ...s, said: { kind: 'error', text: a.text } };
    case 'finished':
      return { ...s, busy: null };
    case 'callEdited':
      return { ...s, call: { ...s.call, ...(a.target !== undefined ? { target: a.target } : {}), ...(a.reason !== undefined ? { reason: a.reason } : {}), reasonError: undefined } };
    case 'callToggled':
      return { ...s, call: { ...s.call, open: a.open } };
    case 'callReasonRequired':
      return { ...s, call: { ...s.call, open: true, reasonError: a.message }, said: { kind: 'error', text: a.message } };
    case 'callSent':
      return { ...s, call: { ...s.call, target: '', reason: '' } };
    case 'walkInEdited':
      return { ...s, walkIn: { ...s.walkIn, note: a.note } };
    case 'walkInStarted':
      return { ...s, walkIn: { ...s.walkIn, issued: null } };
    case 'walkInIssued':
      return { ...s, walkIn: { note: '', issued: a.ticket } };
    case 'formEdited': {
      const f = s.forms[a.kind];
      const errors = a.clear ? { ...f.errors, [a.clear]: undefined } : f.errors;
      return { ...s, forms: { ...s.forms, [a.kind]: { ...f, ...a.patch, errors } } };
    }
    case 'formOpened':
      return { ...s, forms: { ...s.forms, [a.kind]: { ...s.forms[a.kind], open: true, ticketId: a.ticketId, errors: {} } } };
    case 'formRefused':
      return { ...s, forms: { ...s.forms, [a.kind]: { ...s.forms[a.kind], open: true, errors: a.errors } } };
    case 'formSent':
      return { ...s, forms: { ...s.forms, [a.kind]: { ...s.forms[a.kind], ticketId: '', reason: '', errors: {} } } };
  }
}

// ---------- what the views read ----------

/** The ticket at this counter now (the last called), or null. */
export function currentAt(view: OperatorView, counterId: string): TicketBrief | null {
  const here = view.counters.find((c) => c.id === counterId)?.current ?? [];
  return here[here.length - 1] ?? null;
}

/** The log entry that last changed a ticket (entries of one ticket are numbered `{number}-{seq}`, so the id orders them). */
export function latestOf(log: LogEntry[], ticketId: string): LogEntry | undefined {
  let last: LogEntry | undefined;
  for (const e of log) if (e.ticketId === ticketId && (!last || e.id > last.id)) last = e;
  return last;
}

/** Skipped tickets not since reinstated or otherwise moved on: from the view's finished list and from today's log. */
export function skippedTickets(view: OperatorView, log: LogEntry[]): Array<{ id: string; label: string }> {
  const out = new Map<string, { id: string; label: string }>();
  for (const t of view.finished) if (t.state === 'no_show') out.set(t.id, { id: t.id, label: `${t.label} (ไม่มาตามเรียก)` });
  const active = new Set([...view.waiting, ...view.counters.flatMap((c) => c.current)].map((t) => t.id));
  for (const e of log) {
    if (e.action !== 'skip' || out.has(e.ticketId) || active.has(e.ticketId)) continue;
    if (latestOf(log, e.ticketId)?.id === e.id) out.set(e.ticketId, { id: e.ticketId, label: `${e.label} (ไม่มาตามเรียก)` });
  }
  return [...out.values()];
}

/** Tickets each reason form may act on: cancel a waiting or called one; reinstate one that was skipped (no-show). */
export function reasonCandidates(view: OperatorView, log: LogEntry[]): Record<ReasonKind, Array<{ id: string; label: string }>> {
  const calledHere = view.counters.flatMap((c) => c.current.filter((t) => t.state === 'called').map((t) => ({ id: t.id, label: `${t.label} (เรียกแล้ว · ${c.name})` })));
  return {
    cancel: [...calledHere, ...view.waiting.map((w) => ({ id: w.id, label: `${w.label} (รอเรียก)${w.walkIn ? ' · walk-in' : ''}` }))],
    reinstate: skippedTickets(view, log),
  };
}
