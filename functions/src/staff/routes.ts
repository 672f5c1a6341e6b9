import express, { type Router } from 'express';
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { parseInput } from '../http/validate.ts';
import type { IdTokenVerifier } from '../auth/idToken.ts';
import { authenticate, callerOf, loadOrg, orgOf, requireRole } from '../auth/middleware.ts';
import type { Clock } from '../clock.ts';
import { ROLE_LABELS, roleSchema } from './schema.ts';
import { acceptStaffInvite, inviteStaff, issueGroupCode } from './service.ts';
import { listStaff } from './store.ts';

const inviteSchema = z.object({
  roles: z.array(roleSchema).min(1, 'เลือกบทบาทอย่างน้อย 1 บทบาท').max(4),
  displayName: z.string().trim().max(100).optional(),
});
const acceptSchema = z.object({ code: z.string().trim().min(8, 'รหัสมี 8 ตัวอักษร').max(20) });


/** Staff membership: who am I, invitations (admins), redeeming an invitation, and staff-group codes (admins). */
export function staffRouter(deps: { db: Firestore; idTokens: IdTokenVerifier; clock: Clock }): Router {
  const router = express.Router({ mergeParams: true });
  const base = '/api/orgs/:orgId/staff';
  const auth = [loadOrg(deps.db), authenticate(deps)];

  router.get(`${base}/me`, ...auth, (_req, res) => {
    const { staff } = callerOf(res);
    res.json({
      staff: staff && staff.active ? { displayName: staff.displayName, roles: staff.roles, roleLabels: staff.roles.map((r) => ROLE_LABELS[r]) } : null,
    });
  });

  router.get(`${base}/members`, ...auth, requireRole('admin'), async (_req, res) => {
    const members = await listStaff(deps.db, orgOf(res).id);
    res.json(members.map((m) => ({ userId: m.userId, displayName: m.displayName, roles: m.roles, active: m.active })));
  });

  router.post(`${base}/invites`, ...auth, requireRole('admin'), async (req, res) => {
    const body = parseInput(inviteSchema, req.body);
    const issued = await inviteStaff(deps.db, orgOf(res).id, callerOf(res).userId, body, deps.clock.now());
    res.status(201).json(issued);
  });

  router.post(`${base}/invites/accept`, ...auth, async (req, res) => {
    const { code } = parseInput(acceptSchema, req.body);
    const member = await acceptStaffInvite(deps.db, orgOf(res).id, callerOf(res).userId, code, deps.clock.now());
    res.json({ staff: { displayName: member.displayName, roles: member.roles } });
  });

  router.post(`${base}/group-codes`, ...auth, requireRole('admin'), async (_req, res) => {
    const issued = await issueGroupCode(deps.db, orgOf(res).id, callerOf(res).userId, deps.clock.now());
    res.status(201).json({ ...issued, instruction: `เชิญบัญชี LINE ของหน่วยงานเข้ากลุ่มเจ้าหน้าที่ แล้วพิมพ์ในกลุ่ม: ลงทะเบียนกลุ่ม ${issued.code}` });
  });
  return router;
}
