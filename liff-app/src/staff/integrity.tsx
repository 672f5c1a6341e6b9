import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, request } from '../lib/api.ts';
import { formatDateTime } from '../lib/format.ts';
import type { PageProps } from '../lib/router.ts';
import type { Grant } from './model.ts';
import { Button, ErrorView, Link, Loading, Notice, TextArea, useApi } from '../lib/ui.ts';

/**
 * Integrity officers: requests to make someone an integrity officer (the only role that can learn who reported
 * corruption). An admin's invitation never gives the role by itself: another integrity officer, not the requester and
 * not the person named, approves or rejects it here. Every decision is written to the audit log and every integrity
 * officer is told in LINE.
 */

const STATUS: Record<Grant['status'], string> = { pending: 'รออนุมัติ', approved: 'อนุมัติแล้ว', rejected: 'ไม่อนุมัติ', expired: 'หมดอายุ' };

export default function IntegrityGrants(_props: PageProps): ComponentChild {
  const { data, error, loading, reload } = useApi<{ grants: Grant[] }>('/staff/integrity/grants');
  if (error) return <ErrorView error={error} retry={reload} staff={true} />;
  if (loading && !data) return <Loading />;
  const grants = data?.grants ?? [];
  const pending = grants.filter((g) => g.status === 'pending');
  const decided = grants.filter((g) => g.status !== 'pending');
  return (
    <div>
      <p>การแต่งตั้งเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริตต้องมีผู้อนุมัติคนที่สองเสมอ ผู้ขอและผู้ได้รับการแต่งตั้งอนุมัติเองไม่ได้</p>
      <p>
        <Link to="staff/integrity/audit">ดูบันทึกการเข้าถึงและการแต่งตั้ง ›</Link>
      </p>
      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{`คำขอที่รออนุมัติ (${pending.length})`}</h2>
        {pending.length === 0 ? <p class="hint">ไม่มีคำขอที่รออนุมัติ</p> : null}
        <ul class="plain">
          {pending.map((g) => (
            <li key={g.id}>
              <PendingGrant grant={g} onDecided={reload} />
            </li>
          ))}
        </ul>
      </section>
      {decided.length ? (
        <section aria-labelledby="decided-title">
          <h2 id="decided-title">คำขอที่พิจารณาแล้ว</h2>
          <ul class="plain">
            {decided.map((g) => (
              <li key={g.id} class="card grant">
                <p>
                  <strong>{g.grantee.displayName || 'ผู้ใช้ LINE'}</strong>
                  {` · ${STATUS[g.status]}`}
                </p>
                <p class="hint">
                  {`ขอโดย ${g.requestedBy.displayName || 'ผู้ดูแลระบบ'} เมื่อ ${formatDateTime(g.requestedAt)}`}
                  {g.decidedBy ? ` · พิจารณาโดย ${g.decidedBy.displayName} เมื่อ ${formatDateTime(g.decidedAt ?? '')}` : ''}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function PendingGrant(props: { grant: Grant; onDecided: () => void }): ComponentChild {
  const g = props.grant;
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const decide = async (approve: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      await request(`/staff/integrity/grants/${encodeURIComponent(g.id)}/${approve ? 'approve' : 'reject'}`, {
        body: reason.trim() ? { reason: reason.trim() } : {},
      });
      props.onDecided();
    } catch (err) {
      setProblem(err instanceof ApiError && err.issues.length ? err.issues.map((i) => i.message).join(' ') : err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <article class="card grant" data-grant={g.id}>
      <h3>{g.grantee.displayName || 'ผู้ใช้ LINE'}</h3>
      <p>{`ขอแต่งตั้งโดย ${g.requestedBy.displayName || 'ผู้ดูแลระบบ'} เมื่อ ${formatDateTime(g.requestedAt)}`}</p>
      {g.selfRequested ? (
        <Notice kind="warning">
          <p>ผู้ขอแต่งตั้งบัญชีของตนเอง โปรดตรวจสอบกับผู้บริหารก่อนอนุมัติ</p>
        </Notice>
      ) : null}
      <p class="hint">{`หมดอายุ ${formatDateTime(g.expiresAt)}`}</p>
      {problem ? (
        <Notice kind="error" role="alert">
          <p>{problem}</p>
        </Notice>
      ) : null}
      {g.canDecide ? (
        <div>
          <TextArea id={`reason-${g.id}`} label="หมายเหตุ / เหตุผล" hint="บันทึกไว้ในบันทึกการแต่งตั้ง" value={reason} onInput={setReason} maxLength={500} rows={2} />
          <div class="row">
            <Button busy={busy} onClick={() => void decide(true)}>
              อนุมัติ
            </Button>
            <Button kind="secondary" busy={busy} onClick={() => void decide(false)}>
              ไม่อนุมัติ
            </Button>
          </div>
        </div>
      ) : (
        <Notice kind="info">
          <p>คุณพิจารณาคำขอนี้เองไม่ได้ (เป็นผู้ขอหรือผู้ได้รับการแต่งตั้ง) ต้องเป็นเจ้าหน้าที่ศูนย์ฯ คนอื่น</p>
        </Notice>
      )}
    </article>
  );
}
