import { h, type ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, request } from '../lib/api.ts';
import { formatNumber } from '../lib/format.ts';
import { navigate, type PageProps } from '../lib/router.ts';
import { Button, ErrorView, Link, Loading, Notice, focusSoon, useApi } from '../lib/ui.ts';
import { ACTIVE, usePoll, waitText, type ServiceStatus, type TicketView } from './lib.ts';
import './queue.css';

/**
 * `queue/:serviceId`: what the QR poster at the door opens. The service, its hours, how many wait and for how long,
 * and one big button. A second press (or a second scan) returns the same ticket: the server keeps one active ticket
 * per person per service.
 */
export default function TakeTicket(props: PageProps): ComponentChild {
  const serviceId = props.params.serviceId ?? '';
  const path = `/services/${encodeURIComponent(serviceId)}`;
  const status = useApi<ServiceStatus>(path);
  const mine = useApi<{ tickets: TicketView[] }>('/tickets/mine');
  const [live, setLive] = useState<ServiceStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The figures stay current while the person reads (every 20 s, not while the page is hidden).
  usePoll(async () => {
    setLive(await request<ServiceStatus>(path, { auth: 'none' }));
    return 20;
  }, [path], 20);

  if (status.error) {
    const gone = status.error instanceof ApiError && status.error.status === 404;
    return gone
      ? h(
          'div',
          null,
          h(Notice, { kind: 'error', title: 'ไม่พบบริการนี้', role: 'alert' }, h('p', null, 'บริการนี้อาจปิดให้บริการแล้ว หรือลิงก์ไม่ถูกต้อง กรุณาเลือกบริการจากรายการ')),
          h(Link, { to: 'queue', class: 'btn btn-secondary q-big' }, 'ดูบริการทั้งหมด'),
        )
      : h(ErrorView, { error: status.error, retry: status.reload });
  }
  if (!status.data) return h(Loading, null);
  const s = live ?? status.data;
  const held = (mine.data?.tickets ?? []).find((t) => t.serviceId === s.id && ACTIVE.includes(t.state));

  const take = async () => {
    setBusy(true);
    setError(null);
    try {
      const ticket = await request<TicketView>(`${path}/tickets`, { method: 'POST', body: {} });
      navigate(`tickets/${encodeURIComponent(ticket.id)}${ticket.created === false ? '?again=1' : ''}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      focusSoon('take-error');
      status.reload();
    } finally {
      setBusy(false);
    }
  };

  return h(
    'div',
    { class: 'queue' },
    h('h2', { class: 'q-service-name' }, s.name),
    s.description ? h('p', { class: 'hint' }, s.description) : null,
    h(
      'dl',
      { class: 'q-figures' },
      h('div', { class: 'figure' }, h('dt', null, 'รออยู่ตอนนี้'), h('dd', null, h('strong', { 'data-testid': 'waiting' }, formatNumber(s.waiting)), ' คน')),
      h('div', { class: 'figure' }, h('dt', null, 'เวลารอโดยประมาณ'), h('dd', null, h('strong', { class: 'q-wait' }, waitText(s.estimatedWaitMinutes)))),
    ),
    s.nowCalling.length
      ? h('p', null, 'กำลังเรียก: ', s.nowCalling.map((c, i) => h('span', { key: i, class: 'q-calling' }, `${c.label} ${c.counter}`)))
      : null,
    h(
      'dl',
      { class: 'q-facts' },
      h('div', null, h('dt', null, 'เวลารับบัตรคิว'), h('dd', null, s.hoursText)),
      s.location ? h('div', null, h('dt', null, 'สถานที่'), h('dd', null, s.location)) : null,
    ),
    error
      ? h('div', { id: 'take-error', class: 'notice notice-error', role: 'alert', tabIndex: -1 }, h('p', { class: 'notice-title' }, 'รับบัตรคิวไม่สำเร็จ'), h('p', null, error))
      : null,
    held
      ? h(
          'div',
          null,
          h(Notice, { kind: 'success', title: `คุณมีบัตรคิว ${held.label} อยู่แล้ว` }, h('p', null, `สถานะ: ${held.stateLabel} ไม่ต้องรับบัตรใหม่`)),
          h(Link, { to: `tickets/${encodeURIComponent(held.id)}`, class: 'btn btn-primary q-big' }, `ดูบัตรคิว ${held.label}`),
        )
      : s.openNow
        ? h(
            'div',
            { class: 'q-take' },
            h(Button, { busy, onClick: () => void take() }, busy ? 'กำลังออกบัตรคิว…' : 'รับบัตรคิว'),
            h('p', { class: 'hint' }, 'กดครั้งเดียวพอ กดซ้ำก็ได้บัตรใบเดิม LINE จะแจ้งเตือนเมื่อเหลืออีก 3 คิวจะถึงคุณ และเมื่อถึงคิว'),
          )
        : s.closedToday
          ? h(
              Notice,
              { kind: 'warning', title: `วันนี้ปิดทำการ: ${s.closedToday.name}` },
              h('p', null, `สำนักงานหยุดทำการวันนี้ จึงไม่รับบัตรคิว ในวันทำการรับบัตรคิวบริการนี้ได้ ${s.hoursText}`),
            )
          : h(
              Notice,
              { kind: 'warning', title: 'ขณะนี้ปิดรับบัตรคิว' },
              h('p', null, `รับบัตรคิวบริการนี้ได้ ${s.hoursText} กรุณากลับมาใหม่ในเวลาดังกล่าว หากมาถึงสำนักงานแล้ว ติดต่อเจ้าหน้าที่ได้`),
            ),
    h('p', { class: 'q-note' }, 'บริการตามลำดับการมาถึง ทุกการเรียกคิวถูกบันทึกไว้ตรวจสอบได้ ผู้ที่ไม่มี LINE ขอรับบัตรคิวได้ที่เจ้าหน้าที่'),
    h('p', null, h(Link, { to: 'queue' }, 'บริการอื่น ๆ')),
  );
}
