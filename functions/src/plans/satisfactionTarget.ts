/**
 * The citizen-satisfaction target a plan sets for its services. Plans state it in the indicators and outcomes of their
 * service projects ("ประชาชนผู้รับบริการ … มีความพึงพอใจต่อคุณภาพการให้บริการ … ไม่น้อยกว่า ร้อยละ 80"); the
 * satisfaction results are compared with it. Pure: reads parsed projects, returns the figure and where it is written.
 */
import { thaiDigitsToArabic } from '../text/numbers.ts';
import type { Project } from './schema.ts';

export interface SatisfactionTarget {
  percent: number;
  /** How many of the plan's statements give this figure (several projects usually repeat it). */
  statements: number;
  /** The first statement giving it: project and the sentence as the document writes it. */
  projectId: string;
  projectName: string;
  text: string;
}

// Residents as the ones satisfied: staff satisfaction ("บุคลากร … พึงพอใจต่อระบบเลื่อนขั้น") is another target.
const CITIZENS = /ประชาชน|ผู้รับบริการ|ผู้มาขอรับบริการ|ผู้มารับบริการ|ผู้ใช้บริการ/;
const STAFF_SUBJECT = /^(?:[-–•\d).\s]*)(?:บุคลากร|พนักงาน|ข้าราชการ|เจ้าหน้าที่|ผู้ที่เกี่ยวข้อง|ระดับความพึงพอใจของผู้ที่เกี่ยวข้อง)/;
const PERCENT = /ร้อยละ\s*(\d{1,3}(?:\.\d+)?)|(\d{1,3}(?:\.\d+)?)\s*%/g;

/** The sentences of a project that may state a target: indicators, outcomes, outputs, objectives, report results. */
function statementsOf(p: Project): string[] {
  const d = p.detail;
  return [
    ...(d ? [...d.kpis, ...d.outcomes, ...d.outputs, ...d.objectives] : []),
    ...(p.yearPlan ? [p.yearPlan.kpi, p.yearPlan.outcome] : []),
    ...(p.activity ? [...p.activity.results, ...p.activity.steps] : []),
  ].flatMap((t) => t.split(/\n+/));
}

/** The percentage a sentence sets as residents' satisfaction with the services, or null when it sets none. */
export function satisfactionPercentIn(sentence: string): number | null {
  const s = thaiDigitsToArabic(sentence).replace(/\s+/g, ' ').trim();
  if (!s.includes('พึงพอใจ') || !s.includes('บริการ') || !CITIZENS.test(s) || STAFF_SUBJECT.test(s)) return null;
  // The last percentage is the threshold ("… อยู่ในระดับ 80 … มากกว่า ร้อยละ 80"); a share of people comes before it.
  const values = [...s.matchAll(PERCENT)].map((m) => Number(m[1] ?? m[2])).filter((v) => v > 0 && v <= 100);
  return values.at(-1) ?? null;
}

/** The figure most of the plan's statements give (ties: the one written first), or null when the plan sets none. */
export function satisfactionTargetOf(projects: readonly Project[]): SatisfactionTarget | null {
  const found = new Map<number, SatisfactionTarget>();
  for (const p of projects) {
    for (const sentence of statementsOf(p)) {
      const percent = satisfactionPercentIn(sentence);
      if (percent === null) continue;
      const seen = found.get(percent);
      if (seen) seen.statements += 1;
      else found.set(percent, { percent, statements: 1, projectId: p.id, projectName: p.name, text: sentence.replace(/\s+/g, ' ').trim() });
    }
  }
  let best: SatisfactionTarget | null = null;
  for (const t of found.values()) if (!best || t.statements > best.statements) best = t;
  return best;
}
