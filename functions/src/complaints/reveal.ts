/**
 * Who reported a corruption case is never part of the case details: an integrity officer asks for it explicitly, for
 * one case, with a reason, and the request is written to the integrity audit log (integrity/store.ts) before the
 * identity is returned. If the log cannot be written, nothing is revealed.
 */
import type { Org } from '../orgs/schema.ts';
import { NotFoundError } from '../errors.ts';
import { recordReveal } from '../integrity/service.ts';
import type { ComplaintDeps, StaffActor } from './service.ts';
import { complaintForStaff } from './service.ts';
import { getReporter } from './store.ts';
import { reporterView } from './views.ts';

export async function revealReporter(deps: ComplaintDeps, org: Org, actor: StaffActor, id: string, reason: string) {
  // Corruption cases are "not found" to anyone but integrity officers (complaintForStaff).
  const c = await complaintForStaff(deps, org, actor, id);
  if (c.kind !== 'corruption') throw new NotFoundError(`corruption case ${id}`, 'เปิดดูตัวตนผู้แจ้งใช้กับเรื่องแจ้งเบาะแสการทุจริตเท่านั้น (เรื่องทั่วไปแสดงผู้แจ้งในรายละเอียดอยู่แล้ว)');
  const entry = await recordReveal(deps, org.id, actor, c, reason);
  const reporter = await getReporter(deps.db, org.id, c.id);
  return { complaintId: c.id, trackingCode: c.trackingCode, auditSeq: entry.seq, reporter: reporterView(c, reporter) };
}
