/**
 * The complaints feature in the LINE chat: tracking codes typed by residents, and the staff card's status buttons.
 * Register `complaintTextHandlers` BEFORE the chat engine's handler (the engine answers every text).
 */
import type { EventContext, PostbackHandler, TextHandler } from '../bot/dispatcher.ts';
import { ConflictError, DomainError } from '../errors.ts';
import type { Message } from '../line/client.ts';
import { getStaffMember } from '../staff/store.ts';
import { hasRole, type StaffMember } from '../staff/schema.ts';
import { badCodeReply, postbackReply, trackingNotFoundReply, trackingReply } from './messages.ts';
import { changedReply, closeConfirmation } from './groupMessages.ts';
import type { Complaint } from './schema.ts';
import { undoComplaintStatus, undoneText } from './undo.ts';
import { changeComplaintStatus, complainantUserId, links, type ComplaintDeps } from './service.ts';
import { categoryTitles, getComplaint, getComplaintIdByCode } from './store.ts';
import { findTrackingCode } from './trackingCode.ts';
import { isOpen, STATUS_LABELS, type Status } from './workflow.ts';

const LOOKS_LIKE_CODE = /(?:^|[^0-9A-Z])RT(?:[\s-]{0,2}[0-9A-Z๐-๙]){6}(?![0-9A-Z])/i;

/**
 * A tracking code typed in a one-on-one chat answers with the case's status and dates, nothing personal. A general
 * complaint's status is shown to whoever has the code (as on the public tracking page); a corruption report only to the
 * LINE user who filed it under their name. Anyone else, and an anonymous report, gets the same "not found" with a link
 * to the tracking page, so the chat never confirms that a report exists. Secrets are never taken in chat.
 */
export function complaintTextHandlers(deps: ComplaintDeps): TextHandler[] {
  return [
    {
      name: 'complaint-tracking-code',
      scope: 'user',
      async handle(ctx, text) {
        if (!LOOKS_LIKE_CODE.test(text)) return null;
        const code = findTrackingCode(text);
        if (!code) return badCodeReply();
        const trackPage = links.track(deps, ctx.org, code);
        const id = await getComplaintIdByCode(deps.db, ctx.org.id, code);
        const c = id ? await getComplaint(deps.db, ctx.org.id, id) : null;
        if (!c) return trackingNotFoundReply(trackPage);
        if (c.kind === 'corruption') {
          const owner = ctx.userId !== undefined && (await complainantUserId(deps, c)) === ctx.userId;
          if (!owner) return trackingNotFoundReply(trackPage);
        }
        const titles = await categoryTitles(deps.db, ctx.org.id);
        return trackingReply(c, titles.get(c.category) ?? c.category, deps.clock.now(), trackPage);
      },
    },
    ...complaintGroupTextHandlers(deps),
  ];
}

const CARD_MOVES: readonly Status[] = ['acknowledged', 'in_progress', 'resolved'];
const ID = /^[0-9A-Z]{26}$/;
/** "ปิดเรื่อง RT-XXXXXX บันทึก: <note>" typed in the staff group after "ยืนยันปิดเรื่อง" (the keyboard opens pre-filled). */
const CLOSE_COMMAND = /^\s*ปิดเรื่อง\s*(RT[\s-]?[0-9A-Z๐-๙]{6})\s*(?:บันทึก\s*[:：]?)?\s*([\s\S]*)$/i;
/** A closing note says what was done: a few words at least. */
export const MIN_CLOSE_NOTE = 5;

type Reply = Message[];

async function staffWhoMay(deps: ComplaintDeps, ctx: EventContext): Promise<{ staff: StaffMember; who: string } | Reply> {
  if (!ctx.userId) return postbackReply('ไม่ทราบว่าใครกดปุ่ม กรุณาเปลี่ยนสถานะในหน้ารายละเอียดเรื่อง');
  const staff = await getStaffMember(deps.db, ctx.org.id, ctx.userId);
  if (!staff || !hasRole(staff, 'officer', 'admin')) {
    return postbackReply('ขออภัย เฉพาะเจ้าหน้าที่รับเรื่องหรือผู้ดูแลระบบที่ลงทะเบียนแล้วเท่านั้นที่เปลี่ยนสถานะเรื่องร้องเรียนได้');
  }
  return { staff, who: staff.displayName || 'เจ้าหน้าที่' };
}

/** Runs a change and answers the group: who did what, when the complainant will hear, and an undo button. */
async function changeAndReply(deps: ComplaintDeps, ctx: EventContext, c: Complaint, staff: StaffMember, who: string, input: { to: Status; note?: string }): Promise<Reply> {
  try {
    const r = await changeComplaintStatus(deps, ctx.org, { userId: ctx.userId ?? '', staff }, c.id, input);
    return changedReply(who, r.complaint.trackingCode, input.to, r.update.seq, c.id, r.undoUntil, !!input.note, r.tellsComplainant);
  } catch (err) {
    if (err instanceof ConflictError) {
      const now = await getComplaint(deps.db, ctx.org.id, c.id);
      return postbackReply(`เรื่อง ${c.trackingCode} อยู่ในสถานะ "${STATUS_LABELS[now?.status ?? c.status]}" แล้ว (${err.publicMessage})`);
    }
    if (err instanceof DomainError) return postbackReply(err.publicMessage);
    throw err;
  }
}

/**
 * The staff card's buttons and what follows them in the group. Moves that only advance a case (รับเรื่อง,
 * กำลังดำเนินการ) happen at once; closing (แก้ไขเสร็จแล้ว) first asks for confirmation and a note: the quick reply
 * "ยืนยันปิดเรื่อง" opens the keyboard with "ปิดเรื่อง RT-… บันทึก: " for the note (the group text handler below
 * closes the case with it), "ยกเลิก" changes nothing. Every change answers with "ย้อนกลับ" for UNDO_MINUTES, and the
 * complainant is told only after that. The pressing user (LINE puts their id in group postbacks) must be an active
 * officer or admin.
 */
export function complaintPostbackHandlers(deps: ComplaintDeps): PostbackHandler[] {
  const load = async (ctx: EventContext, id: string) => {
    const c = ID.test(id) ? await getComplaint(deps.db, ctx.org.id, id) : null;
    // Corruption reports never have a group card; a forged postback for one is answered as unknown.
    return c && c.kind === 'general' ? c : null;
  };
  return [
    {
      action: 'complaint-status',
      async handle(ctx, params) {
        const id = params.get('id') ?? '';
        const to = params.get('to') as Status | null;
        if (!ID.test(id) || !to || !CARD_MOVES.includes(to)) return postbackReply('ปุ่มนี้ใช้ไม่ได้แล้ว กรุณาเปิดรายละเอียดเรื่องในระบบ');
        const may = await staffWhoMay(deps, ctx);
        if (Array.isArray(may)) return may;
        const c = await load(ctx, id);
        if (!c) return postbackReply('ไม่พบเรื่องนี้');
        if (to === 'resolved') {
          if (c.status === 'resolved' || !isOpen(c.status)) return postbackReply(`เรื่อง ${c.trackingCode} อยู่ในสถานะ "${STATUS_LABELS[c.status]}" แล้ว`);
          return closeConfirmation(c, links.staffDetail(deps, ctx.org, c.id));
        }
        return changeAndReply(deps, ctx, c, may.staff, may.who, { to });
      },
    },
    {
      // "ยืนยันปิดเรื่อง": LINE opens the keyboard pre-filled; the case closes when the note is sent.
      action: 'complaint-close',
      async handle() {
        return [];
      },
    },
    {
      action: 'complaint-cancel',
      async handle(ctx, params) {
        const c = await load(ctx, params.get('id') ?? '');
        return postbackReply(c ? `ยกเลิกแล้ว เรื่อง ${c.trackingCode} ยังอยู่ในสถานะ "${STATUS_LABELS[c.status]}"` : 'ยกเลิกแล้ว');
      },
    },
    {
      action: 'complaint-undo',
      async handle(ctx, params) {
        const seq = Number(params.get('seq'));
        const may = await staffWhoMay(deps, ctx);
        if (Array.isArray(may)) return may;
        const c = await load(ctx, params.get('id') ?? '');
        if (!c || !Number.isInteger(seq) || seq < 2) return postbackReply('ไม่พบเรื่องนี้');
        try {
          const r = await undoComplaintStatus(deps, ctx.org, { userId: ctx.userId ?? '', staff: may.staff }, c.id, seq);
          return postbackReply(undoneText(may.who, r));
        } catch (err) {
          if (err instanceof DomainError) return postbackReply(err.publicMessage);
          throw err;
        }
      },
    },
  ];
}

/** The group command that closes a case with its note (after "ยืนยันปิดเรื่อง"). */
export function complaintGroupTextHandlers(deps: ComplaintDeps): TextHandler[] {
  return [
    {
      name: 'complaint-close-with-note',
      scope: 'group',
      async handle(ctx, text) {
        const m = CLOSE_COMMAND.exec(text);
        if (!m) return null;
        const code = findTrackingCode(m[1] ?? '');
        const note = (m[2] ?? '').trim();
        const may = await staffWhoMay(deps, ctx);
        if (Array.isArray(may)) return may;
        const id = code ? await getComplaintIdByCode(deps.db, ctx.org.id, code) : null;
        const c = id ? await getComplaint(deps.db, ctx.org.id, id) : null;
        if (!c || c.kind !== 'general') return postbackReply('ไม่พบเรื่องนี้');
        if ([...note].length < MIN_CLOSE_NOTE) return closeConfirmation(c, links.staffDetail(deps, ctx.org, c.id), true);
        return changeAndReply(deps, ctx, c, may.staff, may.who, { to: 'resolved', note });
      },
    },
  ];
}
