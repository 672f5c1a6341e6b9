/**
 * A complaint report started in a one-to-one LINE chat by a photo or a location (issue 20): the draft it builds until
 * the resident consents and it is filed through the form's own `fileComplaint`. Drafts are general complaints only
 * (corruption reports stay on the form, where anonymity is possible) and live at most 24 hours.
 */
import { createHash } from 'node:crypto';
import type { PhotoType } from '../photos.ts';
import type { Place } from '../../contracts/complaints.ts';

/** A draft not filed within this time is gone with its photos (TTL on `expireAt`, and the sweep for photos). */
export const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;

/** `offered`: the bot asked "แจ้งปัญหานี้ไหมคะ" and nothing is fetched yet; `collecting`: the resident said yes. */
export type DraftStage = 'offered' | 'collecting';
/** The question last asked, so a typed answer is understood (a choice comes as a postback). */
export type Awaiting = 'category' | 'description' | 'place' | 'consent' | null;

export interface ChatDraft {
  /** Deterministic per organisation and LINE user (draftIdFor): one draft at a time, created with create(). */
  id: string;
  orgId: string;
  /** The LINE user (from the signed webhook event) whose draft it is. */
  userId: string;
  /** Distinguishes one draft from the next under the same id: buttons of an earlier draft carry the old nonce. */
  nonce: string;
  stage: DraftStage;
  awaiting: Awaiting;
  place: Place | null;
  category: string | null;
  description: string | null;
  createdAt: string;
  updatedAt: string;
  expireAt: Date;
}

/** One photo of a draft: `pending` (message id known, not fetched), `ready` (bytes stripped), `refused` (why). */
export interface DraftPhoto {
  id: string;
  draftId: string;
  nonce: string;
  messageId: string;
  /** When LINE says the photo was sent (event timestamp): the order photos are filed in. */
  sentAt: number;
  state: 'pending' | 'ready' | 'refused';
  contentType: PhotoType | null;
  bytes: Buffer | null;
  problem: string | null;
  expireAt: Date;
}

/** The draft id of a LINE user in an organisation: a hash, so neither ids nor URLs carry the LINE user id. */
export function draftIdFor(orgId: string, userId: string): string {
  return createHash('sha256').update(`chat-draft|${orgId}|${userId}`).digest('base64url').slice(0, 22);
}

export const isLive = (d: Pick<ChatDraft, 'expireAt'>, now: Date) => d.expireAt.getTime() > now.getTime();
