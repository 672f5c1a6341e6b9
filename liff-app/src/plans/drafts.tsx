import type { ComponentChild } from 'preact';
import { formatDateTime } from '../lib/format.ts';
import type { PageProps } from '../lib/router.ts';
import type { DraftList } from './model.ts';
import { ErrorView, Link, Loading, useApi } from '../lib/ui.ts';
import './plans.css';

/**
 * Admins: plan versions imported as drafts (`npm run import` without --publish), waiting for a person to check the
 * fields the importer was not sure of before residents see them. Chat and the public plan pages serve the published
 * plan meanwhile.
 */

export default function PlanDrafts(_props: PageProps): ComponentChild {
  const { data, error, loading, reload } = useApi<DraftList>('/plans/drafts');
  if (error) return <ErrorView error={error} retry={reload} staff={true} />;
  if (loading && !data) return <Loading />;
  const drafts = data?.drafts ?? [];
  return (
    <div class="pr-page">
      <p>แผนที่นำเข้าเป็นร่างจะยังไม่แสดงต่อประชาชนและแชตบอต จนกว่าผู้ดูแลระบบจะตรวจช่องที่ระบบไม่แน่ใจและกดเผยแพร่</p>
      {drafts.length === 0 ? <p class="hint">ไม่มีร่างแผนที่รอตรวจ</p> : null}
      <ul class="pr-drafts">
        {drafts.map((d) => (
          <li key={d.id} class="card" data-draft={d.id}>
            <h2>
              <Link to={`staff/plans/${d.id}`}>{d.title || 'ร่างแผน'}</Link>
            </h2>
            <p class="hint">{`ปีงบประมาณ ${d.fiscalYears.join(', ')} · ไฟล์ ${d.source} · นำเข้าเมื่อ ${formatDateTime(d.importedAt)}`}</p>
            <p>
              {`${d.projectCount} โครงการ · ${d.flaggedProjects} โครงการมีช่องที่ต้องตรวจ · `}
              {d.openFlags > 0 ? <strong>{`ยังไม่ได้ตรวจ ${d.openFlags} ช่อง`}</strong> : 'ตรวจครบแล้ว พร้อมเผยแพร่'}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
