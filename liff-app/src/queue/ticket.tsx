import type { ComponentChild } from 'preact';
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

  if (error && !ticket) return <ErrorView error={error} retry={() => setAttempt((a) => a + 1)} />;
  if (!ticket) return <Loading />;
  const t = ticket;
  const called = t.state === 'called';
  const finished = t.pollAfterSeconds === 0 || t.state === 'done' || t.state === 'no_show' || t.state === 'cancelled';
  const session = getSession();

  return (
    <div class={`queue q-ticket q-state-${t.state}`}>
      {/* Announced the moment a call arrives, without moving focus. */}
      <p class="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="call-announcement">
        {announce}
      </p>
      {props.query.get('again') ? (
        <Notice kind="info">
          <p>คุณมีบัตรคิวนี้อยู่แล้ว ระบบจึงไม่ได้ออกบัตรใบใหม่ (หนึ่งคนหนึ่งบัตรต่อบริการ)</p>
        </Notice>
      ) : null}
      <section class="q-card" aria-labelledby="ticket-label">
        <p class="q-card-service">{t.serviceName}</p>
        <p class="q-card-caption">หมายเลขคิวของคุณ</p>
        <p id="ticket-label" class="q-label" data-testid="ticket-label">
          <span aria-hidden="true">{t.label}</span>
          <span class="visually-hidden">{`หมายเลขคิว ${labelSpoken(t.label)}`}</span>
        </p>
        <p class={`q-state q-state-text-${t.state}`} role="status" aria-atomic="true" data-testid="ticket-state">
          {stateText(t)}
        </p>
      </section>
      {t.state === 'waiting' ? (
        <dl class="q-figures">
          <div class="figure">
            <dt>คิวก่อนหน้าคุณ</dt>
            <dd>
              <strong data-testid="ahead">{formatNumber(t.ahead ?? 0)}</strong> คิว
            </dd>
          </div>
          <div class="figure">
            <dt>เวลารอโดยประมาณ</dt>
            <dd>
              <strong class="q-wait">{waitText(t.estimatedWaitMinutes)}</strong>
            </dd>
          </div>
        </dl>
      ) : null}
      {t.state === 'waiting' && t.position === 1 ? (
        <Notice kind="warning" title="คุณเป็นคิวถัดไป">
          <p>กรุณารออยู่ใกล้ช่องบริการ</p>
        </Notice>
      ) : null}
      {called ? (
        <Notice kind="success">
          <p>{`กรุณาไปที่${t.counter?.name ?? 'ช่องบริการ'}${t.location ? ` (${t.location})` : ''} และแสดงหน้านี้กับเจ้าหน้าที่`}</p>
          {t.callNotDelivered ? <p class="meta">{t.callNotDelivered.label}</p> : null}
        </Notice>
      ) : null}
      {t.state === 'no_show' ? (
        <Notice kind="warning" title="ข้ามคิวนี้แล้ว เพราะไม่มาเมื่อถูกเรียก">
          <p>หากคุณมาถึงแล้ว กรุณาติดต่อเจ้าหน้าที่ที่ช่องบริการ เจ้าหน้าที่คืนลำดับให้ได้ หรือรับบัตรคิวใหม่</p>
        </Notice>
      ) : null}
      {t.state === 'cancelled' ? (
        <Notice kind="info" title="บัตรคิวนี้ถูกยกเลิกแล้ว">
          <p>
            <Link to={`queue/${encodeURIComponent(t.serviceId)}`}>รับบัตรคิวใหม่</Link>
          </p>
        </Notice>
      ) : null}
      {t.state === 'done' ? (
        <div class="q-done">
          <Notice kind="success" title="รับบริการเสร็จแล้ว ขอบคุณที่ใช้บริการ">
            <p>ช่วยบอกเราว่าบริการวันนี้เป็นอย่างไร ใช้เวลาไม่ถึงหนึ่งนาที</p>
          </Notice>
          <Link to={`ratings/new?ticket=${encodeURIComponent(t.id)}`} class="btn btn-primary q-big">
            ประเมินความพึงพอใจ
          </Link>
        </div>
      ) : null}
      {/* A promise about the call: said while waiting, not once the call has come. */}
      {t.state === 'waiting' ? (
        <p class="q-line-note">
          {t.notifyNear
            ? 'LINE จะแจ้งเตือนคุณเมื่อเหลืออีก 3 คิวจะถึงคุณ และเมื่อถึงคิว (พร้อมบอกช่องบริการ) ปิดหน้านี้ได้ ไม่ต้องเปิดค้างไว้'
            : 'LINE จะแจ้งเตือนคุณเมื่อถึงคิว (พร้อมบอกช่องบริการ) ปิดหน้านี้ได้ ไม่ต้องเปิดค้างไว้ ดูลำดับคิวได้ที่หน้านี้'}
        </p>
      ) : null}
      {t.nowCalling.length && !called ? (
        <p>
          กำลังเรียก:{' '}
          {t.nowCalling.map((c, i) => (
            <span key={i} class="q-calling">{`${c.label} ${c.counter}`}</span>
          ))}
        </p>
      ) : null}
      <dl class="q-facts">
        {t.location ? (
          <div>
            <dt>สถานที่</dt>
            <dd>{t.location}</dd>
          </div>
        ) : null}
        <div>
          <dt>รับบัตรเมื่อ</dt>
          <dd>{formatTime(t.issuedAt)}</dd>
        </div>
        {t.calledAt ? (
          <div>
            <dt>เรียกเมื่อ</dt>
            <dd>{formatTime(t.lastCalledAt ?? t.calledAt)}</dd>
          </div>
        ) : null}
      </dl>
      {checkedAt && !finished ? (
        <p class="hint">
          {`ข้อมูลอัปเดตเองทุก ${formatNumber(t.pollAfterSeconds)} วินาที (ล่าสุด ${formatTime(checkedAt.toISOString())})`}
          {error ? ' · เชื่อมต่อไม่ได้ชั่วคราว กำลังลองใหม่' : ''}
        </p>
      ) : null}
      {t.state === 'waiting' ? <CancelTicket ticket={t} onCancelled={setTicket} /> : null}
      {session.inClient && session.closeWindow ? (
        <p>
          <Button kind="secondary" onClick={session.closeWindow}>
            กลับไปที่แชต
          </Button>
        </p>
      ) : null}
      <p>
        <Link to="queue">บริการรับบัตรคิวทั้งหมด</Link>
      </p>
    </div>
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
    return (
      <div class="q-cancel">
        <Button kind="secondary" onClick={() => setAsking(true)}>
          ไม่ต้องการคิวนี้แล้ว
        </Button>
      </div>
    );
  }
  return (
    <div class="q-cancel card" role="group" aria-labelledby="cancel-q">
      <p id="cancel-q" class="notice-title">{`ยกเลิกบัตรคิว ${props.ticket.label}?`}</p>
      <p>ยกเลิกแล้วคืนลำดับไม่ได้ หากต้องการใช้บริการต้องรับบัตรใหม่และต่อท้ายคิว</p>
      {error ? (
        <p class="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div class="row">
        <Button kind="danger" busy={busy} onClick={() => void cancel()}>
          ยืนยันยกเลิก
        </Button>
        <Button kind="secondary" onClick={() => setAsking(false)}>
          ไม่ยกเลิก
        </Button>
      </div>
    </div>
  );
}
