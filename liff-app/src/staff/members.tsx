import type { ComponentChild } from 'preact';
import { useReducer } from 'preact/hooks';
import type { InvitesResponse, InviteView, IssuedInvite, MembersResponse, StaffMemberView } from '../../../functions/src/contracts/staff.ts';
import { ROLES, ROLE_LABELS, type Role } from './model.ts';
import { ApiError, request } from '../lib/api.ts';
import { formatDateTime } from '../lib/format.ts';
import type { PageProps } from '../lib/router.ts';
import { getSession } from '../lib/session.ts';
import { Button, Checkbox, ErrorSummary, ErrorView, Loading, Notice, TextArea, TextField, focusSoon, useApi } from '../lib/ui.ts';
import { initialMembers, membersReducer, type MembersAction, type MembersState } from './membersState.ts';

/**
 * Members and invitations (`staff/members`, admins): who works here with which roles, invitation codes to make
 * someone staff, the invitations still waiting, and taking a role away. Ordinary roles go at once after a confirm
 * step; the integrity role needs a reason (it is logged and every integrity officer is told: integrity/). An invited
 * person opens the link with the code (the staff home's "ใส่รหัสเชิญ") and becomes staff; their LINE rich menu
 * follows their roles.
 */
type Dispatch = (a: MembersAction) => void;

const ROLE_HINTS: Record<Role, string> = {
  admin: 'ดูแลระบบ เชิญเจ้าหน้าที่ ตรวจร่างแผน',
  officer: 'รับและดำเนินการเรื่องร้องเรียนทั่วไป',
  integrity_officer: 'เห็นเรื่องแจ้งเบาะแสการทุจริต ต้องได้รับอนุมัติจากเจ้าหน้าที่ศูนย์ฯ อีกคนก่อนจึงได้บทบาทนี้',
  queue_operator: 'เรียกคิวที่ช่องบริการ',
};

const messageOf = (err: unknown) =>
  err instanceof ApiError ? (err.issues.length ? err.issues.map((i) => i.message).join(' ') : err.message) : err instanceof Error ? err.message : String(err);

/** The link an invited person opens: the staff home with the code filled in. */
export function joinLink(code: string): string {
  const { org } = getSession();
  const path = `staff?invite=${encodeURIComponent(code)}`;
  return org.mode === 'local' || !org.liffId ? `${location.origin}/liff/${encodeURIComponent(org.id)}/${path}` : `https://liff.line.me/${org.liffId}/${path}`;
}

export default function Members(_props: PageProps): ComponentChild {
  const members = useApi<MembersResponse>('/staff/members');
  const invites = useApi<InvitesResponse>('/staff/invites');
  const [state, dispatch] = useReducer(membersReducer, initialMembers);
  if (members.error) return <ErrorView error={members.error} retry={members.reload} staff={true} />;
  if (!members.data) return <Loading />;
  const reload = () => {
    members.reload();
    invites.reload();
  };
  const active = members.data.members.filter((m) => m.active);
  const former = members.data.members.filter((m) => !m.active);
  return (
    <div class="members">
      {state.said ? (
        <Notice kind={state.said.kind} role={state.said.kind === 'error' ? 'alert' : 'status'}>
          <p>{state.said.text}</p>
        </Notice>
      ) : null}
      <InviteForm state={state} dispatch={dispatch} onIssued={invites.reload} />
      <section aria-labelledby="members-title">
        <h2 id="members-title">{`เจ้าหน้าที่ (${active.length})`}</h2>
        <ul class="plain">
          {active.map((m) => (
            <li key={m.ref}>
              <MemberCard member={m} state={state} dispatch={dispatch} onChanged={reload} />
            </li>
          ))}
        </ul>
        {former.length ? (
          <details>
            <summary>{`ไม่มีบทบาทแล้ว (${former.length})`}</summary>
            <ul class="plain">
              {former.map((m) => (
                <li key={m.ref} class="card">
                  <strong>{m.displayName || 'ผู้ใช้ LINE'}</strong>
                  <p class="hint">{`ถอนบทบาทล่าสุดเมื่อ ${formatDateTime(m.updatedAt)}`}</p>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
      <InviteList invites={invites} state={state} dispatch={dispatch} />
    </div>
  );
}

function InviteForm(props: { state: MembersState; dispatch: Dispatch; onIssued: () => void }): ComponentChild {
  const { state: s, dispatch } = props;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!s.roles.length) {
      dispatch({ type: 'invite-invalid', errors: { roles: 'เลือกบทบาทอย่างน้อย 1 บทบาท' } });
      focusSoon('error-summary');
      return;
    }
    dispatch({ type: 'invite-start' });
    try {
      const issued = await request<IssuedInvite>('/staff/invites', { body: { roles: s.roles, ...(s.name.trim() ? { displayName: s.name.trim() } : {}) } });
      dispatch({ type: 'invite-issued', issued });
      props.onIssued();
      focusSoon('issued-title');
    } catch (err) {
      const errors: MembersState['errors'] = {};
      if (err instanceof ApiError) for (const i of err.issues) errors[i.path.startsWith('roles') ? 'roles' : 'displayName'] = i.message;
      dispatch({ type: 'invite-failed', errors, text: Object.keys(errors).length ? null : messageOf(err) });
      if (Object.keys(errors).length) focusSoon('error-summary');
    }
  };
  const summary = [
    ...(s.errors.roles ? [{ field: 'invite-roles', message: s.errors.roles }] : []),
    ...(s.errors.displayName ? [{ field: 'invite-name', message: s.errors.displayName }] : []),
  ];
  return (
    <section aria-labelledby="invite-title" class="card">
      <h2 id="invite-title">เชิญเจ้าหน้าที่</h2>
      {s.issued ? <Issued issued={s.issued} dispatch={dispatch} /> : null}
      <form onSubmit={(e) => void submit(e)} noValidate={true}>
        <ErrorSummary errors={summary} />
        <TextField
          id="invite-name"
          label="ชื่อผู้ได้รับเชิญ"
          hint="แสดงในรายชื่อเจ้าหน้าที่ ไม่ใส่ก็ได้ จะใช้ชื่อ LINE ของผู้นั้น"
          value={s.name}
          onInput={(value) => dispatch({ type: 'name', value })}
          error={s.errors.displayName}
          maxLength={100}
        />
        <fieldset class={`field${s.errors.roles ? ' field-invalid' : ''}`} id="invite-roles" aria-describedby={s.errors.roles ? 'invite-roles-error' : undefined}>
          <legend class="label">
            บทบาท<span class="req"> (จำเป็น)</span>
          </legend>
          {s.errors.roles ? (
            <p id="invite-roles-error" class="error-text">
              <span aria-hidden="true">⚠ </span>
              {s.errors.roles}
            </p>
          ) : null}
          {ROLES.map((role) => (
            <Checkbox key={role} id={`invite-role-${role}`} checked={s.roles.includes(role)} onChange={() => dispatch({ type: 'toggle-role', role })}>
              {ROLE_LABELS[role]}
              <small class="choice-hint">{ROLE_HINTS[role]}</small>
            </Checkbox>
          ))}
        </fieldset>
        <Button type="submit" busy={s.inviting}>
          ออกรหัสเชิญ
        </Button>
      </form>
    </section>
  );
}

function Issued(props: { issued: NonNullable<MembersState['issued']>; dispatch: Dispatch }): ComponentChild {
  const { issued } = props;
  const link = joinLink(issued.code);
  const share = getSession().shareText;
  const text = `รหัสเชิญเป็นเจ้าหน้าที่: ${issued.code}\nเปิดลิงก์นี้ใน LINE แล้วกด "เข้าร่วม": ${link}\nใช้ได้ครั้งเดียว ถึง ${formatDateTime(issued.expiresAt)}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      props.dispatch({ type: 'action-done', text: 'คัดลอกรหัสเชิญและลิงก์แล้ว' });
    } catch {
      props.dispatch({ type: 'action-failed', text: 'คัดลอกไม่ได้ กรุณาเลือกข้อความแล้วคัดลอกเอง' });
    }
  };
  return (
    <Notice kind="success">
      <h3 id="issued-title" tabIndex={-1} class="notice-title">
        {`รหัสเชิญ${issued.displayName ? `ของ ${issued.displayName}` : ''}`}
      </h3>
      <p class="code" data-invite-code={issued.code}>
        {issued.code}
      </p>
      <p>{`บทบาท: ${issued.roles.map((r) => ROLE_LABELS[r]).join(', ')} · ใช้ได้ครั้งเดียว ถึง ${formatDateTime(issued.expiresAt)}`}</p>
      <p>
        ส่งรหัสนี้ให้ผู้ได้รับเชิญทางช่องทางที่ปลอดภัย ผู้นั้นเปิดลิงก์ใน LINE แล้วกด "เข้าร่วม" รหัสนี้แสดงครั้งเดียว ถ้าหายให้ยกเลิกแล้วออกใหม่
      </p>
      <p class="hint">
        <a href={link}>{link}</a>
      </p>
      <div class="row">
        <Button kind="secondary" onClick={() => void copy()}>
          คัดลอกรหัสและลิงก์
        </Button>
        {share ? (
          <Button kind="secondary" onClick={() => void share(text)}>
            ส่งทาง LINE
          </Button>
        ) : null}
        <Button kind="secondary" onClick={() => props.dispatch({ type: 'issued-dismiss' })}>
          ปิด
        </Button>
      </div>
    </Notice>
  );
}

function MemberCard(props: { member: StaffMemberView; state: MembersState; dispatch: Dispatch; onChanged: () => void }): ComponentChild {
  const { member: m, state: s, dispatch } = props;
  const asking = s.confirm?.ref === m.ref ? s.confirm.role : null;
  const remove = async (role: Role) => {
    const key = `remove-${m.ref}-${role}`;
    if (role === 'integrity_officer' && [...s.reason.trim()].length < 5) {
      dispatch({ type: 'reason-invalid', message: 'กรุณาระบุเหตุผลอย่างน้อย 5 ตัวอักษร' });
      focusSoon(`reason-${m.ref}`);
      return;
    }
    dispatch({ type: 'action-start', key });
    try {
      if (role === 'integrity_officer') {
        await request(`/staff/integrity/officers/${encodeURIComponent(m.ref)}/revoke`, { body: { reason: s.reason.trim() } });
      } else {
        await request(`/staff/members/${encodeURIComponent(m.ref)}/roles/${role}`, { method: 'DELETE' });
      }
      dispatch({ type: 'action-done', text: `ถอนบทบาท${ROLE_LABELS[role]}ของ ${m.displayName || 'ผู้ใช้ LINE'} แล้ว` });
      props.onChanged();
    } catch (err) {
      dispatch({ type: 'action-failed', text: messageOf(err) });
    }
  };
  return (
    <article class="card member" data-member={m.ref}>
      <h3>{m.displayName || 'ผู้ใช้ LINE'}</h3>
      <ul class="plain member-roles">
        {m.roles.map((role, i) => (
          <li key={role} class="member-role">
            <span>{m.roleLabels[i]}</span>
            {asking === role ? null : (
              <button
                type="button"
                class="btn btn-secondary btn-small"
                aria-label={`ถอนบทบาท${ROLE_LABELS[role]}ของ ${m.displayName || 'ผู้ใช้ LINE'}`}
                onClick={() => dispatch({ type: 'ask-remove', ref: m.ref, role })}
              >
                ถอน
              </button>
            )}
          </li>
        ))}
      </ul>
      {asking ? (
        <div class="confirm" role="group" aria-label={`ยืนยันการถอนบทบาท${ROLE_LABELS[asking]}`}>
          <p>{`ถอนบทบาท${ROLE_LABELS[asking]}ของ ${m.displayName || 'ผู้ใช้ LINE'}? ${m.roles.length === 1 ? 'เมื่อไม่มีบทบาทเหลือ ผู้นี้จะไม่ใช่เจ้าหน้าที่และเมนูเจ้าหน้าที่ใน LINE จะหายไป' : 'บทบาทอื่นยังอยู่'}`}</p>
          {asking === 'integrity_officer' ? (
            <TextArea
              id={`reason-${m.ref}`}
              label="เหตุผล"
              hint="บันทึกไว้ และแจ้งเจ้าหน้าที่ศูนย์ฯ ทุกคน"
              required={true}
              value={s.reason}
              onInput={(value) => dispatch({ type: 'reason', value })}
              error={s.reasonError ?? undefined}
              maxLength={500}
              rows={2}
            />
          ) : null}
          <div class="row">
            <Button kind="danger" busy={s.busy === `remove-${m.ref}-${asking}`} onClick={() => void remove(asking)}>
              ยืนยันถอนบทบาท
            </Button>
            <Button kind="secondary" onClick={() => dispatch({ type: 'cancel-remove' })}>
              ยกเลิก
            </Button>
          </div>
        </div>
      ) : null}
    </article>
  );
}

function InviteList(props: { invites: { data: InvitesResponse | undefined; error: unknown; reload: () => void }; state: MembersState; dispatch: Dispatch }): ComponentChild {
  const { invites, state: s, dispatch } = props;
  const revoke = async (i: InviteView) => {
    dispatch({ type: 'action-start', key: `revoke-${i.id}` });
    try {
      await request(`/staff/invites/${encodeURIComponent(i.id)}/revoke`, { body: {} });
      dispatch({ type: 'action-done', text: `ยกเลิกคำเชิญ${i.displayName ? `ของ ${i.displayName}` : ''}แล้ว รหัสนั้นใช้ไม่ได้อีก` });
      invites.reload();
    } catch (err) {
      dispatch({ type: 'action-failed', text: messageOf(err) });
    }
  };
  return (
    <section aria-labelledby="invites-title">
      <h2 id="invites-title">{`คำเชิญที่รอใช้ (${invites.data?.invites.length ?? 0})`}</h2>
      {invites.error ? <ErrorView error={invites.error} retry={invites.reload} staff={true} /> : null}
      {invites.data && !invites.data.invites.length ? <p class="hint">ไม่มีคำเชิญที่รอใช้</p> : null}
      <ul class="plain">
        {(invites.data?.invites ?? []).map((i) => (
          <li key={i.id} class="card invite" data-invite={i.id}>
            <p>
              <strong>{i.displayName || 'ไม่ระบุชื่อ'}</strong>
              {` · ${i.roleLabels.join(', ')}`}
            </p>
            <p class="hint">{`ออกเมื่อ ${formatDateTime(i.createdAt)} · หมดอายุ ${formatDateTime(i.expiresAt)}`}</p>
            <Button kind="secondary" busy={s.busy === `revoke-${i.id}`} onClick={() => void revoke(i)}>
              ยกเลิกคำเชิญ
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
