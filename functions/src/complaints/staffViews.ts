/**
 * What staff read of complaints: the inbox (kinds their role handles), a case's details, its photos. A corruption
 * case is "not found" to anyone but integrity officers, and its details never carry the reporter (reveal.ts).
 */
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { Org } from '../orgs/schema.ts';
import { getComplaintRating } from '../ratings/store.ts';
import { canHandle, visibleKinds } from './access.ts';
import { complaintForStaff, type ComplaintDeps, type StaffActor } from './service.ts';
import { categoryTitles, getPhoto, getReporter, listComplaints, listUpdates } from './store.ts';
import { concealedReporter, reporterView, staffDetail, staffItem } from './views.ts';
import { isOverdue } from './workflow.ts';

import type { InboxFilter, StaffComplaintDetail } from '../contracts/complaints.ts';

export async function listStaffInbox(deps: ComplaintDeps, org: Org, actor: StaffActor, filter: InboxFilter) {
  const kinds = visibleKinds(actor.staff);
  if (kinds.length === 0) throw new ForbiddenError('no complaint role', 'คุณไม่มีสิทธิ์ดูเรื่องร้องเรียน');
  if (filter.kind && !kinds.includes(filter.kind)) {
    throw new ForbiddenError(`kind ${filter.kind} not visible`, filter.kind === 'corruption' ? 'เรื่องแจ้งเบาะแสทุจริตเห็นได้เฉพาะเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริต' : 'คุณไม่มีสิทธิ์ดูเรื่องประเภทนี้');
  }
  const now = deps.clock.now();
  const wanted = filter.kind ? [filter.kind] : kinds;
  const lists = await Promise.all(wanted.map((kind) => listComplaints(deps.db, org.id, { kind, ...(filter.status ? { statuses: filter.status } : {}) })));
  const titles = await categoryTitles(deps.db, org.id);
  return lists
    .flat()
    .filter((c) => canHandle(actor.staff, c.kind))
    .filter((c) => !filter.category || c.category === filter.category)
    .filter((c) => filter.overdue === undefined || isOverdue(c, now) === filter.overdue)
    .map((c) => staffItem(c, titles.get(c.category) ?? c.category, now))
    .filter((c) => filter.reopened === undefined || c.reopened === filter.reopened)
    // Reopened cases first (the complainant says it was not fixed: the most urgent), latest reopening first; then newest.
    .sort((a, b) => Number(b.reopened) - Number(a.reopened) || (b.reopenedAt ?? '').localeCompare(a.reopenedAt ?? '') || b.receivedAt.localeCompare(a.receivedAt));
}

export async function getStaffComplaint(deps: ComplaintDeps, org: Org, actor: StaffActor, id: string, photoUrl: (n: number) => string): Promise<StaffComplaintDetail> {
  const c = await complaintForStaff(deps, org, actor, id);
  // A corruption reporter is never part of the details: revealing one is its own, logged request (reveal.ts).
  const [history, reporter, titles, rated] = await Promise.all([
    listUpdates(deps.db, org.id, c.id),
    c.kind === 'corruption' ? Promise.resolve(null) : getReporter(deps.db, org.id, c.id),
    categoryTitles(deps.db, org.id),
    getComplaintRating(deps.db, org.id, c.id),
  ]);
  const block = c.kind === 'corruption' ? concealedReporter(c) : reporterView(c, reporter);
  // The complainant's rating of how the case was handled, with its comment: shown with the case, to whoever may see it.
  const rating = rated ? { scores: rated.rating.scores, comment: rated.comment, createdAt: rated.rating.createdAt } : null;
  return { ...staffDetail(c, titles.get(c.category) ?? c.category, history, block, deps.clock.now(), photoUrl), rating };
}

export async function getComplaintPhoto(deps: ComplaintDeps, org: Org, actor: StaffActor, id: string, n: number) {
  const c = await complaintForStaff(deps, org, actor, id);
  const photo = n >= 1 && n <= c.photoCount ? await getPhoto(deps.db, org.id, c.id, n) : null;
  if (!photo) throw new NotFoundError(`photo ${n}`, 'ไม่พบรูปภาพนี้');
  return photo;
}

