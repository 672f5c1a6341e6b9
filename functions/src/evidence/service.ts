/**
 * The evidence index of an assessment year: each item of that year's list (years/), with the public URL the product
 * serves it at, whether its data is complete for the year, when that data last changed, and where the item comes
 * from. Readiness rules (docs/reports.md):
 * - plan: the current plan covers the year; reports: the period has ended and every project of the year has progress
 *   recorded; manuals: all standard manuals present; channels and e-service: the organisation's LIFF app is reachable;
 * - statistics: the year has begun and has at least one record of its kind (complaints, tickets, ratings); corruption
 *   statistics are ready once the year has begun (zero reports is a figure too).
 */
import type { Firestore } from '../store/firestore.ts';
import type { Clock } from '../clock.ts';
import { NotFoundError } from '../errors.ts';
import { liffUrl } from '../line/liff.ts';
import { getManualsUpdatedAt, listManuals } from '../manuals/store.ts';
import { STANDARD_MANUAL_IDS } from '../manuals/standard.ts';
import type { Org } from '../orgs/schema.ts';
import { getCurrentPlan } from '../plans/store.ts';
import { projectsOfYear } from '../progress/projects.ts';
import { listRecords } from '../progress/store.ts';
import { bangkokDate } from '../time/bangkok.ts';
import { fiscalYearOfDate } from '../time/fiscalYear.ts';
import { periodRange, type Period } from '../reports/build.ts';
import { reportUrl } from '../reports/routes.ts';
import { orgStatistics } from '../statistics/service.ts';
import { statisticsUrl } from '../statistics/routes.ts';
import type { EvidenceItem, EvidenceYear, Serves } from './schema.ts';
import { EVIDENCE_YEARS } from './years/index.ts';

export interface EvidenceDeps {
  db: Firestore;
  clock: Clock;
  /** Local mode: LIFF pages are served by this server at {base}/liff/… instead of liff.line.me. */
  liffLocalBase?: string | undefined;
}

export interface IndexedItem {
  code: string;
  title: string;
  /** A site-relative path of this server, or an absolute LIFF link; null when the product cannot serve it yet. */
  url: string | null;
  ready: boolean;
  updatedAt: string | null;
  source: string;
  codeVerified: boolean;
  serves: Serves;
  /** Why it is not ready (Thai), when it is not. */
  note: string | null;
}

export interface EvidenceIndex {
  year: number;
  org: { id: string; name: string };
  manual: EvidenceYear['manual'];
  verified: boolean;
  verification: string;
  generatedAt: string;
  items: IndexedItem[];
}

export function currentAssessmentYear(now: Date): number {
  return fiscalYearOfDate(bangkokDate(now));
}

export const knownYears = () => [...EVIDENCE_YEARS.keys()].sort();

export async function evidenceIndex(deps: EvidenceDeps, org: Org, year: number): Promise<EvidenceIndex> {
  const list = EVIDENCE_YEARS.get(year);
  if (!list) throw new NotFoundError(`evidence list ${year}`, `ยังไม่มีรายการหลักฐานของปีประเมิน ${year} (มีปี ${knownYears().join(', ')})`);
  const now = deps.clock.now();
  const today = bangkokDate(now);
  const range = periodRange(year, 'annual');
  const started = today >= range.from;

  const [current, manuals, manualsUpdatedAt, records] = await Promise.all([
    getCurrentPlan(deps.db, org.id),
    listManuals(deps.db, org.id),
    getManualsUpdatedAt(deps.db, org.id),
    listRecords(deps.db, org.id, year),
  ]);
  const stats = started ? await orgStatistics(deps, org, year) : null;
  const planCovers = !!current && current.plan.fiscalYears.includes(year);
  const projects = current && planCovers ? projectsOfYear(current.plan, current.projects, year) : [];
  const recorded = new Set(records.map((r) => r.projectId));
  const lastProgress = records.map((r) => r.updatedAt).sort().at(-1) ?? null;
  const liff = (path: string) => liffUrl(org, path, deps.liffLocalBase) ?? null;
  const manualIds = new Set(manuals.map((m) => m.id));
  const complaintManual = manuals.find((m) => m.id === 'complaint-process');

  const report = (period: Period): Omit<IndexedItem, keyof EvidenceItem | 'source'> => {
    if (!planCovers) return { url: null, ready: false, updatedAt: null, note: 'แผนปัจจุบันไม่ครอบคลุมปีนี้' };
    const ended = today > periodRange(year, period).to;
    const missing = projects.filter((p) => !recorded.has(p.id)).length;
    const note = !ended ? 'ยังไม่สิ้นสุดรอบรายงาน' : missing ? `ยังไม่ได้บันทึกความคืบหน้า ${missing} โครงการ` : null;
    return { url: reportUrl(org.id, year, period), ready: note === null, updatedAt: lastProgress, note };
  };
  const statistics = (count: number | null, what: string) => ({
    url: started ? statisticsUrl(org.id, year) : null,
    ready: started && (count === null || count > 0),
    updatedAt: stats?.generatedAt ?? null,
    note: !started ? 'ปีงบประมาณยังไม่เริ่ม' : count === 0 ? `ยังไม่มี${what}ในปีนี้` : null,
  });
  const link = (url: string | null) => ({ url, ready: url !== null, updatedAt: null, note: url ? null : 'ยังไม่ได้ตั้งค่าแอป LIFF ของหน่วยงาน' });

  const resolve = (serves: Serves): Omit<IndexedItem, keyof EvidenceItem | 'source'> => {
    switch (serves) {
      case 'plan':
        return current
          ? { url: `/api/orgs/${encodeURIComponent(org.id)}/plans/${encodeURIComponent(current.plan.id)}`, ready: planCovers, updatedAt: current.plan.importedAt, note: planCovers ? null : 'แผนปัจจุบันไม่ครอบคลุมปีนี้' }
          : { url: null, ready: false, updatedAt: null, note: 'ยังไม่ได้นำเข้าแผน' };
      case 'report-six-month':
        return report('six-month');
      case 'report-annual':
        return report('annual');
      case 'service-manuals': {
        const missing = STANDARD_MANUAL_IDS.filter((id) => !manualIds.has(id)).length;
        return { url: `/api/orgs/${encodeURIComponent(org.id)}/manuals`, ready: missing === 0, updatedAt: manualsUpdatedAt, note: missing ? `ขาดคู่มือมาตรฐาน ${missing} รายการ` : null };
      }
      case 'complaint-guideline':
        return complaintManual
          ? { url: `/api/orgs/${encodeURIComponent(org.id)}/manuals/complaint-process`, ready: true, updatedAt: complaintManual.updatedAt ?? null, note: null }
          : { url: null, ready: false, updatedAt: null, note: 'ยังไม่มีคู่มือการร้องเรียน' };
      case 'service-statistics':
        return statistics(stats ? stats.queue.totals.issued : null, 'บัตรคิว');
      case 'satisfaction-results': {
        const s = statistics(stats ? stats.ratings.total.ratings : null, 'ผลการประเมินความพึงพอใจ');
        return { ...s, url: started ? `/orgs/${encodeURIComponent(org.id)}/ratings/results?from=${range.from}&to=${stats?.through ?? range.to}` : null };
      }
      case 'complaint-statistics':
        return statistics(stats ? stats.complaints.general.totals.received : null, 'เรื่องร้องเรียน');
      case 'corruption-statistics':
        return statistics(null, '');
      case 'e-service':
        return link(liff(''));
      case 'complaint-channel':
        return link(liff('complaints/new/general'));
      case 'corruption-channel':
        return link(liff('complaints/new/corruption'));
      case 'qa-channel':
        return link(liff(''));
    }
  };

  const source = (i: EvidenceItem) =>
    `${list.manual.title}${i.codeVerified ? '' : i.codeSource ? ' (รหัสตามหน้าเว็บที่เผยแพร่ซ้ำ ยังไม่ได้ตรวจกับคู่มือ)' : ' (รหัสของระบบ ยังไม่ได้ตรวจกับคู่มือ)'}`;
  return {
    year,
    org: { id: org.id, name: org.name },
    manual: list.manual,
    verified: list.verified,
    verification: list.verification,
    generatedAt: now.toISOString(),
    items: list.items.map((i) => ({ code: i.code, title: i.title, ...resolve(i.serves), source: source(i), codeVerified: i.codeVerified, serves: i.serves })),
  };
}
