import express, { type Router } from 'express';
import { parseInput } from '../http/validate.ts';
import type { IdTokenVerifier } from '../auth/idToken.ts';
import { authenticate, callerOf, loadOrg, orgOf, requireRole } from '../auth/middleware.ts';
import type { IntegrityDeps } from '../integrity/service.ts';
import { acceptInviteSchema, ROLE_LABELS, staffInviteSchema, type InviteAccepted, type IssuedGroupCode, type StaffMe, type StaffMemberView } from '../contracts/staff.ts';
import { acceptStaffInvite, inviteStaff, issueGroupCode } from './service.ts';
import { listStaff } from './store.ts';

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

  router.get(`${base}/members`, ...auth, requireRole('admin'), async (_req, res) => {
    const members = await listStaff(deps.db, orgOf(res).id);
    res.json(members.map((m): StaffMemberView => ({ userId: m.userId, displayName: m.displayName, roles: m.roles, active: m.active })));
  });

  router.post(`${base}/invites`, ...auth, requireRole('admin'), async (req, res) => {
    const body = parseInput(inviteSchema, req.body);
    const caller = callerOf(res);
    const issued = await inviteStaff(deps, orgOf(res), { userId: caller.userId, staff: caller.staff }, body);
    res.status(201).json(issued);
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
