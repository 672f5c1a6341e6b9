/**
 * A report built in a one-to-one chat (issue 20), in domain words: a photo or place is offered as a report; on yes the
 * draft keeps it (photos fetched from LINE and stripped exactly as form photos are, by decodePhoto); the bot asks only
 * what is missing (category, one line, place, consent) and files a general complaint through the form's own
 * fileComplaint, under the same filing rate limit. Drafts live 24 hours and can be cancelled at any step.
 */
import type { Caller } from '../../auth/middleware.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import type { Message } from '../../line/client.ts';
import type { LineGateway } from '../../line/credentials.ts';
import { liffUrl } from '../../line/liff.ts';
import { fitText } from '../../line/limits.ts';
import { ulid } from '../../line/ulid.ts';
import type { RateLimiter } from '../../http/rateLimit.ts';
import { listOrgs } from '../../orgs/store.ts';
import type { Org } from '../../orgs/schema.ts';
import { decodePhoto, type Photo } from '../photos.ts';
import { fileComplaintSchema, MAX_PHOTO_BYTES, MAX_PHOTOS, placeSchema, type Category, type ChatDraftView, type Place } from '../../contracts/complaints.ts';
import { listCategories } from '../store.ts';
import { fileComplaint, links as complaintLinks, type ComplaintDeps } from '../service.ts';
import * as m from './messages.ts';
import { DRAFT_TTL_MS, draftIdFor, isLive, type ChatDraft, type DraftPhoto } from './schema.ts';
import * as store from './store.ts';

export interface ChatReportDeps extends ComplaintDeps {
  line: LineGateway;
  /** The form's filing limiter (routes.ts uses the same one): one budget per person, whichever way they file. */
  filingLimiter: RateLimiter;
}

export type MediaItem =
  | { kind: 'image'; messageId: string; sentAt: number; /** 1-based position in an image set sent together */ setIndex?: number | undefined }
  | { kind: 'location'; place: Place };

/** Content larger than this is not read at all (LINE's preview is tried instead). */
const MAX_FETCH_BYTES = 4 * 1024 * 1024;
/** A filing claim is kept a week, so a late second press of "send" still answers with the tracking code. */
const FILING_CLAIM_MS = 7 * 86_400_000;

const formLink = (deps: ChatReportDeps, org: Org, d: ChatDraft): m.Links => ({
  form: liffUrl(org, `complaints/new/general?draft=${d.id}`, deps.liffLocalBase),
});

/** The person's draft if it exists and has not expired (an expired one is deleted on sight, photos included). */
async function liveDraft(deps: ChatReportDeps, orgId: string, id: string, now: Date): Promise<ChatDraft | null> {
  const d = await store.getDraft(deps.db, orgId, id);
  if (d && !isLive(d, now)) {
    await store.deleteDraft(deps.db, orgId, id);
    return null;
  }
  return d;
}

const generalCategories = async (deps: ChatReportDeps, orgId: string): Promise<Category[]> =>
  (await listCategories(deps.db, orgId)).filter((c) => c.kind === 'general');

// ---------- a photo or a place arrives ----------

export async function receiveMedia(deps: ChatReportDeps, org: Org, userId: string, item: MediaItem, now: Date): Promise<Message[]> {
  const id = draftIdFor(org.id, userId);
  let draft = await liveDraft(deps, org.id, id, now);
  let created = false;
  if (!draft) {
    const fresh: ChatDraft = {
      id, orgId: org.id, userId, nonce: ulid(now.getTime()), stage: 'offered', awaiting: null,
      place: item.kind === 'location' ? item.place : null, category: null, description: null,
      createdAt: now.toISOString(), updatedAt: now.toISOString(), expireAt: new Date(now.getTime() + DRAFT_TTL_MS),
    };
    created = await store.createDraft(deps.db, fresh);
    draft = created ? fresh : await store.getDraft(deps.db, org.id, id);
    if (!draft) return [];
  }
  let note: string | undefined;
  if (item.kind === 'image') {
    const photoId = `${draft.id}-${item.messageId}`;
    if (!(await store.addPendingPhoto(deps.db, org.id, { draftId: draft.id, nonce: draft.nonce, messageId: item.messageId, sentAt: item.sentAt, expireAt: draft.expireAt }))) return [];
    if (draft.stage === 'collecting') note = await fetchPhoto(deps, org, draft, photoId, item.messageId);
  } else if (!created) {
    draft = { ...draft, place: item.place };
    await store.updateDraft(deps.db, org.id, draft.id, { place: item.place, updatedAt: now.toISOString() });
  }
  // Photos sent together arrive as separate events: only the first of a set speaks, so the bot asks once.
  const quiet = item.kind === 'image' && (item.setIndex ?? 1) > 1;
  if (draft.stage === 'offered') return quiet ? [] : m.offerMessages(item.kind, draft.nonce);
  if (quiet && !note) return [];
  return nextQuestion(deps, org, draft, now, note ?? (item.kind === 'location' ? m.photoNotes.place : m.photoNotes.received));
}

/**
 * Fetches one photo from LINE and keeps it as the form would: decodePhoto checks type and size and strips metadata.
 * A photo over the form's size limit is replaced by LINE's preview of it when that one fits. Returns a note for the
 * resident when the photo is not kept.
 */
async function fetchPhoto(deps: ChatReportDeps, org: Org, draft: ChatDraft, photoId: string, messageId: string): Promise<string | undefined> {
  const kept = (await store.listPhotos(deps.db, org.id, draft.id, draft.nonce)).filter((p) => p.state === 'ready').length;
  if (kept >= MAX_PHOTOS) {
    const problem = m.photoNotes.tooMany(MAX_PHOTOS);
    await store.setPhotoResult(deps.db, org.id, photoId, { problem });
    return problem;
  }
  const api = await deps.line.api(org.id);
  let photo: Photo | { problem: string } | null = null;
  try {
    const original = api ? await api.content(messageId, { maxBytes: MAX_FETCH_BYTES }) : null;
    photo = original ? decodePhoto(dataUrl(original.contentType, original.bytes)) : null;
    if (!photo || 'problem' in photo) {
      const preview = api ? await api.content(messageId, { preview: true, maxBytes: MAX_PHOTO_BYTES }) : null;
      const small = preview ? decodePhoto(dataUrl(preview.contentType, preview.bytes)) : null;
      if (small && !('problem' in small)) photo = small;
    }
  } catch (err) {
    deps.log?.warn({ orgId: org.id, err: err instanceof Error ? err.message : String(err) }, 'chat report photo not fetched');
  }
  if (!photo) {
    await store.setPhotoResult(deps.db, org.id, photoId, { problem: m.photoNotes.notFetched });
    return m.photoNotes.notFetched;
  }
  await store.setPhotoResult(deps.db, org.id, photoId, photo);
  return 'problem' in photo ? m.photoNotes.refused(photo.problem) : undefined;
}

const dataUrl = (contentType: string, bytes: Buffer) => `data:${contentType};base64,${bytes.toString('base64')}`;

// ---------- the questions ----------

/** Asks for the first thing missing — category, one line, place, consent — and remembers what was asked. */
async function nextQuestion(deps: ChatReportDeps, org: Org, draft: ChatDraft, now: Date, note?: string): Promise<Message[]> {
  const links = formLink(deps, org, draft);
  const categories = await generalCategories(deps, org.id);
  const category = categories.find((c) => c.id === draft.category);
  const awaiting = !category ? 'category' : !draft.description ? 'description' : !draft.place ? 'place' : 'consent';
  if (awaiting !== draft.awaiting) await store.updateDraft(deps.db, org.id, draft.id, { awaiting, updatedAt: now.toISOString() });
  if (awaiting === 'category') return m.askCategory(categories, draft.nonce, links, note);
  if (awaiting === 'description') return m.askDescription(draft.nonce, links, note);
  if (awaiting === 'place') return m.askPlace(draft.nonce, links, note);
  const photos = (await store.listPhotos(deps.db, org.id, draft.id, draft.nonce)).filter((p) => p.state === 'ready');
  return m.askConsent(
    { categoryTitle: category!.title, description: draft.description!, placeText: placeText(draft.place!), photoCount: Math.min(photos.length, MAX_PHOTOS) },
    draft.nonce,
    links,
    note,
  );
}

const placeText = (p: Place) => [p.text, p.lat !== undefined && p.lng !== undefined ? `พิกัด ${p.lat.toFixed(5)}, ${p.lng.toFixed(5)}` : ''].filter(Boolean).join(' · ');

/** The draft a button belongs to: live, of this person, and the same draft (its nonce) the button was made for. */
async function draftForButton(deps: ChatReportDeps, org: Org, userId: string, nonce: string | null, now: Date): Promise<ChatDraft | null> {
  const d = await liveDraft(deps, org.id, draftIdFor(org.id, userId), now);
  return d && d.nonce === nonce ? d : null;
}

export async function startReport(deps: ChatReportDeps, org: Org, userId: string, nonce: string | null, now: Date): Promise<Message[]> {
  const draft = await draftForButton(deps, org, userId, nonce, now);
  if (!draft) return m.draftGoneMessages();
  if (draft.stage === 'offered') await store.updateDraft(deps.db, org.id, draft.id, { stage: 'collecting', updatedAt: now.toISOString() });
  const notes = await fetchPending(deps, org, draft);
  return nextQuestion(deps, org, { ...draft, stage: 'collecting' }, now, notes.join('\n') || undefined);
}

/**
 * Fetches the draft's photos not fetched yet: those sent before "แจ้งปัญหา", and any that arrived while it was being
 * pressed (read as still offered). Returns the notes for photos not kept.
 */
async function fetchPending(deps: ChatReportDeps, org: Org, draft: ChatDraft): Promise<string[]> {
  const notes: string[] = [];
  for (const p of await store.listPhotos(deps.db, org.id, draft.id, draft.nonce)) {
    if (p.state !== 'pending') continue;
    const note = await fetchPhoto(deps, org, draft, p.id, p.messageId);
    if (note && !notes.includes(note)) notes.push(note);
  }
  return notes;
}

export async function discard(deps: ChatReportDeps, org: Org, userId: string, nonce: string | null, how: 'no' | 'cancel', now: Date): Promise<Message[]> {
  const draft = await draftForButton(deps, org, userId, nonce, now);
  if (!draft) return how === 'no' ? m.declinedMessages() : m.draftGoneMessages();
  await store.deleteDraft(deps.db, org.id, draft.id);
  deps.log?.info({ orgId: org.id, how }, 'chat report draft discarded');
  return how === 'no' ? m.declinedMessages() : m.cancelledMessages();
}

export async function chooseCategory(deps: ChatReportDeps, org: Org, userId: string, nonce: string | null, categoryId: string, now: Date): Promise<Message[]> {
  const draft = await draftForButton(deps, org, userId, nonce, now);
  if (!draft || draft.stage !== 'collecting') return m.draftGoneMessages();
  const categories = await generalCategories(deps, org.id);
  if (!categories.some((c) => c.id === categoryId)) return m.askCategory(categories, draft.nonce, formLink(deps, org, draft), 'ไม่พบหมวดเรื่องนี้ กรุณาเลือกจากรายการ');
  await store.updateDraft(deps.db, org.id, draft.id, { category: categoryId, updatedAt: now.toISOString() });
  return nextQuestion(deps, org, { ...draft, category: categoryId }, now);
}

const CANCEL_WORDS = /^(ยกเลิก|ยกเลิกการแจ้งปัญหา|cancel)$/i;
const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/**
 * A text while the draft waits for a typed answer (category, description, place): the answer. Null when no draft
 * waits for text, so the text goes on to the other handlers and the answer engine.
 */
export async function answerText(deps: ChatReportDeps, org: Org, userId: string, text: string, now: Date): Promise<Message[] | null> {
  const draft = await liveDraft(deps, org.id, draftIdFor(org.id, userId), now);
  if (!draft || draft.stage !== 'collecting') return null;
  if (CANCEL_WORDS.test(text.trim())) return discard(deps, org, userId, draft.nonce, 'cancel', now);
  const links = formLink(deps, org, draft);
  switch (draft.awaiting) {
    case 'category': {
      const categories = await generalCategories(deps, org.id);
      const typed = norm(text);
      const found = categories.find((c) => norm(c.title) === typed) ?? categories.find((c) => norm(c.title).includes(typed) && typed.length >= 2);
      if (!found) return m.askCategory(categories, draft.nonce, links, `ไม่พบประเภท "${fitText(text.trim(), 40)}" กรุณาเลือกจากปุ่มหรือพิมพ์ชื่อประเภทตามรายการ`);
      await store.updateDraft(deps.db, org.id, draft.id, { category: found.id, updatedAt: now.toISOString() });
      return nextQuestion(deps, org, { ...draft, category: found.id }, now);
    }
    case 'description': {
      // The form's own rule for the description (length, trimming), through the form's schema.
      const probe = fileComplaintSchema.safeParse({ kind: 'general', category: 'x', title: titleFrom(text), description: text });
      const problem = probe.success ? undefined : probe.error.issues.find((i) => i.path[0] === 'description')?.message;
      if (problem || !probe.success) return m.askDescription(draft.nonce, links, problem);
      const description = probe.data.description;
      await store.updateDraft(deps.db, org.id, draft.id, { description, updatedAt: now.toISOString() });
      return nextQuestion(deps, org, { ...draft, description }, now);
    }
    case 'place': {
      const parsed = placeSchema.safeParse({ text });
      if (!parsed.success) return m.askPlace(draft.nonce, links, parsed.error.issues[0]?.message);
      const place: Place = { text: parsed.data.text };
      await store.updateDraft(deps.db, org.id, draft.id, { place, updatedAt: now.toISOString() });
      return nextQuestion(deps, org, { ...draft, place }, now);
    }
    default:
      return null;
  }
}

/** The complaint's title: the resident's one line, shortened. */
const titleFrom = (description: string) => fitText(description.replace(/\s+/g, ' ').trim(), 60);

// ---------- filing ----------

/**
 * The resident consents: the draft becomes a general complaint through fileComplaint (the form's rules, staff
 * notification, deadlines, tracking), once per draft however often the button is pressed.
 */
export async function consentAndFile(deps: ChatReportDeps, org: Org, userId: string, nonce: string | null, now: Date): Promise<Message[]> {
  const draft = await draftForButton(deps, org, userId, nonce, now);
  if (!draft || draft.stage !== 'collecting') {
    const filing = nonce ? await store.getFiling(deps.db, org.id, nonce) : null;
    return filing ? m.alreadyFiledMessages(filing.trackingCode) : m.draftGoneMessages();
  }
  if (!draft.category || !draft.description || !draft.place) return nextQuestion(deps, org, draft, now);
  if (!(await deps.filingLimiter.take(`${org.id}|u:${userId}`))) return m.rateLimitedMessages(draft.nonce, formLink(deps, org, draft));
  if (!(await store.claimFiling(deps.db, org.id, draft.nonce, now, new Date(now.getTime() + FILING_CLAIM_MS)))) {
    return m.alreadyFiledMessages((await store.getFiling(deps.db, org.id, draft.nonce))?.trackingCode ?? null);
  }
  await fetchPending(deps, org, draft);
  const photos = (await store.listPhotos(deps.db, org.id, draft.id, draft.nonce)).filter((p) => p.state === 'ready' && p.bytes && p.contentType).slice(0, MAX_PHOTOS);
  const input = fileComplaintSchema.safeParse({
    kind: 'general',
    category: draft.category,
    title: titleFrom(draft.description),
    description: draft.description,
    place: draft.place,
    photos: photos.map((p) => ({ contentType: p.contentType!, data: p.bytes!.toString('base64') })),
    contact: { method: 'line' },
    consent: true,
  });
  const caller: Caller = { userId, name: undefined, staff: null };
  try {
    if (!input.success) throw new ValidationError(input.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    const filed = await fileComplaint(deps, org, caller, input.data, { receipt: 'reply' });
    await store.recordFiling(deps.db, org.id, draft.nonce, filed.trackingCode);
    await store.deleteDraft(deps.db, org.id, draft.id);
    deps.log?.info({ orgId: org.id, complaintId: filed.id }, 'chat report filed');
    return m.filedMessages(filed, org.name, complaintLinks.track(deps, org, filed.trackingCode));
  } catch (err) {
    await store.releaseFiling(deps.db, org.id, draft.nonce);
    if (!(err instanceof ValidationError)) throw err;
    // The form's rules refused something (e.g. the category was retired meanwhile): ask for it again.
    const note = err.issues.map((i) => i.message).join('\n');
    const patch = {
      ...(err.issues.some((i) => i.path === 'category') ? { category: null } : {}),
      ...(err.issues.some((i) => i.path === 'description') ? { description: null } : {}),
      ...(err.issues.some((i) => i.path.startsWith('place')) ? { place: null } : {}),
    };
    await store.updateDraft(deps.db, org.id, draft.id, { ...patch, updatedAt: now.toISOString() });
    return nextQuestion(deps, org, { ...draft, ...patch }, now, note);
  }
}

// ---------- the pre-filled form ----------

/** The draft for the LIFF form, to the person whose draft it is (verified LINE id) only; anyone else: not found. */
export async function draftForCaller(deps: ChatReportDeps, org: Org, caller: Caller, id: string): Promise<ChatDraftView> {
  const draft = await liveDraft(deps, org.id, id, deps.clock.now());
  if (!draft || draft.userId !== caller.userId) throw new NotFoundError('chat draft', 'ไม่พบร่างเรื่องนี้ หรือหมดอายุแล้ว');
  if (draft.stage === 'collecting') await fetchPending(deps, org, draft);
  const photos = (await store.listPhotos(deps.db, org.id, draft.id, draft.nonce)).filter((p): p is DraftPhoto & { bytes: Buffer; contentType: NonNullable<DraftPhoto['contentType']> } => p.state === 'ready' && !!p.bytes && !!p.contentType);
  return {
    id: draft.id,
    category: draft.category,
    title: draft.description ? titleFrom(draft.description) : '',
    description: draft.description ?? '',
    place: draft.place,
    photos: photos.slice(0, MAX_PHOTOS).map((p) => ({ contentType: p.contentType, data: p.bytes.toString('base64') })),
    expiresAt: draft.expireAt.toISOString(),
  };
}

/** The form filed it (or the resident discarded it there): the draft and its photos go. */
export async function deleteDraftForCaller(deps: ChatReportDeps, org: Org, caller: Caller, id: string): Promise<void> {
  const draft = await store.getDraft(deps.db, org.id, id);
  if (!draft || draft.userId !== caller.userId) throw new NotFoundError('chat draft', 'ไม่พบร่างเรื่องนี้ หรือหมดอายุแล้ว');
  await store.deleteDraft(deps.db, org.id, id);
}

// ---------- expiry ----------

/** For the scheduler: deletes expired drafts with their photos in every organisation (TTL alone leaves photos up to a day). */
export async function sweepChatDrafts(deps: Pick<ChatReportDeps, 'db' | 'log'>, now: Date): Promise<{ drafts: number; photos: number }> {
  const total = { drafts: 0, photos: 0 };
  for (const org of await listOrgs(deps.db)) {
    const n = await store.deleteExpired(deps.db, org.id, now);
    total.drafts += n.drafts;
    total.photos += n.photos;
  }
  if (total.drafts || total.photos) deps.log?.info(total, 'expired chat report drafts deleted');
  return total;
}
