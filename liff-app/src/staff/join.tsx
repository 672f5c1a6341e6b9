import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, request } from '../lib/api.ts';
import { Button, TextField } from '../lib/ui.ts';
import type { InviteAccepted } from '../../../functions/src/contracts/staff.ts';


/**
 * "ใส่รหัสเชิญ" on the staff home of a person who is not staff yet: the code an admin issued on the members page
 * (filled in from `?invite=` when they opened the invitation link; not `code`, which LINE Login uses on its way back). The server decides everything (once, unexpired).
 */
export function JoinWithCode(props: { initialCode: string; onJoined: () => void }): ComponentChild {
  const [code, setCode] = useState(props.initialCode);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const accepted = await request<InviteAccepted>('/staff/invites/accept', { body: { code: code.trim() } });
      if (accepted.staff) props.onJoined();
      else if (accepted.pendingGrant) setPending(true);
    } catch (err) {
      setError(err instanceof ApiError ? (err.issues[0]?.message ?? err.message) : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  if (pending) {
    return (
      <p role="status">
        รับรหัสแล้ว บทบาทเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริตรอเจ้าหน้าที่ศูนย์ฯ อีกคนอนุมัติ เมื่ออนุมัติแล้วจะแจ้งใน LINE
      </p>
    );
  }
  return (
    <form class="join" onSubmit={(e) => void submit(e)} noValidate={true}>
      <TextField
        id="join-code"
        label="รหัสเชิญ"
        hint="8 ตัวอักษร เช่น K7QM-4TZP จากผู้ดูแลระบบ"
        required={true}
        value={code}
        onInput={setCode}
        error={error}
        autocomplete="off"
      />
      <Button type="submit" busy={busy}>
        เข้าร่วม
      </Button>
    </form>
  );
}
