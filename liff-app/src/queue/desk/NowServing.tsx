import type { ComponentChild } from 'preact';
import { formatNumber } from '../../lib/format.ts';
import { Button } from '../../lib/ui.ts';
import type { Counter, OperatorView, TicketBrief } from '../lib.ts';
import type { Busy, Said } from './state.ts';

export type CurrentAction = 'recall' | 'start' | 'skip' | 'complete';

/** The counter now: who is there, the big "call next" button, the four buttons for the one at the counter, what happened. */
export function NowServing(props: {
  counter: Counter;
  view: OperatorView;
  current: TicketBrief | null;
  busy: Busy | null;
  said: Said | null;
  onNext: () => void;
  onCurrent: (action: CurrentAction) => void;
}): ComponentChild {
  const { counter, view, current, busy } = props;
  const calledNow = !!current && current.state === 'called';
  const counts = [`รออยู่ ${formatNumber(view.counts.waiting)} คน`, `ออกบัตรวันนี้ ${formatNumber(view.counts.issued)}`, `เสร็จ ${formatNumber(view.counts.done)}`, `ไม่มา ${formatNumber(view.counts.noShow)}`];
  return (
    <>
      <section class="q-now card" aria-labelledby="now-title">
        <h2 id="now-title">{`ตอนนี้ที่${counter.name}`}</h2>
        {current ? (
          <div>
            <p class="q-label q-label-staff" data-testid="desk-current">
              {current.label}
            </p>
            <p class="q-state">
              {current.state === 'serving' ? 'กำลังให้บริการ' : `เรียกแล้ว ${formatNumber(current.calls)} ครั้ง`}
              {current.walkIn ? ' · walk-in' : ''}
            </p>
          </div>
        ) : (
          <p class="q-empty">ว่าง ยังไม่ได้เรียกคิว</p>
        )}
        <p class="hint q-counts">
          {counts.map((c, i) => (
            <span key={i} class="q-nowrap">
              {i ? ` · ${c}` : c}
            </span>
          ))}
        </p>
      </section>
      <div class="q-actions">
        <button type="button" class="btn btn-primary q-next" disabled={!!busy} aria-busy={busy === 'next' ? 'true' : undefined} onClick={props.onNext}>
          {busy === 'next' ? 'กำลังเรียก…' : 'เรียกคิวถัดไป'}
          {view.waiting[0] ? <small>{`(${view.waiting[0].label})`}</small> : null}
        </button>
        <div class="q-action-row">
          <Button kind="secondary" disabled={!calledNow || !!busy} onClick={() => props.onCurrent('recall')}>
            เรียกซ้ำ
          </Button>
          <Button kind="secondary" disabled={!calledNow || !!busy} onClick={() => props.onCurrent('start')}>
            เริ่มให้บริการ
          </Button>
          <Button kind="secondary" disabled={!calledNow || !!busy} onClick={() => props.onCurrent('skip')}>
            {'ข้าม '}
            <span class="q-nowrap">(ไม่มา)</span>
          </Button>
          <Button kind="secondary" disabled={!current || !!busy} onClick={() => props.onCurrent('complete')}>
            เสร็จสิ้น
          </Button>
        </div>
      </div>
      <div class="q-said" role="status" aria-live="polite">
        {props.said && props.said.kind !== 'error' ? (
          <p class="notice notice-success" data-testid="desk-said">
            {props.said.text}
          </p>
        ) : null}
      </div>
      <div role="alert">{props.said?.kind === 'error' ? <p class="notice notice-error">{props.said.text}</p> : null}</div>
    </>
  );
}
