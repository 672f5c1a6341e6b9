import { describe, expect, it } from 'vitest';
import { initialMembers, membersReducer } from '../../liff-app/src/staff/membersState.ts';
import { initialStatusChange, statusChangeProblems, statusChangeReducer } from '../../liff-app/src/staff/statusChange.ts';

describe('the staff detail status form', () => {
  it('asks for what each move needs before sending', () => {
    expect(statusChangeProblems('received', initialStatusChange)).toEqual({ to: 'กรุณาเลือกสถานะใหม่' });
    const closing = statusChangeReducer(initialStatusChange, { type: 'choose', to: 'resolved' });
    expect(statusChangeProblems('in_progress', closing).note).toContain('แก้ไขอะไรไปแล้ว');
    const forwarding = statusChangeReducer(initialStatusChange, { type: 'choose', to: 'forwarded' });
    expect(Object.keys(statusChangeProblems('acknowledged', forwarding)).sort()).toEqual(['forwardedTo', 'reason']);
    const noted = statusChangeReducer(closing, { type: 'field', field: 'note', value: 'ซ่อมแล้ว' });
    expect(statusChangeProblems('in_progress', noted)).toEqual({});
  });

  it('empties the form once saved and keeps the outcome with its undo window until taken back', () => {
    let s = statusChangeReducer(initialStatusChange, { type: 'choose', to: 'resolved' });
    s = statusChangeReducer(s, { type: 'field', field: 'note', value: 'ซ่อมแล้ว' });
    s = statusChangeReducer(s, { type: 'submit' });
    expect(s.busy).toBe(true);
    s = statusChangeReducer(s, { type: 'saved', done: 'บันทึกแล้ว', undo: { seq: 3, until: '2026-11-22T03:05:00Z' } });
    expect(s).toMatchObject({ to: '', note: '', busy: false, done: 'บันทึกแล้ว', undo: { seq: 3 } });
    s = statusChangeReducer(s, { type: 'undone', done: 'ย้อนกลับแล้ว' });
    expect(s).toMatchObject({ undo: null, done: 'ย้อนกลับแล้ว' });
  });

  it('keeps what was typed when the server refuses, with its field messages', () => {
    let s = statusChangeReducer(initialStatusChange, { type: 'choose', to: 'rejected' });
    s = statusChangeReducer(s, { type: 'field', field: 'reason', value: 'ซ้ำ' });
    s = statusChangeReducer(s, { type: 'failed', message: 'ข้อมูลไม่ถูกต้อง', errors: { reason: 'สั้นเกินไป' } });
    expect(s).toMatchObject({ to: 'rejected', reason: 'ซ้ำ', formError: 'ข้อมูลไม่ถูกต้อง', errors: { reason: 'สั้นเกินไป' }, busy: false });
  });
});

describe('the members page', () => {
  it('issues an invitation with the roles chosen, then starts the next one empty', () => {
    let s = membersReducer(initialMembers, { type: 'name', value: 'สุดา' });
    s = membersReducer(s, { type: 'toggle-role', role: 'officer' });
    s = membersReducer(s, { type: 'toggle-role', role: 'queue_operator' });
    s = membersReducer(s, { type: 'toggle-role', role: 'queue_operator' });
    s = membersReducer(s, { type: 'invite-start' });
    s = membersReducer(s, { type: 'invite-issued', issued: { id: 'a1', code: 'K7QM-4TZP', expiresAt: '2026-11-25T03:00:00Z' } });
    expect(s.issued).toMatchObject({ code: 'K7QM-4TZP', roles: ['officer'], displayName: 'สุดา' });
    expect(s).toMatchObject({ name: '', roles: [], inviting: false });
  });

  it('asks before removing a role, one at a time, and needs a reason for the integrity role', () => {
    let s = membersReducer(initialMembers, { type: 'ask-remove', ref: 'r1', role: 'integrity_officer' });
    s = membersReducer(s, { type: 'reason-invalid', message: 'กรุณาระบุเหตุผล' });
    expect(s).toMatchObject({ confirm: { ref: 'r1', role: 'integrity_officer' }, reasonError: 'กรุณาระบุเหตุผล' });
    s = membersReducer(s, { type: 'ask-remove', ref: 'r2', role: 'officer' });
    expect(s).toMatchObject({ confirm: { ref: 'r2', role: 'officer' }, reasonError: null, reason: '' });
    s = membersReducer(s, { type: 'action-start', key: 'remove-U2-officer' });
    s = membersReducer(s, { type: 'action-done', text: 'ถอนแล้ว' });
    expect(s).toMatchObject({ confirm: null, busy: null, said: { kind: 'success', text: 'ถอนแล้ว' } });
  });
});
