/**
 * The statuses of plan progress and their Thai labels, as monitoring reports word them. Pure and import-free, so the
 * LIFF app reads the same vocabulary at run time (a table: it imports nothing).
 */
export const PROGRESS_STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, string> = {
  not_started: 'ยังไม่ได้ดำเนินการ',
  in_progress: 'อยู่ระหว่างดำเนินการ',
  done: 'ดำเนินการแล้วเสร็จ',
  cancelled: 'ยกเลิก/เลื่อนการดำเนินการ',
};
