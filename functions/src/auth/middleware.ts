import type { RequestHandler, Response } from 'express';
import type { Firestore } from '../store/firestore.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors.ts';
import type { Org } from '../orgs/schema.ts';
import { orgIdSchema } from '../orgs/schema.ts';
import { getOrg } from '../orgs/store.ts';
import { hasRole, type Role, type StaffMember } from '../staff/schema.ts';
import { getStaffMember } from '../staff/store.ts';
import type { IdTokenVerifier, VerifiedIdentity } from './idToken.ts';

/** Who is calling, as proven by their LINE ID token; `staff` when they are staff of this organisation. */
export interface Caller extends VerifiedIdentity {
  staff: StaffMember | null;
}

export interface AuthDeps {
  db: Firestore;
  idTokens: IdTokenVerifier;
}

interface Locals {
  org?: Org;
  caller?: Caller;
}

const bearer = (header: string | undefined) => /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];

/** Loads `:orgId` (404 when unknown) into res.locals.org. */
export function loadOrg(db: Firestore): RequestHandler {
  return async (req, res, next) => {
    const id = orgIdSchema.safeParse(req.params.orgId);
    const org = id.success ? await getOrg(db, id.data) : null;
    if (!org) throw new NotFoundError('organisation', 'ไม่พบหน่วยงานนี้');
    (res.locals as Locals).org = org;
    next();
  };
}

async function identify(deps: AuthDeps, org: Org, token: string): Promise<Caller> {
  if (!org.line.loginChannelId) throw new UnauthenticatedError('organisation has no LINE Login channel');
  const identity = await deps.idTokens.verify(token, org.line.loginChannelId);
  return { ...identity, staff: await getStaffMember(deps.db, org.id, identity.userId) };
}

/**
 * Requires a valid LINE ID token (Authorization: Bearer) for the organisation's LINE Login channel. The caller's
 * identity comes from the verified token alone, never from anything else the client sends. Use after loadOrg.
 */
export function authenticate(deps: AuthDeps, options: { optional?: boolean } = {}): RequestHandler {
  return async (req, res, next) => {
    const locals = res.locals as Locals;
    const token = bearer(req.get('authorization'));
    if (!token) {
      if (options.optional) return next();
      throw new UnauthenticatedError('missing bearer token');
    }
    if (!locals.org) throw new Error('authenticate() needs loadOrg() first');
    locals.caller = await identify(deps, locals.org, token);
    next();
  };
}

/** Requires an authenticated active staff member with any of the roles. Use after authenticate. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const caller = (res.locals as Locals).caller;
    if (!caller) throw new UnauthenticatedError('no caller');
    if (!hasRole(caller.staff, ...roles)) throw new ForbiddenError(`needs one of ${roles.join(', ')}`);
    next();
  };
}

export function orgOf(res: Response): Org {
  const org = (res.locals as Locals).org;
  if (!org) throw new Error('orgOf() needs loadOrg()');
  return org;
}

export function callerOf(res: Response): Caller {
  const caller = (res.locals as Locals).caller;
  if (!caller) throw new UnauthenticatedError('no caller');
  return caller;
}

export function optionalCallerOf(res: Response): Caller | undefined {
  return (res.locals as Locals).caller;
}
