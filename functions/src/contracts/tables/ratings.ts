/**
 * The satisfaction survey's vocabulary: items, scale, age groups, sources and their Thai labels. A table (imports
 * nothing), so the LIFF pages run the same words (contracts/ratings.ts re-exports it for the server).
 */
/** Survey items, in the order forms and reports show them. */
export const ITEMS = ['process', 'staff', 'facilities', 'quality', 'overall'] as const;
export type Item = (typeof ITEMS)[number];

export const ITEM_LABELS: Record<Item, string> = {
  process: 'ด้านกระบวนการ/ขั้นตอนการให้บริการ',
  staff: 'ด้านเจ้าหน้าที่/บุคลากรผู้ให้บริการ',
  facilities: 'ด้านสิ่งอำนวยความสะดวก',
  quality: 'ด้านคุณภาพของการให้บริการ',
  overall: 'ความพึงพอใจโดยรวม',
};

/** Short labels for cards and chart axes. */
export const ITEM_SHORT_LABELS: Record<Item, string> = {
  process: 'ขั้นตอน',
  staff: 'เจ้าหน้าที่',
  facilities: 'สิ่งอำนวยความสะดวก',
  quality: 'คุณภาพ',
  overall: 'โดยรวม',
};

export const SCORES = [1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];

export const SCORE_LABELS: Record<Score, string> = {
  1: 'น้อยที่สุด',
  2: 'น้อย',
  3: 'ปานกลาง',
  4: 'มาก',
  5: 'มากที่สุด',
};

/** A score at or below this notifies the service's staff at once. */
export const LOW_SCORE = 2;

export const AGE_GROUPS = ['under-20', '20-29', '30-39', '40-49', '50-59', '60-plus'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const AGE_GROUP_LABELS: Record<AgeGroup, string> = {
  'under-20': 'ต่ำกว่า 20 ปี',
  '20-29': '20-29 ปี',
  '30-39': '30-39 ปี',
  '40-49': '40-49 ปี',
  '50-59': '50-59 ปี',
  '60-plus': '60 ปีขึ้นไป',
};

/** How the rater came to the form; each has its own "once only" rule (docs/ratings.md). */
export const SOURCES = ['ticket', 'complaint', 'walkin'] as const;
export type Source = (typeof SOURCES)[number];
export const SOURCE_LABELS: Record<Source, string> = {
  ticket: 'หลังรับบริการตามบัตรคิว',
  complaint: 'หลังเรื่องร้องเรียนเสร็จสิ้น',
  walkin: 'สแกน QR Code ที่จุดบริการ',
};

/**
 * The "service" a complaint rating is about: how the organisation handled the complaint. It has the id of the
 * national complaint-process manual, needs no queue service, and takes ratings only with a complaint id.
 */
export const COMPLAINT_SERVICE_ID = 'complaint-process';
export const COMPLAINT_SERVICE_TITLE = 'การจัดการเรื่องร้องเรียน/ร้องทุกข์';

export const COMMENT_MAX = 500;
