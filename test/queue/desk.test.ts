import { describe, expect, it } from 'vitest';
import type { LogEntry, OperatorView, TicketBrief, TicketView } from '../../functions/src/contracts/queue.ts';
import { currentAt, deskReducer, initialDesk, latestOf, reasonCandidates, skippedTickets, type DeskAction, type DeskState } from '../../liff-app/src/queue/desk/state.ts';

/** The operator's desk as a pure reducer (liff-app/src/queue/desk/state.ts): no browser, no server. */
const brief = (n: number, over: Partial<TicketBrief> = {}): TicketBrief => ({
  id: `svc-20261123-${n}`,
  label: `A00${n}`,
  number: n,
  state: 'waiting',
  walkIn: false,
  issuedAt: '2026-11-23T03:00:00.000Z',
  calledAt: null,
  calls: 0,
  counterId: null,
  ...over,
});

const view = (over: Partial<OperatorView> = {}): OperatorView => ({
  service: { id: 'svc', name: 'งานทะเบียน', description: '', prefix: 'A', location: '', counters: [{ id: '1', name: 'ช่อง 1' }], hours: null, hoursText: '', openNow: true, closedToday: null, manualIds: [] },
  day: '2026-11-23',
  counters: [{ id: '1', name: 'ช่อง 1', current: [] }],
  waiting: [],
  finished: [],
  counts: { issued: 0, waiting: 0, done: 0, noShow: 0 },
  estimatedWaitMinutes: 0,
  ...over,
});

const entry = (n: number, seq: number, action: LogEntry['action']): LogEntry => ({
  id: `${String(n).padStart(5, '0')}-${String(seq).padStart(3, '0')}`,
  ticketId: `svc-20261123-${n}`,
  serviceId: 'svc',
  day: '2026-11-23',
  number: n,
  label: `A00${n}`,
  seq,
  action,
  from: 'waiting',
  to: 'waiting',
  counterId: null,
  counterName: null,
  at: `2026-11-23T03:0${seq}:00.000Z`,
  by: { userId: null, name: 'สมศรี', kind: 'staff' },
  via: 'staff-page',
  outOfOrder: false,
  firstWaiting: null,
  reason: null,
  auto: false,
});

const run = (...actions: DeskAction[]): DeskState => actions.reduce(deskReducer, initialDesk);

describe('the desk reducer', () => {
  it('a request under way clears what was said; its outcome is said; finishing frees the desk', () => {
    const s = run({ type: 'failed', text: 'เก่า' }, { type: 'started', busy: 'next' });
    expect(s).toMatchObject({ busy: 'next', said: null });
    const done = run({ type: 'started', busy: 'next' }, { type: 'succeeded', text: 'เรียก A001 ที่ช่อง 1 แล้ว' }, { type: 'finished' });
    expect(done).toMatchObject({ busy: null, said: { kind: 'success', text: 'เรียก A001 ที่ช่อง 1 แล้ว' } });
  });

  it('an out-of-order call refused for want of a reason opens the form with the API’s message by the field; typing clears it', () => {
    const refused = run({ type: 'callEdited', target: 'svc-20261123-3' }, { type: 'callReasonRequired', message: 'เรียกคิวข้ามลำดับต้องระบุเหตุผล' });
    expect(refused.call).toEqual({ open: true, target: 'svc-20261123-3', reason: '', reasonError: 'เรียกคิวข้ามลำดับต้องระบุเหตุผล' });
    expect(refused.said).toEqual({ kind: 'error', text: 'เรียกคิวข้ามลำดับต้องระบุเหตุผล' });
    const typed = deskReducer(refused, { type: 'callEdited', reason: 'หญิงตั้งครรภ์' });
    expect(typed.call).toMatchObject({ reason: 'หญิงตั้งครรภ์', reasonError: undefined, target: 'svc-20261123-3' });
    expect(deskReducer(typed, { type: 'callSent' }).call).toMatchObject({ target: '', reason: '', open: true });
  });

  it('reason forms: opening picks the ticket and clears errors; a field edit clears only its own error; sending resets', () => {
    const opened = run({ type: 'formRefused', kind: 'reinstate', errors: { ticket: 'x', reason: 'y' } }, { type: 'formOpened', kind: 'reinstate', ticketId: 'svc-20261123-3' });
    expect(opened.forms.reinstate).toEqual({ open: true, ticketId: 'svc-20261123-3', reason: '', errors: {} });
    expect(opened.forms.cancel.open).toBe(false);
    const refused = deskReducer(opened, { type: 'formRefused', kind: 'reinstate', errors: { reason: 'สั้นไป', ticket: 'เลือก' } });
    const edited = deskReducer(refused, { type: 'formEdited', kind: 'reinstate', patch: { reason: 'มาถึงช้า' }, clear: 'reason' });
    expect(edited.forms.reinstate.errors).toEqual({ reason: undefined, ticket: 'เลือก' });
    expect(deskReducer(edited, { type: 'formSent', kind: 'reinstate' }).forms.reinstate).toEqual({ open: true, ticketId: '', reason: '', errors: {} });
  });

  it('a walk-in ticket issued is shown and its note cleared; a new one hides the old number until it arrives', () => {
    const t = { label: 'A002' } as TicketView;
    const issued = run({ type: 'walkInEdited', note: 'ผู้สูงอายุ' }, { type: 'walkInIssued', ticket: t });
    expect(issued.walkIn).toEqual({ note: '', issued: t });
    expect(deskReducer(issued, { type: 'walkInStarted' }).walkIn.issued).toBeNull();
  });

  it('a failed load is kept until a load succeeds; retry asks again', () => {
    const failed = run({ type: 'loadFailed', error: new Error('403') });
    expect(failed.loadError).toBeInstanceOf(Error);
    expect(deskReducer(failed, { type: 'retry' }).attempt).toBe(1);
    expect(deskReducer(failed, { type: 'loaded', view: view(), log: [] })).toMatchObject({ loadError: null, log: [] });
  });
});

describe('what the desk shows', () => {
  it('the counter’s current ticket is the last called there', () => {
    const v = view({ counters: [{ id: '1', name: 'ช่อง 1', current: [brief(1, { state: 'serving' }), brief(2, { state: 'called' })] }] });
    expect(currentAt(v, '1')?.label).toBe('A002');
    expect(currentAt(v, '9')).toBeNull();
  });

  it('skipped tickets can be reinstated until something else happened to them; called and waiting ones can be cancelled', () => {
    const log = [entry(1, 1, 'call'), entry(1, 2, 'skip'), entry(2, 1, 'call'), entry(2, 2, 'skip'), entry(2, 3, 'reinstate'), entry(4, 1, 'call'), entry(4, 2, 'skip')];
    const v = view({
      counters: [{ id: '1', name: 'ช่อง 1', current: [brief(3, { state: 'called', counterId: '1' })] }],
      waiting: [{ ...brief(2), ahead: 0 }, { ...brief(5, { walkIn: true }), ahead: 1 }],
      finished: [brief(4, { state: 'no_show' })],
    });
    expect(latestOf(log, 'svc-20261123-2')?.action).toBe('reinstate');
    expect(skippedTickets(v, log).map((t) => t.id).sort()).toEqual(['svc-20261123-1', 'svc-20261123-4']);
    const c = reasonCandidates(v, log);
    expect(c.cancel).toEqual([
      { id: 'svc-20261123-3', label: 'A003 (เรียกแล้ว · ช่อง 1)' },
      { id: 'svc-20261123-2', label: 'A002 (รอเรียก)' },
      { id: 'svc-20261123-5', label: 'A005 (รอเรียก) · walk-in' },
    ]);
  });
});
