import type { Project } from '../plans/schema.ts';
import type { CorpusManual } from '../search/corpus.ts';
import type { SearchHit } from '../search/index.ts';
import type { DimensionMeasure, ReportMeasure } from './figures.ts';
import type { StatusField } from './reportStatus.ts';
import type { ListFilters, LiveProgress } from './types.ts';
import type { ManualAspect } from './aspects.ts';
import type { Action } from './understand.ts';

/** What `decide` concludes about a question: one intent with its slots and a confidence (answered by responders.ts). */
export type AggregateIntent = 'list' | 'count' | 'budget.total' | 'budget.top' | 'budget.bottom' | 'budget.average';

export type Decision = { confidence: number } & (
  | { intent: 'help' | 'greeting'; lead?: string }
  /** `itemFirst`: the question fits the plan's own item for this channel better than the manual ("ร้องเรียนผ่านไลน์ได้ไหม"). */
  | { intent: 'action'; action: Action; itemFirst?: boolean }
  | { intent: 'project' | 'project.budget' | 'project.progress'; project: Project; year?: number | undefined; hits: SearchHit[]; fromList?: boolean }
  | { intent: 'manual'; manual: CorpusManual; aspects: ManualAspect[]; hits: SearchHit[] }
  | { intent: AggregateIntent; filters: ListFilters }
  | { intent: 'progress'; filters: ListFilters; measure: ReportMeasure | null }
  | { intent: 'progress.recorded'; year: number; records: LiveProgress[] }
  | { intent: 'report.status'; field: StatusField }
  | { intent: 'manual.list' }
  | { intent: 'dimension.rank'; measure: DimensionMeasure; dir: 'top' | 'bottom'; year?: number | undefined }
  | { intent: 'unknown'; hits: SearchHit[]; reason: 'off-topic' | 'unsure' | 'no-plan' | 'year' | 'period' | 'no-report' | 'no-field' | 'choices' | 'not-in-plan'; year?: number; period?: string; manual?: CorpusManual }
);

/** Below this the engine abstains rather than shows its best guess. */
export const CONFIDENCE_THRESHOLD = 0.55;
/** For a list of items about a topic ("โครงการเกี่ยวกับ…มีอะไรบ้าง"). */
export const LIST_CONFIDENCE_THRESHOLD = 0.4;

