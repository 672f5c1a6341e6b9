/**
 * Taking back a staff status change within its undo window (UNDO_MINUTES): a mis-tap in a busy staff group must not
 * close a resident's case for good. Only the person who made the change, only the latest change, only within the
 * window. The complainant's message for the change (when it is one they get: workflow.ts tellsComplainant) waits in the
 * outbox until after the window, so the undo withdraws it and the complainant never hears of either. History stays
 * append-only: the undo is a new record (`undoes: N`) that moves the case back; citizen views leave out both records.
 *
 * Why a withdrawn message can never be delivered (the race between an undo and the outbox; `withdrawMessage`):
 * - The outbox pushes an item only after reading it `pending` at or after its `notBefore`, which for a staff change is
 *   complainantMessageAt = window end + DELIVERY_GAP_MS (60 s). An undo is accepted only if its clock, read AFTER the
 *   withdrawal was written, is still at or before undoSettledBy = window end + UNDO_SETTLE_MS (30 s). So the withdrawal
 *   was written at least 30 s before any delivery could read the item as due, and a read after a write sees it
 *   (Firestore is strongly consistent): the delivery finds it cancelled and skips it. This holds while the clocks of
 *   two instances differ by less than 30 s (Google's servers keep them within milliseconds).
 * - If the withdrawal finishes later than that (a stalled instance), the undo is refused and the change stands; the
 *   message is queued again under a new key so the complainant is not left untold. The worst case is the same message
 *   twice, never a message about a change that was taken back.
 * - If the message is not queued yet (the change's own request is between recording the change and queueing it), the
 *   undo queues it itself under the same key and withdraws it: the outbox keeps one item per key, so the change's
 *   request, when it gets there, finds the key taken and queues nothing.
 * - If a colleague's change takes the next history record first, the undo fails and the change stands: its withdrawn
 *   message is queued again (unless the winner was this same undo, pressed twice).
 */
import { ConflictError, ForbiddenError } from '../errors.ts';
import type { Org } from '../orgs/schema.ts';
import type { Complaint, ComplaintUpdate } from './schema.ts';
import { complainantUpdateKey, complainantUserId, complaintForStaff, notifyComplainant, updatesOf, type ComplaintDeps, type StaffActor } from './service.ts';
import { applyUpdate, claimUpdate, listUpdates } from './store.ts';
import { effectiveHistory } from './views.ts';
import { complainantMessageAt, isFinished, STATUS_LABELS, tellsComplainant, UNDO_MINUTES, undoDeadline, undoSettledBy } from './workflow.ts';

export interface Undone {
  complaint: Complaint;
  /** The record that took the change back. */
  update: ComplaintUpdate;
  /** The record taken back. */
  undone: ComplaintUpdate;
}

export async function undoComplaintStatus(deps: ComplaintDeps, org: Org, actor: StaffActor, id: string, seq: number): Promise<Undone> {
  const c = await complaintForStaff(deps, org, actor, id);
  const history = await listUpdates(deps.db, org.id, c.id);
  const u = history.find((x) => x.seq === seq);
  if (!u || u.actor.type !== 'staff' || u.undoes || !u.from) {
    throw new ConflictError(`record ${seq} of ${c.id} cannot be undone`, 'รายการนี้ย้อนกลับไม่ได้');
  }
  if (u.actor.userId !== actor.userId) {
    throw new ForbiddenError('undo by someone else', `ย้อนกลับได้เฉพาะ ${u.actor.displayName} ผู้ที่เปลี่ยนสถานะนี้`);
  }
  if (history.some((x) => x.undoes === seq)) throw new ConflictError(`record ${seq} already undone`, 'ย้อนกลับรายการนี้ไปแล้ว');
  if (c.seq !== seq) throw new ConflictError(`record ${seq} is not the latest`, 'เรื่องนี้มีการเปลี่ยนแปลงหลังจากนั้นแล้ว จึงย้อนกลับไม่ได้ กรุณาเปิดรายละเอียดเรื่อง');
  const now = deps.clock.now();
  if (now.getTime() > undoDeadline(u.at).getTime()) {
    throw new ConflictError(`undo window of record ${seq} passed`, `เลยเวลาย้อนกลับแล้ว (ย้อนกลับได้ภายใน ${UNDO_MINUTES} นาที) กรุณาเปิดรายละเอียดเรื่องเพื่อดำเนินการต่อ`);
  }
  // Withdraw the complainant's message first: if it already went out, the undo would be a silent lie to them.
  const userId = await withdrawMessage(deps, org, c, u);

  const back: ComplaintUpdate = {
    seq: seq + 1,
    at: now.toISOString(),
    from: u.to,
    to: u.from,
    note: null,
    reason: null,
    forwardedTo: null,
    actor: u.actor,
    undoes: seq,
  };
  if (!(await claimUpdate(deps.db, org.id, c.id, back))) {
    // Someone else wrote the next record first. Unless it was this same undo (a double press), the change stands: its
    // withdrawn message is queued again so the complainant still hears of it.
    const next = (await listUpdates(deps.db, org.id, c.id)).find((x) => x.seq === seq + 1);
    if (userId && next?.undoes !== seq) await notifyComplainant(deps, org, c, u, userId, complainantMessageAt(u.at), `${complainantUpdateKey(c.id, seq)}:after-failed-undo`);
    throw new ConflictError(`complaint ${c.id} changed concurrently`, 'เรื่องนี้เพิ่งถูกเปลี่ยนสถานะ กรุณาโหลดข้อมูลใหม่');
  }
  const before = effectiveHistory(history.filter((x) => x.seq < seq));
  const lastNote = before.filter((x) => x.actor.type !== 'citizen').map((x) => x.note ?? x.reason).filter((x): x is string => !!x).at(-1) ?? null;
  const finishedAt = isFinished(u.from) ? (before.filter((x) => x.to === u.from).at(-1)?.at ?? null) : null;
  await applyUpdate(deps.db, org.id, c.id, back, finishedAt, { lastNote });
  deps.log?.info({ orgId: org.id, complaintId: c.id, undoes: seq, seq: back.seq }, 'complaint status change undone');
  return { complaint: { ...c, status: u.from, seq: back.seq, updatedAt: back.at, finishedAt, lastNote }, update: back, undone: u };
}

const TOO_LATE = 'ผู้ร้องได้รับแจ้งแล้ว จึงย้อนกลับไม่ได้';

/**
 * Makes sure the complainant's message for record `u` is never delivered, or refuses the undo (see the top). Returns
 * the LINE user the message was owed to (null when none was).
 */
async function withdrawMessage(deps: ComplaintDeps, org: Org, c: Complaint, u: ComplaintUpdate): Promise<string | null> {
  const cancel = deps.notifier.cancel?.bind(deps.notifier);
  if (!cancel) return null;
  const key = complainantUpdateKey(c.id, u.seq);
  let outcome = await cancel(org.id, key);
  const userId = outcome === 'too-late' || tellsComplainant(updatesOf(c), u) ? await complainantUserId(deps, c) : null;
  if (outcome === 'absent' && userId) {
    // Owed but not queued yet: queue it under its key ourselves (the change's own request then queues nothing), and withdraw it.
    await notifyComplainant(deps, org, c, u, userId, complainantMessageAt(u.at));
    outcome = await cancel(org.id, key);
    if (outcome === 'absent') throw new ConflictError(`message of record ${u.seq} could not be held back`, 'ย้อนกลับไม่สำเร็จ กรุณาลองใหม่อีกครั้ง');
  }
  if (outcome === 'too-late') throw new ConflictError(`message of record ${u.seq} already delivered`, TOO_LATE);
  if (outcome === 'cancelled' && deps.clock.now().getTime() > undoSettledBy(u.at).getTime()) {
    // Withdrawn so late that a delivery may have read it as due just before: the change stands and is told again.
    if (userId) await notifyComplainant(deps, org, c, u, userId, undefined, `${key}:after-late-undo`);
    throw new ConflictError(`undo of record ${u.seq} settled too late`, `${TOO_LATE} (เลยเวลาย้อนกลับแล้ว)`);
  }
  return userId;
}

/** "X ย้อนกลับ … เป็น "…" แล้ว": what the staff group is told after an undo. */
export function undoneText(who: string, r: Undone): string {
  return `${who} ย้อนกลับเรื่อง ${r.complaint.trackingCode} เป็น "${STATUS_LABELS[r.complaint.status]}" แล้ว ผู้ร้องไม่ได้รับแจ้งการเปลี่ยนแปลงที่ย้อนกลับ`;
}
