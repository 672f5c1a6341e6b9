import { h, type ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { request } from '../lib/api.ts';
import { formatNumber } from '../lib/format.ts';
import { navigate, type PageProps } from '../lib/router.ts';
import { ErrorView, Link, Loading, Notice, useApi } from '../lib/ui.ts';
import { waitPhrase, type PublicService, type ServiceStatus, type TicketView } from './lib.ts';
import './queue.css';

/**
 * `queue`: the organisation's services, each with its hours, how many are waiting, and one big button. Manual cards in
 * the chat link `queue?service={id}`: that goes straight to the service's page.
 */
export default function QueueServices(props: PageProps): ComponentChild {
  const wanted = props.query.get('service');
  useEffect(() => {
    if (wanted && /^[a-z0-9][a-z0-9-]{0,63}$/.test(wanted)) navigate(`queue/${wanted}`, { replace: true });
  }, [wanted]);
  const services = useApi<PublicService[]>(wanted ? null : '/services');
  const mine = useApi<{ tickets: TicketView[] }>(wanted ? null : '/tickets/mine');
  const [status, setStatus] = useState<Record<string, ServiceStatus>>({});

  // The list carries no queue figures; each service's status is one small public read.
  useEffect(() => {
    let live = true;
    for (const s of services.data ?? []) {
      request<ServiceStatus>(`/services/${encodeURIComponent(s.id)}`, { auth: 'none' }).then(
        (st) => live && setStatus((all) => ({ ...all, [s.id]: st })),
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [services.data]);

  if (wanted) return h(Loading, null);
  if (services.error) return h(ErrorView, { error: services.error, retry: services.reload });
  if (!services.data) return h(Loading, null);
  const active = (mine.data?.tickets ?? []).filter((t) => t.state === 'waiting' || t.state === 'called' || t.state === 'serving');
  return h(
    'div',
    { class: 'queue' },
    active.length
      ? h(
          'section',
          { class: 'card q-mine', 'aria-labelledby': 'mine-title' },
          h('h2', { id: 'mine-title' }, 'บัตรคิวของคุณวันนี้'),
          h(
            'ul',
            { class: 'list' },
            active.map((t) =>
              h(
                'li',
                { key: t.id },
                h(Link, { to: `tickets/${encodeURIComponent(t.id)}`, class: 'list-item' }, h('strong', { class: 'q-mine-label' }, t.label), h('span', null, `${t.serviceName} · ${t.stateLabel}`)),
              ),
            ),
          ),
        )
      : null,
    h('p', { class: 'lead' }, 'เลือกบริการที่ต้องการ รับบัตรคิวแล้วรอเรียกได้ตามสะดวก LINE จะแจ้งเตือนเมื่อใกล้ถึงคิวและเมื่อถึงคิว'),
    services.data.length === 0
      ? h(Notice, { kind: 'info' }, h('p', null, 'หน่วยงานนี้ยังไม่เปิดรับบัตรคิวผ่าน LINE กรุณาติดต่อที่สำนักงาน'))
      : h(
          'ul',
          { class: 'q-services' },
          services.data.map((s) => {
            const st = status[s.id];
            return h(
              'li',
              { key: s.id, class: 'card q-service' },
              h('h2', null, s.name),
              s.description ? h('p', { class: 'hint' }, s.description) : null,
              h(
                'dl',
                { class: 'q-facts' },
                h('div', null, h('dt', null, 'เวลารับบัตรคิว'), h('dd', null, s.hoursText)),
                s.location ? h('div', null, h('dt', null, 'สถานที่'), h('dd', null, s.location)) : null,
                st
                  ? h('div', null, h('dt', null, 'รออยู่ตอนนี้'), h('dd', null, `${formatNumber(st.waiting)} คน · ${waitPhrase(st.estimatedWaitMinutes)}`))
                  : null,
              ),
              s.openNow ? null : h('p', { class: 'q-closed' }, s.closedToday ? `วันนี้ปิดทำการ (${s.closedToday.name})` : 'ขณะนี้ปิดรับบัตรคิว'),
              h(Link, { to: `queue/${encodeURIComponent(s.id)}`, class: `btn ${s.openNow ? 'btn-primary' : 'btn-secondary'} q-big` }, s.openNow ? `รับบัตรคิว ${s.name}` : `ดูรายละเอียด ${s.name}`),
            );
          }),
        ),
  );
}
