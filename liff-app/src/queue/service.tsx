import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, request } from '../lib/api.ts';
import { formatNumber } from '../lib/format.ts';
import { navigate, type PageProps } from '../lib/router.ts';
import { Button, Checkbox, ErrorView, Link, Loading, Notice, focusSoon, useApi } from '../lib/ui.ts';
import { ACTIVE, usePoll, waitText, type MyTickets, type ServiceStatus, type TakeTicketRequest, type TakeTicketResponse } from './lib.ts';
import './queue.css';

/**
 * `queue/:serviceId`: what the QR poster at the door opens. The service, its hours, how many wait and for how long,
 * and one big button. A second press (or a second scan) returns the same ticket: the server keeps one active ticket
 * per person per service. LINE always tells the person when they are called; "your turn is near" only if they tick it
 * (each such message costs the organisation one of its monthly LINE messages).
 */
export default function TakeTicket(props: PageProps): ComponentChild {
  const serviceId = props.params.serviceId ?? '';
  const path = `/services/${encodeURIComponent(serviceId)}`;
  const status = useApi<ServiceStatus>(path);
  const mine = useApi<MyTickets>('/tickets/mine');
  const [live, setLive] = useState<ServiceStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notifyNear, setNotifyNear] = useState(false);

  // The figures stay current while the person reads (every 20 s, not while the page is hidden).
  usePoll(async () => {
    setLive(await request<ServiceStatus>(path, { auth: 'none' }));
    return 20;
  }, [path], 20);

  if (status.error) {
    const gone = status.error instanceof ApiError && status.error.status === 404;
    if (!gone) return <ErrorView error={status.error} retry={status.reload} />;
    return (
      <div>
        <Notice kind="error" title="ไม่พบบริการนี้" role="alert">
          <p>บริการนี้อาจปิดให้บริการแล้ว หรือลิงก์ไม่ถูกต้อง กรุณาเลือกบริการจากรายการ</p>
        </Notice>
        <Link to="queue" class="btn btn-secondary q-big">
          ดูบริการทั้งหมด
        </Link>
      </div>
    );
  }
  if (!status.data) return <Loading />;
  const s = live ?? status.data;
  const held = (mine.data?.tickets ?? []).find((t) => t.serviceId === s.id && ACTIVE.includes(t.state));

  const take = async () => {
    setBusy(true);
    setError(null);
    try {
      const body: TakeTicketRequest = notifyNear ? { notifyNear: true } : {};
      const ticket = await request<TakeTicketResponse>(`${path}/tickets`, { method: 'POST', body });
      navigate(`tickets/${encodeURIComponent(ticket.id)}${ticket.created === false ? '?again=1' : ''}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      focusSoon('take-error');
      status.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="queue">
      <h2 class="q-service-name">{s.name}</h2>
      {s.description ? <p class="hint">{s.description}</p> : null}
      <dl class="q-figures">
        <div class="figure">
          <dt>รออยู่ตอนนี้</dt>
          <dd>
            <strong data-testid="waiting">{formatNumber(s.waiting)}</strong> คน
          </dd>
        </div>
        <div class="figure">
          <dt>เวลารอโดยประมาณ</dt>
          <dd>
            <strong class="q-wait">{waitText(s.estimatedWaitMinutes)}</strong>
          </dd>
        </div>
      </dl>
      {s.nowCalling.length ? (
        <p>
          กำลังเรียก:{' '}
          {s.nowCalling.map((c, i) => (
            <span key={i} class="q-calling">{`${c.label} ${c.counter}`}</span>
          ))}
        </p>
      ) : null}
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
      </dl>
      {error ? (
        <div id="take-error" class="notice notice-error" role="alert" tabIndex={-1}>
          <p class="notice-title">รับบัตรคิวไม่สำเร็จ</p>
          <p>{error}</p>
        </div>
      ) : null}
      {held ? (
        <div>
          <Notice kind="success" title={`คุณมีบัตรคิว ${held.label} อยู่แล้ว`}>
            <p>{`สถานะ: ${held.stateLabel} ไม่ต้องรับบัตรใหม่`}</p>
          </Notice>
          <Link to={`tickets/${encodeURIComponent(held.id)}`} class="btn btn-primary q-big">
            {`ดูบัตรคิว ${held.label}`}
          </Link>
        </div>
      ) : s.openNow ? (
        <div class="q-take">
          <Checkbox id="notify-near" checked={notifyNear} onChange={setNotifyNear}>
            แจ้งเตือนทาง LINE เมื่อเหลืออีก 3 คิวจะถึงคุณด้วย
          </Checkbox>
          <Button busy={busy} onClick={() => void take()}>
            {busy ? 'กำลังออกบัตรคิว…' : 'รับบัตรคิว'}
          </Button>
          <p class="hint">กดครั้งเดียวพอ กดซ้ำก็ได้บัตรใบเดิม LINE จะแจ้งเมื่อถึงคิวของคุณเสมอ</p>
        </div>
      ) : s.closedToday ? (
        <Notice kind="warning" title={`วันนี้ปิดทำการ: ${s.closedToday.name}`}>
          <p>{`สำนักงานหยุดทำการวันนี้ จึงไม่รับบัตรคิว ในวันทำการรับบัตรคิวบริการนี้ได้ ${s.hoursText}`}</p>
        </Notice>
      ) : (
        <Notice kind="warning" title="ขณะนี้ปิดรับบัตรคิว">
          <p>{`รับบัตรคิวบริการนี้ได้ ${s.hoursText} กรุณากลับมาใหม่ในเวลาดังกล่าว หากมาถึงสำนักงานแล้ว ติดต่อเจ้าหน้าที่ได้`}</p>
        </Notice>
      )}
      <p class="q-note">บริการตามลำดับการมาถึง ทุกการเรียกคิวถูกบันทึกไว้ตรวจสอบได้ ผู้ที่ไม่มี LINE ขอรับบัตรคิวได้ที่เจ้าหน้าที่</p>
      <p>
        <Link to="queue">บริการอื่น ๆ</Link>
      </p>
    </div>
  );
}
