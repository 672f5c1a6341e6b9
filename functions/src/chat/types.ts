import type { messagingApi } from '@line/bot-sdk';

export type Message = messagingApi.Message;

export type Intent =
  | 'project'
  | 'project.budget'
  | 'project.progress'
  | 'list'
  | 'count'
  | 'budget.total'
  | 'budget.top'
  | 'budget.bottom'
  | 'budget.average'
  | 'dimension.rank'
  | 'progress'
  | 'manual'
  | 'manual.list'
  | 'complaint'
  | 'complaint.track'
  | 'corruption'
  | 'queue'
  | 'queue.status'
  | 'rating'
  | 'greeting'
  | 'help'
  | 'unknown';

export interface ResultRef {
  type: 'project' | 'manual' | 'dimension' | 'report';
  id: string;
  title: string;
  score: number;
  /** The name exactly as the document wrote it, when the importer repaired it (OCR letters, line-wrap spaces). */
  writtenAs?: string;
  /** Another name the document gives the same item (its detail section's heading), when it differs. */
  alsoCalled?: string;
}

/** A budget threshold, baht ("ตั้งแต่ 20,000 บาทขึ้นไป": min 20,000 inclusive). */
export interface BudgetRange {
  min?: { value: number; inclusive: boolean };
  max?: { value: number; inclusive: boolean };
}

/** Filters of a list/count/total question, kept so a follow-up can change one of them. */
export interface ListFilters {
  dimension?: number;
  mission?: string;
  /** Several missions at once: a topic that the titles of more than one mission name. */
  missions?: string[];
  unit?: string;
  year?: number;
  withBudget?: boolean;
  /** Only items without a budget ("ไม่ใช้งบประมาณ"). */
  noBudget?: boolean;
  /** Items found by a topic ("เรื่องของขวัญ"): the question's words and the items search found close to the best. */
  topic?: { text: string; ids: string[] };
  /** A total over every year of the plan was asked for ("ทั้งแผน 5 ปี"). */
  allYears?: boolean;
  /** The figure of each year was asked for ("ปีละเท่าไร", "แต่ละปี"). */
  perYear?: boolean;
  /** Items whose budget (of `year`, else of some year of the plan) is within this range; items without one never are. */
  budgetRange?: BudgetRange;
  /** Items left out: "โครงการอื่นในมิติเดียวกัน" leaves out the item just answered. */
  exclude?: string[];
}

/**
 * What the bot remembers of a conversation between two messages (per organisation and user): short, and only
 * to resolve follow-ups like "แล้วปี 2568 ล่ะ" and "อันที่ 2". Stale after `CONTEXT_TTL_MS`.
 */
export interface ConversationContext {
  intent: Intent;
  /** The project or manual the last answer was about. */
  topic?: { type: 'project' | 'manual'; id: string };
  filters?: ListFilters;
  /** Year the last answer was about. */
  year?: number;
  /** Items of the last list, in the order shown ("อันที่ 2" picks the second). */
  list?: Array<{ type: 'project' | 'manual'; id: string }>;
  /** How many list items have been shown (for "ดูเพิ่ม"). */
  shown?: number;
  /** The report figure the last answer gave (done, spent…), kept for "แล้วมิติที่ 2 ล่ะ". */
  measure?: 'done' | 'notDone' | 'planned' | 'spent' | 'ordinance' | 'budgetPlanned' | 'percent' | 'percentBudget';
  /** Language of the conversation: answers follow the question's language. */
  lang?: 'th' | 'en';
  /** ISO time of the answer. */
  at: string;
}

export const CONTEXT_TTL_MS = 30 * 60 * 1000;

/** Where one figure of a reply comes from: the document (plan or report) and its 1-based line, or a manual. */
export interface FigureSource {
  /** The figure as the reply writes it, e.g. "50,000 บาท", "45 โครงการ". */
  figure: string;
  kind: 'plan' | 'report' | 'manual' | 'progress';
  planId?: string;
  manualId?: string;
  /** kind "progress": the project, fiscal year and Bangkok day of the progress staff recorded. */
  projectId?: string;
  fiscalYear?: number;
  asOf?: string;
  line?: number;
  /** Set when the reply computed the figure from stated ones (a sum of rows, a count): how. */
  derived?: string;
}

/**
 * Progress staff recorded on one project of the current plan (progress/), as the engine reads it: an input of the
 * answer like the corpus, fetched by the entry point (`answer`) only when the decision needs it.
 */
export interface LiveProgress {
  projectId: string;
  projectName: string;
  fiscalYear: number;
  status: 'not_started' | 'in_progress' | 'done' | 'cancelled';
  statusLabel: string;
  reason: string | null;
  spentBaht: number;
  /** The plan's budget of the project for that year (null when the plan states none). */
  budgetBaht: number | null;
  finishedOn: string | null;
  results: string;
  /** The Bangkok day of the last change (YYYY-MM-DD). */
  asOf: string;
  /** The Thai sentence of the record, with the date of the data ("ข้อมูล ณ วันที่ …"). */
  text: string;
}

/** Looks up the newest recorded progress of a project (I/O: provided by the wiring, like the corpus). */
export type ProgressLookup = (orgId: string, projectId: string) => Promise<LiveProgress | null>;

/** Every project's recorded progress of one fiscal year (I/O: provided by the wiring). */
export type YearProgressLookup = (orgId: string, fiscalYear: number) => Promise<LiveProgress[]>;

export interface AnswerOutput {
  intent: Intent;
  results: ResultRef[];
  messages: Message[];
  context: ConversationContext | null;
  /** Every figure the reply states, with its source (empty when it states none). */
  sources?: FigureSource[];
  /** 0..1: how sure the engine is that it understood the question (below the threshold it abstains). */
  confidence?: number;
}
