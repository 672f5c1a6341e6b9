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
 * number out of order needs a reason (the API refuses without one and its message is shown by the field). Walk-in
 * tickets for people without LINE. The call log is read-only: nobody can change it, here or anywhere.
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

  const act = async (name: string, run: () => Promise<string>) => {
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
  const onCurrent = (name: 'recall' | 'skip' | 'complete', text: (label: string) => string) =>
    current
      ? act(name, async () => {
          const t = await request<TicketView>(`/staff/queue/tickets/${encodeURIComponent(current.id)}/${name}`, { body: {} });
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
