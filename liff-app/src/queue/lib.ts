import { useEffect, useRef } from 'preact/hooks';
import { formatNumber } from '../lib/format.ts';
import { formatThaiTime } from '../../../functions/src/time/bangkok.ts';

/**
 * The queue pages' shared words and helpers. What the queue API returns is its contract
 * (functions/src/contracts/queue.ts, imported as types only: nothing of it reaches the bundle). Shared by the queue
 * pages only (one lazy chunk with them; the home page never loads it).
 */
import type { TicketState, TicketView } from '../../../functions/src/contracts/queue.ts';

export type {
  BoardData,
  CallLogResponse,
  CallResult,
  Counter,
  LogAction,
  /** The log as staff read it: who acted by name, never a LINE user id. */
  LogEntryView as LogEntry,
  MyTickets,
  OperatorView,
  PublicService,
  QueueService,
  ServiceStatus,
  TakeTicketRequest,
  TakeTicketResponse,
  TicketBrief,
  TicketState,
  TicketView,
} from '../../../functions/src/contracts/queue.ts';

export const ACTIVE: TicketState[] = ['waiting', 'called', 'serving'];

/** The state as the citizen reads it; "called" names the counter. */
export function stateText(t: Pick<TicketView, 'state' | 'counter'>): string {
  switch (t.state) {
    case 'waiting':
      return 'รอเรียก';
    case 'called':
      return `ถึงคิวแล้ว — เชิญที่${t.counter?.name ?? 'ช่องบริการ'}`;
    case 'serving':
      return `กำลังรับบริการ${t.counter ? ` (${t.counter.name})` : ''}`;
    case 'done':
      return 'เสร็จสิ้น';
    case 'no_show':
      return 'ไม่มาตามเรียก';
    case 'cancelled':
      return 'ยกเลิก';
  }
}

/** "ประมาณ 25 นาที", "ประมาณ 1 ชั่วโมง 10 นาที", "ไม่ต้องรอ". */
export function waitText(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '-';
  if (minutes <= 0) return 'ไม่ต้องรอ';
  const m = Math.round(minutes);
  if (m < 60) return `ประมาณ ${formatNumber(m)} นาที`;
  const hours = Math.floor(m / 60);
  const rest = m % 60;
  return `ประมาณ ${formatNumber(hours)} ชั่วโมง${rest ? ` ${formatNumber(rest)} นาที` : ''}`;
}

/** "ไม่ต้องรอ" or "รอประมาณ 25 นาที". */
export const waitPhrase = (minutes: number | null | undefined) => (minutes !== null && minutes !== undefined && minutes <= 0 ? 'ไม่ต้องรอ' : `รอ${waitText(minutes)}`);

/** "A007" read out letter by letter and as a number: "เอ ศูนย์ศูนย์เจ็ด" would be wrong; "A 7" is how counters call it. */
export const labelSpoken = (label: string) => label.replace(/^([A-Z]+)0*(\d+)$/, '$1 $2');

/** "10:05 น." in Bangkok (the shared rule, ../time/bangkok.ts); nothing for no time. */
export const formatTime = (iso: string | null | undefined) => (iso && !Number.isNaN(Date.parse(iso)) ? `${formatThaiTime(iso)} น.` : '');

/**
 * Calls `tick` again after the delay it returns (seconds; 0 or less stops), but never while the page is hidden: a
 * phone in a pocket costs no reads. Coming back to the page asks at once.
 */
export function usePoll(tick: () => Promise<number>, deps: unknown[], firstAfterSeconds = 0): void {
  const tickRef = useRef(tick);
  tickRef.current = tick;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let running = false;
    let pending = false;
    const run = async () => {
      timer = undefined;
      if (stopped) return;
      if (document.visibilityState === 'hidden') {
        pending = true;
        return;
      }
      if (running) return;
      running = true;
      let next: number;
      try {
        next = await tickRef.current();
      } catch {
        next = 15; // a failed poll tries again, a little later
      } finally {
        running = false;
      }
      if (stopped || next <= 0) return;
      timer = setTimeout(run, next * 1000);
    };
    const onVisible = () => {
      if (document.visibilityState !== 'visible' || stopped) return;
      if (pending || timer !== undefined) {
        pending = false;
        if (timer !== undefined) clearTimeout(timer);
        void run();
      }
    };
    document.addEventListener('visibilitychange', onVisible);
    if (firstAfterSeconds > 0) timer = setTimeout(run, firstAfterSeconds * 1000);
    else void run();
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, deps);
}
