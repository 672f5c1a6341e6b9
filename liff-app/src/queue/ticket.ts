import { h, type ComponentChild } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { request } from '../lib/api.ts';
import { formatNumber } from '../lib/format.ts';
import type { PageProps } from '../lib/router.ts';
import { getSession } from '../lib/session.ts';
import { Button, ErrorView, Link, Loading, Notice } from '../lib/ui.ts';
import { formatTime, labelSpoken, stateText, usePoll, waitText, type TicketView } from './lib.ts';
import './queue.css';

/**
 * `tickets/:id`: the ticket, readable across a counter. It asks the server again after `pollAfterSeconds` (3 s near
 * the front, 10 s further back, 0 once finished) and not while the page is hidden. Being called is announced at once
 * (assertive live region) and with a vibration where the phone allows it.
 */
export default function TicketPage(props: PageProps): ComponentChild {
  const id = props.params.id ?? '';
  const path = `/tickets/${encodeURIComponent(id)}`;
  const [ticket, setTicket] = useState<TicketView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  const [announce, setAnnounce] = useState('');
  const [attempt, setAttempt] = useState(0);
  const lastCall = useRef<string | null>(null);

  usePoll(async () => {
    try {
      const t = await request<TicketView>(path);
      const callKey = t.state === 'called' ? `${t.lastCalledAt ?? ''}` : null;
      if (callKey && lastCall.current !== null && callKey !== lastCall.current) {
        setAnnounce(`ถึงคิว ${labelSpoken(t.label)} แล้ว เชิญที่${t.counter?.name ?? 'ช่องบริการ'}`);
        navigator.vibrate?.([400, 150, 400]);
      }
      lastCall.current = callKey ?? '';
      setTicket(t);
      setError(null);
      setCheckedAt(new Date());
      return t.pollAfterSeconds;
    } catch (err) {
      setError(err);
      throw err;
    }
  }, [path, attempt]);

  if (error && !ticket) return h(ErrorView, { error, retry: () => setAttempt((a) => a + 1) });
  if (!ticket) return h(Loading, null);
  const t = ticket;
  const called = t.state === 'called';
  const finished = t.pollAfterSeconds === 0 || t.state === 'done' || t.state === 'no_show' || t.state === 'cancelled';
  const session = getSession();

  return h(
    'div',
    { class: `queue q-ticket q-state-${t.state}` },
    // Announced the moment a call arrives, without moving focus.
    h('p', { class: 'visually-hidden', 'aria-live': 'assertive', 'aria-atomic': 'true', 'data-testid': 'call-announcement' }, announce),
    props.query.get('again') ? h(Notice, { kind: 'info' }, h('p', null, 'คุณมีบัตรคิวนี้อยู่แล้ว ระบบจึงไม่ได้ออกบัตรใบใหม่ (หนึ่งคนหนึ่งบัตรต่อบริการ)')) : null,
    h(
      'section',
      { class: 'q-card', 'aria-labelledby': 'ticket-label' },
      h('p', { class: 'q-card-service' }, t.serviceName),
      h('p', { class: 'q-card-caption' }, 'หมายเลขคิวของคุณ'),
      h(
        'p',
        { id: 'ticket-label', class: 'q-label', 'data-testid': 'ticket-label' },
        h('span', { 'aria-hidden': 'true' }, t.label),
        h('span', { class: 'visually-hidden' }, `หมายเลขคิว ${labelSpoken(t.label)}`),
      ),
      h('p', { class: `q-state q-state-text-${t.state}`, role: 'status', 'aria-atomic': 'true', 'data-testid': 'ticket-state' }, stateText(t)),
    ),
    t.state === 'waiting'
      ? h(
          'dl',
          { class: 'q-figures' },
          h('div', { class: 'figure' }, h('dt', null, 'คิวก่อนหน้าคุณ'), h('dd', null, h('strong', { 'data-testid': 'ahead' }, formatNumber(t.ahead ?? 0)), ' คิว')),
          h('div', { class: 'figure' }, h('dt', null, 'เวลารอโดยประมาณ'), h('dd', null, h('strong', { class: 'q-wait' }, waitText(t.estimatedWaitMinutes)))),
        )
      : null,
    t.state === 'waiting' && t.position === 1 ? h(Notice, { kind: 'warning', title: 'คุณเป็นคิวถัดไป' }, h('p', null, 'กรุณารออยู่ใกล้ช่องบริการ')) : null,
    called ? h(Notice, { kind: 'success' }, h('p', null, `กรุณาไปที่${t.counter?.name ?? 'ช่องบริการ'}${t.location ? ` (${t.location})` : ''} และแสดงหน้านี้กับเจ้าหน้าที่`)) : null,
    t.state === 'no_show'
      ? h(Notice, { kind: 'warning', title: 'ข้ามคิวนี้แล้ว เพราะไม่มาเมื่อถูกเรียก' }, h('p', null, 'หากคุณมาถึงแล้ว กรุณาติดต่อเจ้าหน้าที่ที่ช่องบริการ เจ้าหน้าที่คืนลำดับให้ได้ หรือรับบัตรคิวใหม่'))
      : null,
    t.state === 'cancelled' ? h(Notice, { kind: 'info', title: 'บัตรคิวนี้ถูกยกเลิกแล้ว' }, h('p', null, h(Link, { to: `queue/${encodeURIComponent(t.serviceId)}` }, 'รับบัตรคิวใหม่'))) : null,
    t.state === 'done'
      ? h(
          'div',
          { class: 'q-done' },
          h(Notice, { kind: 'success', title: 'รับบริการเสร็จแล้ว ขอบคุณที่ใช้บริการ' }, h('p', null, 'ช่วยบอกเราว่าบริการวันนี้เป็นอย่างไร ใช้เวลาไม่ถึงหนึ่งนาที')),
          h(Link, { to: `ratings/new?ticket=${encodeURIComponent(t.id)}`, class: 'btn btn-primary q-big' }, 'ประเมินความพึงพอใจ'),
        )
      : null,
    !finished
      ? h(
          'p',
          { class: 'q-line-note' },
          'LINE จะแจ้งเตือนคุณเมื่อเหลืออีก 3 คิวจะถึงคุณ และเมื่อถึงคิว (พร้อมบอกช่องบริการ) ปิดหน้านี้ได้ ไม่ต้องเปิดค้างไว้',
        )
      : null,
    t.nowCalling.length && !called
      ? h('p', null, 'กำลังเรียก: ', t.nowCalling.map((c, i) => h('span', { key: i, class: 'q-calling' }, `${c.label} ${c.counter}`)))
      : null,
    h(
      'dl',
      { class: 'q-facts' },
      t.location ? h('div', null, h('dt', null, 'สถานที่'), h('dd', null, t.location)) : null,
      h('div', null, h('dt', null, 'รับบัตรเมื่อ'), h('dd', null, formatTime(t.issuedAt))),
      t.calledAt ? h('div', null, h('dt', null, 'เรียกเมื่อ'), h('dd', null, formatTime(t.lastCalledAt ?? t.calledAt))) : null,
    ),
    checkedAt && !finished
      ? h('p', { class: 'hint' }, `ข้อมูลอัปเดตเองทุก ${formatNumber(t.pollAfterSeconds)} วินาที (ล่าสุด ${formatTime(checkedAt.toISOString())})`, error ? ' · เชื่อมต่อไม่ได้ชั่วคราว กำลังลองใหม่' : '')
      : null,
    t.state === 'waiting' ? h(CancelTicket, { ticket: t, onCancelled: setTicket }) : null,
    session.inClient && session.closeWindow ? h('p', null, h(Button, { kind: 'secondary', onClick: session.closeWindow }, 'กลับไปที่แชต')) : null,
    h('p', null, h(Link, { to: 'queue' }, 'บริการรับบัตรคิวทั้งหมด')),
  );
}

function CancelTicket(props: { ticket: TicketView; onCancelled: (t: TicketView) => void }): ComponentChild {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      props.onCancelled(await request<TicketView>(`/tickets/${encodeURIComponent(props.ticket.id)}/cancel`, { method: 'POST', body: {} }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  if (!asking) {
    return h('div', { class: 'q-cancel' }, h(Button, { kind: 'secondary', onClick: () => setAsking(true) }, 'ไม่ต้องการคิวนี้แล้ว'));
  }
  return h(
    'div',
    { class: 'q-cancel card', role: 'group', 'aria-labelledby': 'cancel-q' },
    h('p', { id: 'cancel-q', class: 'notice-title' }, `ยกเลิกบัตรคิว ${props.ticket.label}?`),
    h('p', null, 'ยกเลิกแล้วคืนลำดับไม่ได้ หากต้องการใช้บริการต้องรับบัตรใหม่และต่อท้ายคิว'),
    error ? h('p', { class: 'error-text', role: 'alert' }, error) : null,
    h('div', { class: 'row' }, h(Button, { kind: 'danger', busy, onClick: () => void cancel() }, 'ยืนยันยกเลิก'), h(Button, { kind: 'secondary', onClick: () => setAsking(false) }, 'ไม่ยกเลิก')),
  );
}
