import express, { type Router } from 'express';
import { parseInput } from '../http/validate.ts';
import type { IdTokenVerifier } from '../auth/idToken.ts';
import { authenticate, callerOf, loadOrg, orgOf, requireRole } from '../auth/middleware.ts';
import type { IntegrityDeps } from '../integrity/service.ts';
import { acceptInviteSchema, ROLE_LABELS, staffInviteSchema, type InviteAccepted, type IssuedGroupCode, type StaffMe } from '../contracts/staff.ts';
import { acceptStaffInvite, inviteStaff, issueGroupCode, removeStaffRole, revokeInvite } from './service.ts';
import { listPendingInvites } from './invitesStore.ts';
import { listStaff } from './store.ts';
import type { StaffMember } from './schema.ts';
import { staffRefsFor, type StaffRefs } from './refs.ts';
import { inviteIdParams, memberRoleParams, membersResponseSchema, removedRoleSchema, type InviteView, type InvitesResponse, type IssuedInvite, type StaffMemberView } from '../contracts/staff.ts';

/** A member as the members page shows them: named by staff reference, never by LINE user id (decision 114). */
const memberView = (m: StaffMember, refs: StaffRefs): StaffMemberView => ({
  ref: refs.of(m.userId)!,
  displayName: m.displayName,
  // An inactive member keeps the last role on record (staff/store.ts); the page shows them as having none.
  roles: m.active ? m.roles : [],
  roleLabels: m.active ? m.roles.map((r) => ROLE_LABELS[r]) : [],
  active: m.active,
  updatedAt: m.updatedAt,
});

const inviteSchema = staffInviteSchema;
const acceptSchema = acceptInviteSchema;


/** Staff membership: who am I, invitations (admins), redeeming an invitation, and staff-group codes (admins). */
export function staffRouter(deps: IntegrityDeps & { idTokens: IdTokenVerifier }): Router {
  const router = express.Router({ mergeParams: true });
  const base = '/api/orgs/:orgId/staff';
  const auth = [loadOrg(deps.db), authenticate(deps)];

  router.get(`${base}/me`, ...auth, (_req, res) => {
    const { staff } = callerOf(res);
    const me: StaffMe = {
      staff: staff && staff.active ? { displayName: staff.displayName, roles: staff.roles, roleLabels: staff.roles.map((r) => ROLE_LABELS[r]) } : null,
    };
    res.json(me);
  });

  // ── Members and invites (the admin's members page, issue 16) ──
  router.get(`${base}/members`, ...auth, requireRole('admin'), async (_req, res) => {
    const orgId = orgOf(res).id;
    const members = await listStaff(deps.db, orgId);
    const refs = await staffRefsFor(deps, orgId);
    // Active first, then by name: who works here now, then who left.
    members.sort((a, b) => Number(b.active) - Number(a.active) || a.displayName.localeCompare(b.displayName, 'th'));
    res.json(membersResponseSchema.parse({ members: members.map((m) => memberView(m, refs)) }));
  });

  router.delete(`${base}/members/:ref/roles/:role`, ...auth, requireRole('admin'), async (req, res) => {
    const { ref, role } = parseInput(memberRoleParams, req.params);
    const orgId = orgOf(res).id;
    const member = await removeStaffRole(deps, orgId, ref, role);
    res.json(removedRoleSchema.parse({ member: memberView(member, await staffRefsFor(deps, orgId)) }));
  });

  router.get(`${base}/invites`, ...auth, requireRole('admin'), async (_req, res) => {
    const pending = await listPendingInvites(deps.db, orgOf(res).id, deps.clock.now());
    const invites: InviteView[] = pending
      .filter((i): i is typeof i & { id: string } => !!i.id)
      .map((i) => ({ id: i.id, roles: i.roles, roleLabels: i.roles.map((r) => ROLE_LABELS[r]), displayName: i.displayName, createdAt: i.createdAt, expiresAt: i.expiresAt }));
    res.json({ invites } satisfies InvitesResponse);
  });

  router.post(`${base}/invites/:inviteId/revoke`, ...auth, requireRole('admin'), async (req, res) => {
    const { inviteId } = parseInput(inviteIdParams, req.params);
    await revokeInvite(deps.db, orgOf(res).id, inviteId, callerOf(res).userId, deps.clock.now());
    res.json({ revoked: true });
  });

  router.post(`${base}/invites`, ...auth, requireRole('admin'), async (req, res) => {
    const body = parseInput(inviteSchema, req.body);
    const caller = callerOf(res);
    const issued = await inviteStaff(deps, orgOf(res), { userId: caller.userId, staff: caller.staff }, body);
    res.status(201).json(issued satisfies IssuedInvite);
  });

  router.post(`${base}/invites/accept`, ...auth, async (req, res) => {
    const { code } = parseInput(acceptSchema, req.body);
    const { member, pendingGrant } = await acceptStaffInvite(deps, orgOf(res), callerOf(res), code);
    const accepted: InviteAccepted = {
      staff: member ? { displayName: member.displayName, roles: member.roles } : null,
      // The integrity role waits for another integrity officer's approval.
      pendingGrant: pendingGrant ? { id: pendingGrant.id, role: 'integrity_officer', expiresAt: pendingGrant.expiresAt } : null,
    };
    res.json(accepted);
  });

  router.post(`${base}/group-codes`, ...auth, requireRole('admin'), async (_req, res) => {
    const issued = await issueGroupCode(deps.db, orgOf(res).id, callerOf(res).userId, deps.clock.now());
    const body: IssuedGroupCode = { ...issued, instruction: `เชิญบัญชี LINE ของหน่วยงานเข้ากลุ่มเจ้าหน้าที่ แล้วพิมพ์ในกลุ่ม: ลงทะเบียนกลุ่ม ${issued.code}` };
    res.status(201).json(body);
  });
  return router;
}
