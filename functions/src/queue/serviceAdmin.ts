/** Admins add and change services and their counters. A prefix is unique in the organisation; staff groups must be registered. */
import { ConflictError, ValidationError } from '../errors.ts';
import type { QueueDeps } from './deps.ts';
import { requireService } from './lookups.ts';
import { newServiceSchema, type NewService, type QueueService, type ServiceUpdate } from './schema.ts';

/** A new service; 409 when the id or the prefix is taken. */
export async function addService(deps: QueueDeps, orgId: string, input: NewService): Promise<QueueService> {
  const parsed = newServiceSchema.parse(input);
  const existing = await deps.store.listServices(orgId);
  assertPrefixFree(existing, parsed.prefix, parsed.id);
  await assertStaffGroups(deps, orgId, parsed.staffGroupIds);
  const now = deps.clock.now().toISOString();
  const service: QueueService = { ...parsed, createdAt: now, updatedAt: now };
  if (!(await deps.store.createService(orgId, service))) throw new ConflictError(`service ${parsed.id} exists`, `มีบริการรหัส ${parsed.id} อยู่แล้ว`);
  return service;
}

/** Changes the fields given; the rest keep their values. */
export async function updateService(deps: QueueDeps, orgId: string, serviceId: string, update: ServiceUpdate): Promise<QueueService> {
  const current = await requireService(deps, orgId, serviceId);
  const changes = update;
  if (changes.prefix && changes.prefix !== current.prefix) assertPrefixFree(await deps.store.listServices(orgId), changes.prefix, serviceId);
  await assertStaffGroups(deps, orgId, changes.staffGroupIds);
  const next: QueueService = { ...current, ...changes, id: current.id, createdAt: current.createdAt, updatedAt: deps.clock.now().toISOString() };
  await deps.store.saveService(orgId, next);
  deps.cache.drop(`board:${orgId}`);
  return next;
}

/** A service's groups must be this organisation's registered staff groups: nothing is ever sent to another group. */
async function assertStaffGroups(deps: QueueDeps, orgId: string, groupIds: readonly string[] | undefined) {
  const issues = [];
  for (const [i, groupId] of (groupIds ?? []).entries()) {
    if ((groupIds ?? []).indexOf(groupId) !== i) issues.push({ path: `staffGroupIds.${i}`, message: 'ระบุกลุ่มนี้ซ้ำ' });
    else if (!(await deps.store.isStaffGroup(orgId, groupId))) issues.push({ path: `staffGroupIds.${i}`, message: 'กลุ่มนี้ยังไม่ได้ลงทะเบียนเป็นกลุ่มเจ้าหน้าที่ของหน่วยงาน' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

function assertPrefixFree(services: QueueService[], prefix: string, exceptId: string) {
  const clash = services.find((s) => s.prefix === prefix && s.id !== exceptId);
  if (clash) throw new ValidationError([{ path: 'prefix', message: `อักษรนำหน้า ${prefix} ใช้กับบริการ${clash.name}แล้ว` }]);
}
