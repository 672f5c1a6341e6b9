import type { ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ChatDraftView } from '../../../functions/src/contracts/complaints.ts';
import { request } from '../lib/api.ts';
import type { PreparedPhoto } from '../lib/photos.ts';
import { Notice } from '../lib/ui.ts';

/**
 * A report started in the LINE chat (a photo or a place sent to the organisation), opened in the form with
 * "แก้ไขในแบบฟอร์ม": `complaints/new/general?draft=<id>`. The server gives the draft only to the person whose draft it
 * is (their verified LINE ID token); photos come already stripped of metadata.
 */
export type ChatDraftState = { state: 'none' } | { state: 'loading' } | { state: 'loaded'; draft: ChatDraftView } | { state: 'missing'; message: string };

export function useChatDraft(draftId: string | null): ChatDraftState {
  const [state, setState] = useState<ChatDraftState>(draftId ? { state: 'loading' } : { state: 'none' });
  useEffect(() => {
    if (!draftId || !/^[A-Za-z0-9_-]{22}$/.test(draftId)) {
      if (draftId) setState({ state: 'missing', message: 'ลิงก์ร่างเรื่องไม่ถูกต้อง กรอกแบบฟอร์มใหม่ได้เลย' });
      return;
    }
    request<ChatDraftView>(`/complaints/chat-drafts/${draftId}`).then(
      (draft) => setState({ state: 'loaded', draft }),
      (err: unknown) => setState({ state: 'missing', message: err instanceof Error ? err.message : String(err) }),
    );
  }, [draftId]);
  return state;
}

/** A draft photo as the form's photo list holds it. */
export function photoFromDraft(p: ChatDraftView['photos'][number]): PreparedPhoto {
  const raw = atob(p.data);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  const previewUrl = URL.createObjectURL(new Blob([bytes], { type: p.contentType }));
  return { data: p.data, contentType: p.contentType, width: 0, height: 0, bytes: bytes.length, previewUrl };
}

/** The form filed the report: the chat draft and its photos are deleted (they would expire within 24 h anyway). */
export function discardChatDraft(draftId: string): void {
  request(`/complaints/chat-drafts/${draftId}`, { method: 'DELETE' }).catch(() => {
    // Not deleted now: it expires with its photos within 24 hours.
  });
}

export function ChatDraftNotice(props: { chat: ChatDraftState }): ComponentChild {
  const { chat } = props;
  if (chat.state === 'loaded') {
    return (
      <Notice kind="info" title="ข้อมูลจากแชท LINE" role="status">
        <p>เติมรูป ตำแหน่ง และข้อความที่คุณส่งในแชทไว้ให้แล้ว ตรวจและแก้ไขได้ก่อนส่ง</p>
        <p>ร่างเรื่องที่ยังไม่ส่งจะถูกลบพร้อมรูปภายใน 24 ชั่วโมง</p>
      </Notice>
    );
  }
  if (chat.state === 'missing') {
    return (
      <Notice kind="warning" title="ไม่พบร่างเรื่องจากแชท" role="status">
        <p>{chat.message}</p>
      </Notice>
    );
  }
  return null;
}
