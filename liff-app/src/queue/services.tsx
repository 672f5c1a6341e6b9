import type { ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { request } from '../lib/api.ts';
import { formatNumber } from '../lib/format.ts';
import { navigate, type PageProps } from '../lib/router.ts';
import { ErrorView, Link, Loading, Notice, useApi } from '../lib/ui.ts';
import { waitPhrase, type MyTickets, type PublicService, type ServiceStatus } from './lib.ts';
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
  const mine = useApi<MyTickets>(wanted ? null : '/tickets/mine');
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

  if (wanted) return <Loading />;
  if (services.error) return <ErrorView error={services.error} retry={services.reload} />;
  if (!services.data) return <Loading />;
  const active = (mine.data?.tickets ?? []).filter((t) => t.state === 'waiting' || t.state === 'called' || t.state === 'serving');
  return (
    <div class="queue">
      {active.length ? (
        <section class="card q-mine" aria-labelledby="mine-title">
          <h2 id="mine-title">บัตรคิวของคุณวันนี้</h2>
          <ul class="list">
            {active.map((t) => (
              <li key={t.id}>
                <Link to={`tickets/${encodeURIComponent(t.id)}`} class="list-item">
                  <strong class="q-mine-label">{t.label}</strong>
                  <span>{`${t.serviceName} · ${t.stateLabel}`}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p class="lead">เลือกบริการที่ต้องการ รับบัตรคิวแล้วรอเรียกได้ตามสะดวก LINE จะแจ้งเมื่อถึงคิว (และเมื่อใกล้ถึงคิว หากคุณเลือกไว้)</p>
      {services.data.length === 0 ? (
        <Notice kind="info">
          <p>หน่วยงานนี้ยังไม่เปิดรับบัตรคิวผ่าน LINE กรุณาติดต่อที่สำนักงาน</p>
        </Notice>
      ) : (
        <ul class="q-services">
          {services.data.map((s) => {
            const st = status[s.id];
            return (
              <li key={s.id} class="card q-service">
                <h2>{s.name}</h2>
                {s.description ? <p class="hint">{s.description}</p> : null}
                <dl class="q-facts">
                  <div>
                    <dt>เวลารับบัตรคิว</dt>
                    <dd>{s.hoursText}</dd>
                  </div>
                  {s.location ? (
                    <div>
                      <dt>สถานที่</dt>
                      <dd>{s.location}</dd>
                    </div>
                  ) : null}
                  {st ? (
                    <div>
                      <dt>รออยู่ตอนนี้</dt>
                      <dd>{`${formatNumber(st.waiting)} คน · ${waitPhrase(st.estimatedWaitMinutes)}`}</dd>
                    </div>
                  ) : null}
                </dl>
                {s.openNow ? null : <p class="q-closed">{s.closedToday ? `วันนี้ปิดทำการ (${s.closedToday.name})` : 'ขณะนี้ปิดรับบัตรคิว'}</p>}
                <Link to={`queue/${encodeURIComponent(s.id)}`} class={`btn ${s.openNow ? 'btn-primary' : 'btn-secondary'} q-big`}>
                  {s.openNow ? `รับบัตรคิว ${s.name}` : `ดูรายละเอียด ${s.name}`}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
