import { h, type ComponentChild } from 'preact';
import { formatDateTime } from '../lib/format.ts';
import type { PageProps } from '../lib/router.ts';
import { ErrorView, Link, Loading, useApi } from '../lib/ui.ts';
import './plans.css';

/**
 * Admins: plan versions imported as drafts (`npm run import` without --publish), waiting for a person to check the
 * fields the importer was not sure of before residents see them. Chat and the public plan pages serve the published
 * plan meanwhile.
 */
interface Draft {
  id: string;
  kind: 'plan' | 'report';
  title: string;
  fiscalYears: number[];
  importedAt: string;
  source: string;
  projectCount: number;
  flaggedProjects: number;
  openFlags: number;
}

export default function PlanDrafts(_props: PageProps): ComponentChild {
  const { data, error, loading, reload } = useApi<{ drafts: Draft[]; currentPlanId: string | null }>('/plans/drafts');
  if (error) return h(ErrorView, { error, retry: reload, staff: true });
  if (loading && !data) return h(Loading, null);
  const drafts = data?.drafts ?? [];
  return h(
    'div',
    { class: 'pr-page' },
    h('p', null, 'แผนที่นำเข้าเป็นร่างจะยังไม่แสดงต่อประชาชนและแชตบอต จนกว่าผู้ดูแลระบบจะตรวจช่องที่ระบบไม่แน่ใจและกดเผยแพร่'),
    drafts.length === 0 ? h('p', { class: 'hint' }, 'ไม่มีร่างแผนที่รอตรวจ') : null,
    h(
      'ul',
      { class: 'pr-drafts' },
      drafts.map((d) =>
        h(
          'li',
          { key: d.id, class: 'card', 'data-draft': d.id },
          h('h2', null, h(Link, { to: `staff/plans/${d.id}` }, d.title || 'ร่างแผน')),
          h('p', { class: 'hint' }, `ปีงบประมาณ ${d.fiscalYears.join(', ')} · ไฟล์ ${d.source} · นำเข้าเมื่อ ${formatDateTime(d.importedAt)}`),
          h(
            'p',
            null,
            `${d.projectCount} โครงการ · ${d.flaggedProjects} โครงการมีช่องที่ต้องตรวจ · `,
            d.openFlags > 0 ? h('strong', null, `ยังไม่ได้ตรวจ ${d.openFlags} ช่อง`) : 'ตรวจครบแล้ว พร้อมเผยแพร่',
          ),
        ),
      ),
    ),
  );
}
