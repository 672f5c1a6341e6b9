import type { ComponentChild } from 'preact';
import type { MineResponse } from '../../../functions/src/contracts/complaints.ts';
import { StatusBadge } from '../lib/complaints.ts';
import { formatDate } from '../lib/format.ts';
import { ErrorView, Link, Loading, useApi } from '../lib/ui.ts';

export default function MyComplaints(): ComponentChild {
  const { data, error, loading, reload } = useApi<MineResponse>('/complaints/mine');
  if (loading) return <Loading />;
  if (error) return <ErrorView error={error} retry={reload} />;
  const items = data?.complaints ?? [];
  if (items.length === 0) {
    return (
      <div>
        <p>ยังไม่มีเรื่องที่แจ้งด้วยบัญชี LINE นี้ เรื่องที่แจ้งแบบไม่ระบุตัวตนจะไม่แสดงที่นี่ ใช้รหัสติดตามและรหัสลับแทน</p>
        <div class="stack">
          <Link to="complaints/new" class="btn btn-primary">
            แจ้งเรื่องใหม่
          </Link>
          <Link to="complaints/track" class="btn btn-secondary">
            ติดตามด้วยรหัส
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div>
      <p>{`ทั้งหมด ${items.length} เรื่อง`}</p>
      <ul class="list">
        {items.map((c) => (
          <li key={c.trackingCode}>
            <Link to={`complaints/${encodeURIComponent(c.trackingCode)}`} class="list-item">
              <strong>{c.title || c.trackingCode}</strong>
              <span class="meta">{`รหัส ${c.trackingCode} · แจ้งเมื่อ ${formatDate(c.receivedAt)}`}</span>
              <StatusBadge status={c.status} />
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
