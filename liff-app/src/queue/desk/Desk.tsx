import type { ComponentChild } from 'preact';
import { useReducer } from 'preact/hooks';
import { ApiError, request } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { getSession } from '../../lib/session.ts';
import { issuesByField, Loading } from '../../lib/ui.ts';
import { usePoll, type CallLogResponse, type CallResult, type Counter, type OperatorView, type QueueService, type TicketView } from '../lib.ts';
import { CallSpecific, REASON_TEXT, ReasonFormView, WalkIn } from './Forms.tsx';
import { NowServing, type CurrentAction } from './NowServing.tsx';
import { Refused } from './Refused.tsx';
import { CallLog, WaitingList } from './Side.tsx';
import { currentAt, deskReducer, initialDesk, reasonCandidates, type Busy, type ReasonKind } from './state.ts';

const CURRENT_DONE: Record<CurrentAction, (label: string) => string> = {
  recall: (l) => `เรียก ${l} ซ้ำแล้ว`,
  start: (l) => `เริ่มให้บริการ ${l} แล้ว`,
  skip: (l) => `ข้าม ${l} แล้ว (ไม่มา)`,
  complete: (l) => `${l} เสร็จสิ้นแล้ว`,
};

const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/**
 * One service at one counter: the state lives in the reducer (state.ts); this component makes the requests, polls the
 * desk every 5 s, and moves focus where an error needs the operator.
 */
export function Desk(props: { service: QueueService; counter: Counter }): ComponentChild {
  const { service, counter } = props;
  const base = `/staff/queue/services/${encodeURIComponent(service.id)}`;
  const [s, dispatch] = useReducer(deskReducer, initialDesk);

  const refresh = async () => {
    const [view, log] = await Promise.all([request<OperatorView>(base), request<CallLogResponse>(`${base}/log`)]);
    dispatch({ type: 'loaded', view, log: log.entries });
  };
  usePoll(async () => {
    try {
      await refresh();
    } catch (err) {
      dispatch({ type: 'loadFailed', error: err });
      throw err;
    }
    return 5;
  }, [base, s.attempt]);

  if (s.loadError && !s.view) return <Refused error={s.loadError} retry={() => dispatch({ type: 'retry' })} />;
  if (!s.view) return <Loading />;
  const view = s.view;
  const current = currentAt(view, counter.id);
  const candidates = reasonCandidates(view, s.log);

  /** Runs one request: what it says on success, or the API's refusal (a field's message goes by its field). */
  const act = async (busy: Busy, run: () => Promise<string>, onFields?: (fields: Record<string, string>) => boolean) => {
    dispatch({ type: 'started', busy });
    try {
      dispatch({ type: 'succeeded', text: await run() });
      await refresh().catch(() => undefined);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        const fields = issuesByField(err.issues);
        if (onFields?.(fields)) {
          dispatch({ type: 'failed', text: Object.values(fields)[0] ?? err.message });
          return false;
        }
        if (fields.reason) {
          dispatch({ type: 'callReasonRequired', message: fields.reason });
          focusLater('call-reason');
          return false;
        }
      }
      dispatch({ type: 'failed', text: err instanceof Error ? err.message : String(err) });
      await refresh().catch(() => undefined);
      return false;
    } finally {
      dispatch({ type: 'finished' });
    }
  };

  const callNext = () =>
    act('next', async () => {
      const r = await request<CallResult>(`${base}/call-next`, { body: { counterId: counter.id } });
      const done = r.completed ? `${r.completed.label} เสร็จสิ้น · ` : '';
      return r.called ? `${done}เรียก ${r.called.label} ที่${counter.name} แล้ว (รออีก ${formatNumber(r.waiting)} คน)` : `${done}ไม่มีคิวรออยู่`;
    });

  const onCurrent = (name: CurrentAction) => {
    if (!current) return;
    void act(name, async () => {
      // A recall carries how often the ticket had been called as shown, so a double tap announces it once.
      const t = await request<TicketView>(`/staff/queue/tickets/${encodeURIComponent(current.id)}/${name}`, { body: name === 'recall' ? { calls: current.calls } : {} });
      return CURRENT_DONE[name](t.label);
    });
  };

  const callSpecific = async (e: Event) => {
    e.preventDefault();
    dispatch({ type: 'callEdited' });
    const target = view.waiting.find((w) => w.id === s.call.target);
    if (!target) {
      dispatch({ type: 'failed', text: 'กรุณาเลือกหมายเลขคิวที่จะเรียก' });
      return;
    }
    const reason = s.call.reason.trim();
    const ok = await act('call', async () => {
      const r = await request<CallResult>(`/staff/queue/tickets/${encodeURIComponent(target.id)}/call`, { body: { counterId: counter.id, ...(reason ? { reason } : {}) } });
      return `เรียก ${r.called?.label ?? target.label} ที่${counter.name} แล้ว${reason ? ' (บันทึกเหตุผลไว้ในบันทึกการเรียกคิว)' : ''}`;
    });
    if (ok) dispatch({ type: 'callSent' });
  };

  const openReason = (kind: ReasonKind, ticketId: string) => {
    dispatch({ type: 'formOpened', kind, ticketId });
    requestAnimationFrame(() => {
      document.getElementById(`${kind}-form`)?.scrollIntoView({ block: 'nearest' });
      document.getElementById(`${kind}-reason`)?.focus();
    });
  };

  const submitReason = async (kind: ReasonKind, e: Event) => {
    e.preventDefault();
    const f = s.forms[kind];
    const target = candidates[kind].find((c) => c.id === f.ticketId);
    if (!target) {
      dispatch({ type: 'formRefused', kind, errors: { ticket: 'กรุณาเลือกบัตรคิว' } });
      dispatch({ type: 'failed', text: 'กรุณาเลือกบัตรคิว' });
      focusLater(`${kind}-ticket`);
      return;
    }
    dispatch({ type: 'formRefused', kind, errors: {} });
    // The reason goes to the API as typed: its rules (required, 3-200 characters) and its Thai message are the API's.
    const ok = await act(
      kind,
      async () => {
        const t = await request<TicketView>(`/staff/queue/tickets/${encodeURIComponent(target.id)}/${kind}`, { body: { reason: f.reason } });
        return REASON_TEXT[kind].done(t.label);
      },
      (fields) => {
        const errors = { ...(fields.reason ? { reason: fields.reason } : {}), ...(fields.ticketId ? { ticket: fields.ticketId } : {}) };
        if (!errors.reason && !errors.ticket) return false;
        dispatch({ type: 'formRefused', kind, errors });
        focusLater(errors.reason ? `${kind}-reason` : `${kind}-ticket`);
        return true;
      },
    );
    if (ok) dispatch({ type: 'formSent', kind });
  };

  const issueWalkIn = async (e: Event) => {
    e.preventDefault();
    dispatch({ type: 'walkInStarted' });
    const note = s.walkIn.note.trim();
    await act('walkin', async () => {
      const t = await request<TicketView>(`${base}/walk-in`, { body: note ? { note } : {} });
      dispatch({ type: 'walkInIssued', ticket: t });
      return `ออกบัตรคิว ${t.label} แล้ว`;
    });
  };

  const reasonForm = (kind: ReasonKind) => (
    <ReasonFormView
      kind={kind}
      form={s.forms[kind]}
      options={candidates[kind]}
      busy={s.busy}
      onToggle={(open) => dispatch({ type: 'formEdited', kind, patch: { open } })}
      onTicket={(ticketId) => dispatch({ type: 'formEdited', kind, patch: { ticketId }, clear: 'ticket' })}
      onReason={(reason) => dispatch({ type: 'formEdited', kind, patch: { reason }, clear: 'reason' })}
      onSubmit={(e) => void submitReason(kind, e)}
    />
  );

  return (
    <div class="q-staff-grid">
      <div class="q-staff-main">
        <NowServing counter={counter} view={view} current={current} busy={s.busy} said={s.said} onNext={() => void callNext()} onCurrent={onCurrent} />
        <CallSpecific
          counter={counter}
          view={view}
          call={s.call}
          busy={s.busy}
          onToggle={(open) => dispatch({ type: 'callToggled', open })}
          onEdit={(edit) => dispatch({ type: 'callEdited', ...edit })}
          onSubmit={(e) => void callSpecific(e)}
        />
        {reasonForm('reinstate')}
        {reasonForm('cancel')}
        <WalkIn note={s.walkIn.note} issued={s.walkIn.issued} busy={s.busy} onNote={(note) => dispatch({ type: 'walkInEdited', note })} onSubmit={(e) => void issueWalkIn(e)} />
      </div>
      <div class="q-staff-side">
        <WaitingList view={view} />
        <CallLog
          orgId={getSession().org.id}
          service={service}
          day={view.day}
          log={s.log}
          reinstatable={new Set(candidates.reinstate.map((c) => c.id))}
          busy={s.busy}
          onReinstate={(ticketId) => openReason('reinstate', ticketId)}
        />
      </div>
    </div>
  );
}
