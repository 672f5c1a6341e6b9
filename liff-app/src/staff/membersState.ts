import type { IssuedInvite } from '../../../functions/src/contracts/staff.ts';
import type { Role } from './model.ts';

/**
 * The members page's state: the invitation form, the code just issued, and one action at a time on a member or an
 * invitation (removing a role asks first; the integrity role needs a reason). Pure: the page dispatches, views read.
 */
export interface MembersState {
  name: string;
  roles: Role[];
  /** Field messages of the invitation form (client checks or the server's 400 issues). */
  errors: Partial<Record<'roles' | 'displayName', string>>;
  inviting: boolean;
  issued: (IssuedInvite & { roles: Role[]; displayName: string }) | null;
  /** The role removal waiting for "ยืนยัน": one at a time. */
  confirm: { ref: string; role: Role } | null;
  reason: string;
  reasonError: string | null;
  /** The action running now (a key per button), so only that button is busy. */
  busy: string | null;
  /** What the last action did (polite status) or why it failed (alert). */
  said: { kind: 'success' | 'error'; text: string } | null;
}

export const initialMembers: MembersState = {
  name: '',
  roles: [],
  errors: {},
  inviting: false,
  issued: null,
  confirm: null,
  reason: '',
  reasonError: null,
  busy: null,
  said: null,
};

export type MembersAction =
  | { type: 'name'; value: string }
  | { type: 'toggle-role'; role: Role }
  | { type: 'invite-start' }
  | { type: 'invite-invalid'; errors: MembersState['errors'] }
  | { type: 'invite-issued'; issued: IssuedInvite }
  | { type: 'invite-failed'; errors: MembersState['errors']; text: string | null }
  | { type: 'issued-dismiss' }
  | { type: 'ask-remove'; ref: string; role: Role }
  | { type: 'cancel-remove' }
  | { type: 'reason'; value: string }
  | { type: 'reason-invalid'; message: string }
  | { type: 'action-start'; key: string }
  | { type: 'action-done'; text: string }
  | { type: 'action-failed'; text: string };

export function membersReducer(s: MembersState, a: MembersAction): MembersState {
  switch (a.type) {
    case 'name':
      return { ...s, name: a.value, errors: { ...s.errors, displayName: undefined } };
    case 'toggle-role': {
      const roles = s.roles.includes(a.role) ? s.roles.filter((r) => r !== a.role) : [...s.roles, a.role];
      return { ...s, roles, errors: { ...s.errors, roles: undefined } };
    }
    case 'invite-start':
      return { ...s, inviting: true, errors: {}, said: null };
    case 'invite-invalid':
      return { ...s, inviting: false, errors: a.errors };
    case 'invite-issued':
      // The form empties: the next invitation starts afresh; the code stays on screen until dismissed.
      return { ...s, inviting: false, issued: { ...a.issued, roles: s.roles, displayName: s.name.trim() }, name: '', roles: [], errors: {} };
    case 'invite-failed':
      return { ...s, inviting: false, errors: a.errors, said: a.text ? { kind: 'error', text: a.text } : null };
    case 'issued-dismiss':
      return { ...s, issued: null };
    case 'ask-remove':
      return { ...s, confirm: { ref: a.ref, role: a.role }, reason: '', reasonError: null, said: null };
    case 'cancel-remove':
      return { ...s, confirm: null, reason: '', reasonError: null };
    case 'reason':
      return { ...s, reason: a.value, reasonError: null };
    case 'reason-invalid':
      return { ...s, reasonError: a.message };
    case 'action-start':
      return { ...s, busy: a.key, said: null };
    case 'action-done':
      return { ...s, busy: null, confirm: null, reason: '', reasonError: null, said: { kind: 'success', text: a.text } };
    case 'action-failed':
      return { ...s, busy: null, said: { kind: 'error', text: a.text } };
  }
}
