import type { PageModule, Route } from './lib/router.ts';

/**
 * Every page, lazily loaded. Order matters: fixed paths before ':param' ones. Staff pages are their own chunks, so
 * citizens never download them.
 */
const page = (title: string, load: () => Promise<{ default: PageModule['default'] }>) => async (): Promise<PageModule> => ({
  default: (await load()).default,
  title,
});

export const routes: Route[] = [
  { pattern: '', load: page('บริการของหน่วยงาน', () => import('./pages/home.tsx')) },
  { pattern: 'complaints/new', load: page('ร้องเรียน / แจ้งเรื่อง', () => import('./pages/complaintChoice.tsx')) },
  {
    pattern: 'complaints/new/general',
    load: async () => ({ default: (await import('./pages/complaintForm.tsx')).GeneralForm, title: 'แจ้งเรื่องร้องเรียนทั่วไป' }),
  },
  {
    pattern: 'complaints/new/corruption',
    load: async () => ({ default: (await import('./pages/complaintForm.tsx')).CorruptionForm, title: 'แจ้งเบาะแสการทุจริตและประพฤติมิชอบ' }),
  },
  { pattern: 'complaints/mine', load: page('เรื่องของฉัน', () => import('./pages/mine.tsx')) },
  { pattern: 'complaints/track', load: page('ติดตามเรื่องด้วยรหัส', () => import('./pages/track.tsx')) },
  { pattern: 'complaints/:trackingCode', load: page('สถานะเรื่อง', () => import('./pages/complaintStatus.tsx')) },
  { pattern: 'stats', load: page('สถิติเรื่องร้องเรียน', () => import('./pages/stats.tsx')) },
  // The staff home: per role, the places this person works (the rich menu and staff messages open it).
  { pattern: 'staff', load: page('หน้าเจ้าหน้าที่', () => import('./staff/home.tsx')) },
  // Links in staff LINE messages use staff/complaints?kind=…: the same inbox.
  { pattern: 'staff/complaints', load: page('เรื่องร้องเรียน (เจ้าหน้าที่)', () => import('./staff/inbox.tsx')) },
  { pattern: 'staff/complaints/:id', load: page('รายละเอียดเรื่อง (เจ้าหน้าที่)', () => import('./staff/detail.tsx')) },
  // Integrity officers: grant approvals and the audit log (links in their LINE messages open staff/integrity).
  // Admins: members, their roles, invitation codes.
  { pattern: 'staff/members', load: page('สมาชิกและรหัสเชิญ (ผู้ดูแลระบบ)', () => import('./staff/members.tsx')) },
  { pattern: 'staff/integrity', load: page('แต่งตั้งเจ้าหน้าที่ศูนย์ฯ (รออนุมัติ)', () => import('./staff/integrity.tsx')) },
  { pattern: 'staff/integrity/audit', load: page('บันทึกการเข้าถึงตัวตนผู้แจ้งและการแต่งตั้ง', () => import('./staff/audit.tsx')) },
  // Admins: draft plan versions to review and publish (docs/importing.md).
  { pattern: 'staff/plans', load: page('ร่างแผนรอตรวจ (ผู้ดูแลระบบ)', () => import('./plans/drafts.tsx')) },
  { pattern: 'staff/plans/:planId', load: page('ตรวจร่างแผนก่อนเผยแพร่', () => import('./plans/review.tsx')) },
  // Filled by the queue and rating issues.
  { pattern: 'queue', load: page('รับบัตรคิว', () => import('./queue/services.tsx')) },
  { pattern: 'queue/:serviceId', load: page('รับบัตรคิว', () => import('./queue/service.tsx')) },
  { pattern: 'tickets/:id', load: page('บัตรคิวของฉัน', () => import('./queue/ticket.tsx')) },
  { pattern: 'staff/queue', load: page('เรียกคิว (เจ้าหน้าที่)', () => import('./queue/staff.tsx')) },
  { pattern: 'ratings/new', load: page('ประเมินความพึงพอใจ', () => import('./ratings/form.tsx')) },
  { pattern: 'ratings/results', load: page('ผลความพึงพอใจ', () => import('./ratings/results.tsx')) },
  { pattern: 'staff/progress', load: page('ความคืบหน้าตามแผน (เจ้าหน้าที่)', () => import('./progress/list.tsx')) },
  { pattern: 'staff/progress/report-text', load: page('ปัญหาและข้อเสนอแนะในรายงาน', () => import('./progress/reportText.tsx')) },
  { pattern: 'staff/progress/:year/:projectId', load: page('บันทึกความคืบหน้าโครงการ', () => import('./progress/project.tsx')) },
  { pattern: 'staff/ratings', load: page('ความคิดเห็นผู้ประเมิน', () => import('./ratings/staff.tsx')) },
];

export const notFound: Route = { pattern: '*', load: page('ไม่พบหน้านี้', () => import('./pages/notFound.tsx')) };
