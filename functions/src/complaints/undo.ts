/**
 * Taking back a staff status change within its undo window (UNDO_MINUTES): a mis-tap in a busy staff group must not
 * close a resident's case for good. Only the person who made the change, only the latest change, only within the
 * window. The complainant's message for the change is still waiting in the outbox (it goes out when the window ends),
 * so the undo withdraws it and the complainant never hears of either. History stays append-only: the undo is a new
 * record (`undoes: N`) that moves the case back; citizen views leave out both records.
 */
import { ConflictError, ForbiddenError } from '../errors.ts';
import type { Org } from '../orgs/schema.ts';
import type { Complaint, ComplaintUpdate } from './schema.ts';
import { complainantUpdateKey, complaintForStaff, type ComplaintDeps, type StaffActor } from './service.ts';
import { applyUpdate, claimUpdate, listUpdates } from './store.ts';
import { effectiveHistory } from './views.ts';
import { isFinished, STATUS_LABELS, UNDO_MINUTES, undoDeadline } from './workflow.ts';

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
  const withdrawn = deps.notifier.cancel ? await deps.notifier.cancel(org.id, complainantUpdateKey(c.id, seq)) : 'absent';
  if (withdrawn === 'too-late') throw new ConflictError(`message of record ${seq} already delivered`, 'ผู้ร้องได้รับแจ้งแล้ว จึงย้อนกลับไม่ได้');

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
    throw new ConflictError(`complaint ${c.id} changed concurrently`, 'เรื่องนี้เพิ่งถูกเปลี่ยนสถานะ กรุณาโหลดข้อมูลใหม่');
  }
  const before = effectiveHistory(history.filter((x) => x.seq < seq));
  const lastNote = before.filter((x) => x.actor.type !== 'citizen').map((x) => x.note ?? x.reason).filter((x): x is string => !!x).at(-1) ?? null;
  const finishedAt = isFinished(u.from) ? (before.filter((x) => x.to === u.from).at(-1)?.at ?? null) : null;
  await applyUpdate(deps.db, org.id, c.id, back, finishedAt, { lastNote });
  deps.log?.info({ orgId: org.id, complaintId: c.id, undoes: seq, seq: back.seq }, 'complaint status change undone');
  return { complaint: { ...c, status: u.from, seq: back.seq, updatedAt: back.at, finishedAt, lastNote }, update: back, undone: u };
}

/** "X ย้อนกลับ … เป็น "…" แล้ว": what the staff group is told after an undo. */
export function undoneText(who: string, r: Undone): string {
  return `${who} ย้อนกลับเรื่อง ${r.complaint.trackingCode} เป็น "${STATUS_LABELS[r.complaint.status]}" แล้ว ผู้ร้องไม่ได้รับแจ้งการเปลี่ยนแปลงที่ย้อนกลับ`;
}
