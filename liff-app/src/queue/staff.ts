import { h, type ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, request, requestObjectUrl } from '../lib/api.ts';
import { formatNumber } from '../lib/format.ts';
import type { PageProps } from '../lib/router.ts';
import { getSession } from '../lib/session.ts';
import { Button, Link, Loading, Notice, Select, TextArea, TextField, issuesByField, useApi } from '../lib/ui.ts';
import { formatTime, usePoll, waitPhrase, type Counter, type PublicService, type TicketState, type TicketView } from './lib.ts';
import './queue.css';

/**
 * `staff/queue`: the operator's desk. Pick the service and counter once (remembered on this device), then one big
 * button per person: call next (which completes whoever is still at this counter), recall, skip, complete. Calling a
 * number out of order needs a reason (the API refuses without one and its message is shown by the field). Start of
 * service (optional: service time then starts there). A skipped ticket can be put back in line ("เรียกกลับเข้าคิว")
 * and a waiting or called ticket cancelled by staff ("ยกเลิกบัตรคิว"): both need a reason, which the API checks and
 * whose message is shown by the field. Walk-in tickets for people without LINE. The call log is read-only: nobody can
 * change it, here or anywhere.
 */
interface Brief {
  id: string;
  label: string;
  number: number;
  state: TicketState;
  walkIn: boolean;
  issuedAt: string;
  calledAt: string | null;
  calls: number;
  counterId: string | null;
  ahead?: number;
}

interface OperatorView {
  service: PublicService;
  day: string;
  counters: Array<Counter & { current: Brief[] }>;
  waiting: Brief[];
  finished: Brief[];
  counts: { issued: number; waiting: number; done: number; noShow: number };
  estimatedWaitMinutes: number;
}

interface LogEntry {
  id: string;
  ticketId: string;
  label: string;
  action: 'issue' | 'call' | 'recall' | 'start' | 'complete' | 'skip' | 'cancel' | 'reinstate';
  counterName: string | null;
  at: string;
  by: { name: string; kind: string };
  via: string;
  outOfOrder: boolean;
  reason: string | null;
  auto: boolean;
}

interface CallResult {
  called: TicketView | null;
  completed: TicketView | null;
  waiting: number;
}

const ACTION_LABELS: Record<LogEntry['action'], string> = {
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

/** The two staff actions that need a stated reason, each with its own small form. */
type ReasonKind = 'cancel' | 'reinstate';
interface ReasonForm {
  open: boolean;
  ticketId: string;
  reason: string;
  errors: { ticket?: string; reason?: string };
}
const NO_FORM: ReasonForm = { open: false, ticketId: '', reason: '', errors: {} };
const REASON_TEXT: Record<ReasonKind, { summary: string; ticket: string; reason: string; hint: string; submit: string; done: (label: string) => string; none: string }> = {
  cancel: {
    summary: 'ยกเลิกบัตรคิว',
    ticket: 'บัตรคิวที่จะยกเลิก',
    reason: 'เหตุผลที่ยกเลิก',
    hint: 'เช่น ผู้รับบริการแจ้งว่าไม่รอแล้ว มาผิดบริการ เหตุผลนี้ถูกบันทึกไว้และแจ้งผู้ถือบัตรทาง LINE',
    submit: 'ยกเลิกบัตรคิว',
    done: (l) => `ยกเลิกบัตรคิว ${l} แล้ว (บันทึกเหตุผลไว้ในบันทึกการเรียกคิว)`,
    none: 'ไม่มีบัตรคิวที่ยกเลิกได้',
  },
  reinstate: {
    summary: 'เรียกกลับเข้าคิว (ผู้ที่ถูกข้าม)',
    ticket: 'บัตรคิวที่ถูกข้าม',
    reason: 'เหตุผลที่เรียกกลับเข้าคิว',
    hint: 'เช่น มาถึงช้า ไปถ่ายเอกสาร บัตรคิวได้หมายเลขเดิมและกลับไปรอเรียก เหตุผลนี้ถูกบันทึกไว้ตรวจสอบได้',
    submit: 'เรียกกลับเข้าคิว',
    done: (l) => `เรียก ${l} กลับเข้าคิวแล้ว (หมายเลขเดิม รอเรียก)`,
    none: 'ไม่มีบัตรคิวที่ถูกข้าม',
  },
};

const DESK_KEY = 'liff-queue-desk';
function readDesk(): { serviceId: string; counterId: string } {
  try {
    const v = JSON.parse(localStorage.getItem(DESK_KEY) ?? '{}') as { serviceId?: unknown; counterId?: unknown };
    return { serviceId: typeof v.serviceId === 'string' ? v.serviceId : '', counterId: typeof v.counterId === 'string' ? v.counterId : '' };
  } catch {
    return { serviceId: '', counterId: '' };
  }
}

export default function StaffQueue(_props: PageProps): ComponentChild {
  const services = useApi<PublicService[]>('/staff/queue/services');
  const [desk, setDesk] = useState(readDesk);

  useEffect(() => {
    localStorage.setItem(DESK_KEY, JSON.stringify(desk));
  }, [desk.serviceId, desk.counterId]);

  // A remembered service that no longer exists (or none yet): the first active one, its first counter.
  const list = services.data ?? [];
  const service = list.find((s) => s.id === desk.serviceId) ?? list.find((s) => s.active !== false) ?? list[0];
  const counter = service?.counters.find((c) => c.id === desk.counterId) ?? service?.counters[0];

  if (services.error) return h(Refused, { error: services.error, retry: services.reload });
  if (!services.data) return h(Loading, null);
  if (!service || !counter) {
    return h(Notice, { kind: 'info', title: 'ยังไม่มีบริการรับบัตรคิว' }, h('p', null, 'ผู้ดูแลระบบเพิ่มบริการและช่องบริการได้ด้วยคำสั่ง services ของระบบ'));
  }
  return h(
    'div',
    { class: 'queue q-staff' },
    h(
      'section',
      { class: 'q-desk card', 'aria-label': 'บริการและช่องของฉัน' },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'desk-service', class: 'label' }, 'บริการ'),
        h(
          'select',
          {
            id: 'desk-service',
            value: service.id,
            onChange: (e: Event) => {
              const v = (e.currentTarget as HTMLSelectElement).value;
              setDesk({ serviceId: v, counterId: list.find((s) => s.id === v)?.counters[0]?.id ?? '' });
            },
          },
          list.map((s) => h('option', { key: s.id, value: s.id }, `${s.prefix} · ${s.name}${s.active === false ? ' (ปิดใช้งาน)' : ''}`)),
        ),
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'desk-counter', class: 'label' }, 'ช่องบริการของฉัน ', h('span', { class: 'opt' }, '(จำไว้ในเครื่องนี้)')),
        h(
          'select',
          { id: 'desk-counter', value: counter.id, onChange: (e: Event) => setDesk({ serviceId: service.id, counterId: (e.currentTarget as HTMLSelectElement).value }) },
          service.counters.map((c) => h('option', { key: c.id, value: c.id }, c.name)),
        ),
      ),
    ),
    h(Desk, { key: `${service.id}/${counter.id}`, service, counter }),
  );
}

function Refused(props: { error: unknown; retry: () => void }): ComponentChild {
  const status = props.error instanceof ApiError ? props.error.status : 0;
  if (status === 401 || status === 403) {
    return h(
      'div',
      { class: 'notice notice-error', role: 'alert' },
      h('p', { class: 'notice-title' }, 'หน้านี้สำหรับเจ้าหน้าที่เรียกคิวเท่านั้น'),
      h('p', null, 'บัญชี LINE นี้ยังไม่มีสิทธิ์ “เจ้าหน้าที่เรียกคิว” หรือ “ผู้ดูแลระบบ” ของหน่วยงาน หากคุณประจำช่องบริการ กรุณาขอสิทธิ์จากผู้ดูแลระบบ'),
      h('p', null, h(Link, { to: '' }, 'กลับหน้าหลัก')),
    );
  }
  return h(
    'div',
    { class: 'notice notice-error', role: 'alert' },
    h('p', { class: 'notice-title' }, 'โหลดข้อมูลคิวไม่สำเร็จ'),
    h('p', null, props.error instanceof Error ? props.error.message : String(props.error)),
    h(Button, { kind: 'secondary', onClick: props.retry }, 'ลองอีกครั้ง'),
  );
}

function Desk(props: { service: PublicService; counter: Counter }): ComponentChild {
  const { service, counter } = props;
  const base = `/staff/queue/services/${encodeURIComponent(service.id)}`;
  const [view, setView] = useState<OperatorView | null>(null);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [said, setSaid] = useState<{ kind: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [tick, setTick] = useState(0);
  const [callTarget, setCallTarget] = useState('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [callOpen, setCallOpen] = useState(false);
  const [note, setNote] = useState('');
  const [walkIn, setWalkIn] = useState<TicketView | null>(null);
  const [forms, setForms] = useState<Record<ReasonKind, ReasonForm>>({ cancel: NO_FORM, reinstate: NO_FORM });
  const patchForm = (kind: ReasonKind, patch: Partial<ReasonForm>) => setForms((f) => ({ ...f, [kind]: { ...f[kind], ...patch } }));

  const refresh = async () => {
    const [v, l] = await Promise.all([request<OperatorView>(base), request<{ entries: LogEntry[] }>(`${base}/log`)]);
    setView(v);
    setLog(l.entries);
    setLoadError(null);
  };
  usePoll(async () => {
    try {
      await refresh();
    } catch (err) {
      setLoadError(err);
      throw err;
    }
    return 5;
  }, [base, tick]);

  if (loadError && !view) return h(Refused, { error: loadError, retry: () => setTick((t) => t + 1) });
  if (!view) return h(Loading, null);

  const here = view.counters.find((c) => c.id === counter.id)?.current ?? [];
  const current = here[here.length - 1] ?? null;

  const act = async (name: string, run: () => Promise<string>, onFields?: (fields: Record<string, string>) => boolean) => {
    setBusy(name);
    setSaid(null);
    try {
      const text = await run();
      setSaid({ kind: 'success', text });
      await refresh().catch(() => undefined);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        const fields = issuesByField(err.issues);
        if (onFields?.(fields)) {
          setSaid({ kind: 'error', text: Object.values(fields)[0] ?? err.message });
          return false;
        }
        if (fields.reason) {
          setReasonError(fields.reason);
          setCallOpen(true);
          setSaid({ kind: 'error', text: fields.reason });
          requestAnimationFrame(() => document.getElementById('call-reason')?.focus());
          return false;
        }
      }
      setSaid({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
      await refresh().catch(() => undefined);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const callNext = () =>
    act('next', async () => {
      const r = await request<CallResult>(`${base}/call-next`, { body: { counterId: counter.id } });
      const done = r.completed ? `${r.completed.label} เสร็จสิ้น · ` : '';
      return r.called ? `${done}เรียก ${r.called.label} ที่${counter.name} แล้ว (รออีก ${formatNumber(r.waiting)} คน)` : `${done}ไม่มีคิวรออยู่`;
    });
  const onCurrent = (name: 'recall' | 'start' | 'skip' | 'complete', text: (label: string) => string) =>
    current
      ? act(name, async () => {
          // A recall carries how often the ticket had been called as shown, so a double tap announces it once.
          const t = await request<TicketView>(`/staff/queue/tickets/${encodeURIComponent(current.id)}/${name}`, { body: name === 'recall' ? { calls: current.calls } : {} });
          return text(t.label);
        })
      : undefined;

  const callSpecific = async (e: Event) => {
    e.preventDefault();
    setReasonError(undefined);
    const target = view.waiting.find((w) => w.id === callTarget);
    if (!target) {
      setSaid({ kind: 'error', text: 'กรุณาเลือกหมายเลขคิวที่จะเรียก' });
      return;
    }
    const ok = await act('call', async () => {
      const r = await request<CallResult>(`/staff/queue/tickets/${encodeURIComponent(target.id)}/call`, {
        body: { counterId: counter.id, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      });
      return `เรียก ${r.called?.label ?? target.label} ที่${counter.name} แล้ว${reason.trim() ? ' (บันทึกเหตุผลไว้ในบันทึกการเรียกคิว)' : ''}`;
    });
    if (ok) {
      setCallTarget('');
      setReason('');
    }
  };

  // Tickets each reason form may act on: cancel a waiting or called one; reinstate one that was skipped (no-show). The
  // operator view lists the latest finished tickets; the log adds any skipped earlier in the day not reinstated since.
  const calledHere = view.counters.flatMap((c) => c.current.filter((t) => t.state === 'called').map((t) => ({ id: t.id, label: `${t.label} (เรียกแล้ว · ${c.name})` })));
  const candidates: Record<ReasonKind, Array<{ id: string; label: string }>> = {
    cancel: [...calledHere, ...view.waiting.map((w) => ({ id: w.id, label: `${w.label} (รอเรียก)${w.walkIn ? ' · walk-in' : ''}` }))],
    reinstate: skippedTickets(view, log),
  };
  const openReason = (kind: ReasonKind, ticketId: string) => {
    setForms((f) => ({ ...f, [kind]: { ...f[kind], open: true, ticketId, errors: {} } }));
    requestAnimationFrame(() => {
      const el = document.getElementById(`${kind}-form`);
      el?.scrollIntoView({ block: 'nearest' });
      document.getElementById(`${kind}-reason`)?.focus();
    });
  };
  const submitReason = async (kind: ReasonKind, e: Event) => {
    e.preventDefault();
    const f = forms[kind];
    const target = candidates[kind].find((c) => c.id === f.ticketId);
    if (!target) {
      patchForm(kind, { errors: { ticket: 'กรุณาเลือกบัตรคิว' } });
      setSaid({ kind: 'error', text: 'กรุณาเลือกบัตรคิว' });
      requestAnimationFrame(() => document.getElementById(`${kind}-ticket`)?.focus());
      return;
    }
    patchForm(kind, { errors: {} });
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
        patchForm(kind, { errors, open: true });
        requestAnimationFrame(() => document.getElementById(errors.reason ? `${kind}-reason` : `${kind}-ticket`)?.focus());
        return true;
      },
    );
    if (ok) patchForm(kind, { ticketId: '', reason: '', errors: {} });
  };
  const reasonForm = (kind: ReasonKind) => {
    const f = forms[kind];
    const words = REASON_TEXT[kind];
    const options = candidates[kind];
    return h(
      'details',
      { class: 'card q-more', id: `${kind}-form`, open: f.open, onToggle: (e: Event) => patchForm(kind, { open: (e.currentTarget as HTMLDetailsElement).open }) },
      h('summary', null, words.summary),
      h(
        'form',
        { class: 'form', noValidate: true, onSubmit: (e: Event) => void submitReason(kind, e) },
        h(Select, {
          id: `${kind}-ticket`,
          label: words.ticket,
          required: true,
          value: options.some((o) => o.id === f.ticketId) ? f.ticketId : '',
          placeholder: options.length ? 'เลือกหมายเลข' : words.none,
          options: options.map((o) => ({ value: o.id, label: o.label })),
          error: f.errors.ticket,
          onChange: (v) => patchForm(kind, { ticketId: v, errors: { ...f.errors, ticket: undefined } }),
        }),
        h(TextArea, {
          id: `${kind}-reason`,
          label: words.reason,
          hint: words.hint,
          required: true,
          value: f.reason,
          onInput: (v) => patchForm(kind, { reason: v, errors: { ...f.errors, reason: undefined } }),
          maxLength: 200,
          rows: 2,
          error: f.errors.reason,
        }),
        h(Button, { type: 'submit', kind: 'secondary', busy: busy === kind, disabled: !!busy && busy !== kind }, words.submit),
      ),
    );
  };
  const reinstatable = new Set(candidates.reinstate.map((c) => c.id));

  const issueWalkIn = async (e: Event) => {
    e.preventDefault();
    setWalkIn(null);
    await act('walkin', async () => {
      const t = await request<TicketView>(`${base}/walk-in`, { body: note.trim() ? { note: note.trim() } : {} });
      setWalkIn(t);
      setNote('');
      return `ออกบัตรคิว ${t.label} แล้ว`;
    });
  };

  const orgId = getSession().org.id;
  return h(
    'div',
    { class: 'q-staff-grid' },
    h(
      'div',
      { class: 'q-staff-main' },
      h(
        'section',
        { class: 'q-now card', 'aria-labelledby': 'now-title' },
        h('h2', { id: 'now-title' }, `ตอนนี้ที่${counter.name}`),
        current
          ? h(
              'div',
              null,
              h('p', { class: 'q-label q-label-staff', 'data-testid': 'desk-current' }, current.label),
              h('p', { class: 'q-state' }, current.state === 'serving' ? 'กำลังให้บริการ' : `เรียกแล้ว ${formatNumber(current.calls)} ครั้ง`, current.walkIn ? ' · walk-in' : ''),
            )
          : h('p', { class: 'q-empty' }, 'ว่าง ยังไม่ได้เรียกคิว'),
        h(
          'p',
          { class: 'hint q-counts' },
          [`รออยู่ ${formatNumber(view.counts.waiting)} คน`, `ออกบัตรวันนี้ ${formatNumber(view.counts.issued)}`, `เสร็จ ${formatNumber(view.counts.done)}`, `ไม่มา ${formatNumber(view.counts.noShow)}`].map((c, i) =>
            h('span', { key: i, class: 'q-nowrap' }, i ? ` · ${c}` : c),
          ),
        ),
      ),
      h(
        'div',
        { class: 'q-actions' },
        h(
          'button',
          { type: 'button', class: 'btn btn-primary q-next', disabled: !!busy, 'aria-busy': busy === 'next' ? 'true' : undefined, onClick: () => void callNext() },
          busy === 'next' ? 'กำลังเรียก…' : 'เรียกคิวถัดไป',
          view.waiting[0] ? h('small', null, `(${view.waiting[0].label})`) : null,
        ),
        h(
          'div',
          { class: 'q-action-row' },
          h(Button, { kind: 'secondary', disabled: !current || current.state !== 'called' || !!busy, onClick: () => void onCurrent('recall', (l) => `เรียก ${l} ซ้ำแล้ว`) }, 'เรียกซ้ำ'),
          h(Button, { kind: 'secondary', disabled: !current || current.state !== 'called' || !!busy, onClick: () => void onCurrent('start', (l) => `เริ่มให้บริการ ${l} แล้ว`) }, 'เริ่มให้บริการ'),
          h(Button, { kind: 'secondary', disabled: !current || current.state !== 'called' || !!busy, onClick: () => void onCurrent('skip', (l) => `ข้าม ${l} แล้ว (ไม่มา)`) }, 'ข้าม ', h('span', { class: 'q-nowrap' }, '(ไม่มา)')),
          h(Button, { kind: 'secondary', disabled: !current || !!busy, onClick: () => void onCurrent('complete', (l) => `${l} เสร็จสิ้นแล้ว`) }, 'เสร็จสิ้น'),
        ),
      ),
      h(
        'div',
        { class: 'q-said', role: 'status', 'aria-live': 'polite' },
        said && said.kind !== 'error' ? h('p', { class: 'notice notice-success', 'data-testid': 'desk-said' }, said.text) : null,
      ),
      h('div', { role: 'alert' }, said?.kind === 'error' ? h('p', { class: 'notice notice-error' }, said.text) : null),
      h(
        'details',
        { class: 'card q-more', open: callOpen, onToggle: (e: Event) => setCallOpen((e.currentTarget as HTMLDetailsElement).open) },
        h('summary', null, 'เรียกหมายเลขที่ระบุ'),
        h(
          'form',
          { class: 'form', noValidate: true, onSubmit: (e: Event) => void callSpecific(e) },
          h(Select, {
            id: 'call-ticket',
            label: 'หมายเลขคิว',
            required: true,
            value: callTarget,
            placeholder: view.waiting.length ? 'เลือกหมายเลข' : 'ไม่มีคิวรออยู่',
            options: view.waiting.map((w, i) => ({ value: w.id, label: `${w.label}${i === 0 ? ' (ถัดไปตามลำดับ)' : ''}${w.walkIn ? ' · walk-in' : ''}` })),
            onChange: (v) => {
              setCallTarget(v);
              setReasonError(undefined);
            },
          }),
          h(TextArea, {
            id: 'call-reason',
            label: 'เหตุผลที่เรียกข้ามลำดับ',
            hint: 'จำเป็นเมื่อยังมีหมายเลขก่อนหน้ารออยู่ เช่น ผู้สูงอายุ ผู้พิการ หญิงตั้งครรภ์ เหตุผลนี้ถูกบันทึกไว้ตรวจสอบได้',
            value: reason,
            onInput: (v) => {
              setReason(v);
              setReasonError(undefined);
            },
            maxLength: 200,
            rows: 2,
            error: reasonError,
          }),
          h(Button, { type: 'submit', busy: busy === 'call' }, `เรียกมาที่${counter.name}`),
        ),
      ),
      reasonForm('reinstate'),
      reasonForm('cancel'),
      h(
        'details',
        { class: 'card q-more' },
        h('summary', null, 'ออกบัตรคิวให้ผู้ไม่มี LINE'),
        h(
          'form',
          { class: 'form', noValidate: true, onSubmit: (e: Event) => void issueWalkIn(e) },
          h(TextField, { id: 'walkin-note', label: 'หมายเหตุสำหรับเจ้าหน้าที่', hint: 'เช่น ผู้สูงอายุ ไม่มีโทรศัพท์ (ห้ามใส่ชื่อหรือเลขบัตรประชาชน)', value: note, onInput: setNote, maxLength: 60 }),
          h(Button, { type: 'submit', kind: 'secondary', busy: busy === 'walkin' }, 'ออกบัตรคิว'),
          walkIn
            ? h('div', { class: 'notice notice-success' }, h('p', null, 'บัตรคิวใหม่ เขียนหรือบอกหมายเลขนี้ให้ผู้รับบริการ'), h('p', { class: 'q-label q-label-staff', 'data-testid': 'walkin-label' }, walkIn.label), h('p', null, `ก่อนหน้า ${formatNumber(walkIn.ahead ?? 0)} คิว · ${waitPhrase(walkIn.estimatedWaitMinutes)}`))
            : null,
        ),
      ),
    ),
    h(
      'div',
      { class: 'q-staff-side' },
      h(
        'section',
        { 'aria-labelledby': 'waiting-title' },
        h('h2', { id: 'waiting-title' }, `รอเรียก (${formatNumber(view.waiting.length)})`),
        view.waiting.length
          ? h(
              'ol',
              { class: 'q-waiting' },
              view.waiting.slice(0, 30).map((w) =>
                h('li', { key: w.id }, h('strong', null, w.label), h('span', { class: 'meta' }, ` รับบัตร ${formatTime(w.issuedAt)}${w.walkIn ? ' · walk-in' : ''}`)),
              ),
            )
          : h('p', { class: 'hint' }, 'ไม่มีคิวรออยู่'),
        view.waiting.length > 30 ? h('p', { class: 'hint' }, `และอีก ${formatNumber(view.waiting.length - 30)} คิว`) : null,
        h('p', { class: 'hint' }, `คิวสุดท้าย${waitPhrase(view.estimatedWaitMinutes)}`),
      ),
      h(
        'section',
        { 'aria-labelledby': 'log-title' },
        h('h2', { id: 'log-title' }, 'บันทึกการเรียกคิววันนี้'),
        h('p', { class: 'hint' }, 'แก้ไขหรือลบไม่ได้ ใช้เป็นหลักฐานว่าไม่มีการลัดคิว'),
        log.length
          ? h(
              'ol',
              { class: 'q-log', reversed: true },
              [...log]
                .sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id))
                .slice(0, 30)
                .map((e) =>
                  h(
                    'li',
                    { key: e.id, class: e.outOfOrder ? 'q-log-ooo' : undefined },
                    h('span', { class: 'q-log-time' }, formatTime(e.at)),
                    ' ',
                    h('strong', null, e.label),
                    ` ${ACTION_LABELS[e.action] ?? e.action}${e.counterName ? ` · ${e.counterName}` : ''} · ${e.auto ? 'อัตโนมัติ' : e.by.name} · ${VIA_LABELS[e.via] ?? e.via}`,
                    e.outOfOrder ? h('span', { class: 'badge badge-overdue' }, 'ข้ามลำดับ') : null,
                    e.reason ? h('span', { class: 'q-log-reason' }, `${e.action === 'issue' ? 'หมายเหตุ' : 'เหตุผล'}: ${e.reason}`) : null,
                    e.action === 'skip' && reinstatable.has(e.ticketId) && latestOf(log, e.ticketId)?.id === e.id
                      ? h(
                          'button',
                          { type: 'button', class: 'btn btn-secondary q-log-action', disabled: !!busy, 'data-ticket': e.ticketId, onClick: () => openReason('reinstate', e.ticketId) },
                          `เรียกกลับเข้าคิว ${e.label}`,
                        )
                      : null,
                  ),
                ),
            )
          : h('p', { class: 'hint' }, 'ยังไม่มีการเรียกคิววันนี้'),
        h(
          'p',
          { class: 'row' },
          h('a', { href: `/api/orgs/${encodeURIComponent(orgId)}/staff/queue/services/${encodeURIComponent(service.id)}/log.csv`, onClick: (e: Event) => void downloadCsv(e, `${base}/log.csv`, `queue-log-${service.id}-${view.day}.csv`) }, 'ดาวน์โหลดบันทึก (CSV)'),
          h('a', { href: `/orgs/${encodeURIComponent(orgId)}/queue/board`, target: '_blank', rel: 'noopener' }, 'เปิดกระดานเรียกคิว (จอทีวี)'),
          h('a', { href: `/orgs/${encodeURIComponent(orgId)}/queue/${encodeURIComponent(service.id)}/poster`, target: '_blank', rel: 'noopener' }, 'โปสเตอร์ QR'),
        ),
      ),
    ),
  );
}

/** The log entry that last changed a ticket (entries of one ticket are numbered `{number}-{seq}`, so the id orders them). */
function latestOf(log: LogEntry[], ticketId: string): LogEntry | undefined {
  let last: LogEntry | undefined;
  for (const e of log) if (e.ticketId === ticketId && (!last || e.id > last.id)) last = e;
  return last;
}

/** Skipped tickets not since reinstated or otherwise moved on: from the view's finished list and from today's log. */
function skippedTickets(view: OperatorView, log: LogEntry[]): Array<{ id: string; label: string }> {
  const out = new Map<string, { id: string; label: string }>();
  for (const t of view.finished) if (t.state === 'no_show') out.set(t.id, { id: t.id, label: `${t.label} (ไม่มาตามเรียก)` });
  const active = new Set([...view.waiting, ...view.counters.flatMap((c) => c.current)].map((t) => t.id));
  for (const e of log) {
    if (e.action !== 'skip' || out.has(e.ticketId) || active.has(e.ticketId)) continue;
    if (latestOf(log, e.ticketId)?.id === e.id) out.set(e.ticketId, { id: e.ticketId, label: `${e.label} (ไม่มาตามเรียก)` });
  }
  return [...out.values()];
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
