import type { ComponentChild } from 'preact';
import { useEffect, useReducer } from 'preact/hooks';
import { MAX_PHOTOS } from '../../../functions/src/contracts/tables/complaints.ts';
import type { FiledComplaint } from '../../../functions/src/contracts/complaints.ts';
import { ApiError, request } from '../lib/api.ts';
import type { Category, ComplaintKind } from '../lib/complaints.ts';
import { preparePhoto, type PreparedPhoto } from '../lib/photos.ts';
import type { PageProps } from '../lib/router.ts';
import { Button, ErrorSummary, issuesByField, focusSoon } from '../lib/ui.ts';
import { ChatDraftNotice, discardChatDraft, photoFromDraft, useChatDraft } from './chatDraft.tsx';
import { clearDraft, complaintBody, formReducer, initialFormState, isAnonymous, saveDraft } from './complaintFormState.ts';
import { AnonymityChoice, ContactStep, ConsentStep, PhotoStep, PlaceStep, WhatStep } from './complaintFormSteps.tsx';
import { validateComplaint, type ComplaintDraft, type FieldErrors } from './complaintRules.ts';
import { Submitted } from './complaintSubmitted.tsx';

/**
 * The complaint form: one page in steps (anonymity for a corruption report, what, where, photos, contact, consent),
 * then the receipt (complaintSubmitted.tsx). State is one reducer (complaintFormState.ts); the steps are small views
 * (complaintFormSteps.tsx). `?draft=<id>`: a report started in the LINE chat, pre-filled (chatDraft.tsx).
 */
export function GeneralForm(props: PageProps): ComponentChild {
  return <ComplaintForm kind="general" draftId={props.query.get('draft')} />;
}

export function CorruptionForm(): ComponentChild {
  return <ComplaintForm kind="corruption" />;
}

const FIELD_ORDER = ['anonymous', 'category', 'title', 'description', 'place', 'photos', 'contact', 'contactName', 'phone', 'email', 'consent'];
const ISSUE_FIELDS = { 'place.text': 'place', 'contact.phone': 'phone', 'contact.email': 'email', 'contact.name': 'contactName', 'contact.method': 'contact' };

function ComplaintForm(props: { kind: ComplaintKind; draftId?: string | null }): ComponentChild {
  const { kind } = props;
  const chat = useChatDraft(props.draftId ?? null);
  const [state, dispatch] = useReducer(formReducer, kind, initialFormState);
  const { draft, photos, errors, formError, created } = state;

  useEffect(() => {
    request<Category[]>('/complaints/categories', { auth: 'none' }).then(
      (categories) => dispatch({ type: 'categories', categories }),
      (err: unknown) => dispatch({ type: 'categoriesFailed', message: err instanceof Error ? err.message : String(err) }),
    );
  }, [kind]);
  useEffect(() => () => photos.forEach((p) => URL.revokeObjectURL(p.previewUrl)), []);
  useEffect(() => {
    if (chat.state !== 'loaded') return;
    const d = chat.draft;
    const pin = d.place?.lat !== undefined && d.place.lng !== undefined ? { lat: d.place.lat, lng: d.place.lng } : null;
    const patch: Partial<ComplaintDraft> = {
      ...(d.category ? { category: d.category } : {}),
      ...(d.title ? { title: d.title } : {}),
      ...(d.description ? { description: d.description } : {}),
      ...(d.place?.text !== undefined ? { placeText: d.place.text } : {}),
      ...(pin ? { location: pin } : {}),
    };
    dispatch({ type: 'fromChat', patch, photos: d.photos.map(photoFromDraft) });
  }, [chat.state]);
  // What was typed survives leaving the page by mistake (not photos, not consent): kept for this tab only.
  useEffect(() => {
    if (!created) saveDraft(draft);
  }, [draft, created]);

  const anonymous = isAnonymous(draft);
  if (created) return <Submitted created={created} anonymous={anonymous} allUpdates={draft.updates === 'all'} />;

  const set = (patch: Partial<ComplaintDraft>) => dispatch({ type: 'set', patch });

  const addPhotos = async (files: FileList | null) => {
    if (!files?.length) return;
    const picked = Array.from(files).slice(0, MAX_PHOTOS - photos.length);
    dispatch({ type: 'photosBusy', status: 'กำลังย่อขนาดรูป…' });
    const added: PreparedPhoto[] = [];
    let failed = 0;
    for (const file of picked) {
      try {
        added.push(await preparePhoto(file));
      } catch {
        failed++;
      }
    }
    const skipped = files.length - picked.length;
    const status = [added.length ? `เพิ่มรูปแล้ว ${added.length} รูป` : '', failed ? `เปิดไม่ได้ ${failed} รูป` : '', skipped > 0 ? `แนบได้ไม่เกิน ${MAX_PHOTOS} รูป` : ''].filter(Boolean).join(' · ');
    dispatch({ type: 'photosAdded', photos: added, status });
  };

  const removePhoto = (index: number) => {
    const gone = photos[index];
    if (gone) URL.revokeObjectURL(gone.previewUrl);
    dispatch({ type: 'photoRemoved', index });
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      dispatch({ type: 'status', status: 'อุปกรณ์นี้ระบุตำแหน่งไม่ได้ กรุณาพิมพ์สถานที่แทน' });
      return;
    }
    dispatch({ type: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (pos) => dispatch({ type: 'located', location: { lat: Number(pos.coords.latitude.toFixed(6)), lng: Number(pos.coords.longitude.toFixed(6)) } }),
      (err) => dispatch({ type: 'notLocated', status: err.code === err.PERMISSION_DENIED ? 'ไม่ได้รับอนุญาตให้ใช้ตำแหน่ง กรุณาพิมพ์สถานที่แทน' : 'หาตำแหน่งไม่สำเร็จ กรุณาพิมพ์สถานที่แทน' }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const showErrors = (found: FieldErrors, message?: string) => {
    dispatch({ type: 'invalid', errors: found, message });
    focusSoon('error-summary');
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (state.submitting) return;
    const found = validateComplaint(draft, photos.length);
    if (Object.values(found).some(Boolean)) return showErrors(found);
    dispatch({ type: 'submitting' });
    try {
      // An anonymous report is sent without the LINE token at all: the server then cannot know who sent it.
      const result = await request<FiledComplaint>('/complaints', { body: complaintBody(draft, photos), auth: anonymous ? 'none' : 'required' });
      dispatch({ type: 'submitted', created: result });
      clearDraft(kind);
      if (chat.state === 'loaded') discardChatDraft(chat.draft.id);
      window.scrollTo(0, 0);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.issues.length) {
        showErrors(issuesByField(err.issues, ISSUE_FIELDS), err.message);
      } else {
        dispatch({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
        focusSoon('error-summary');
      }
    }
  };

  const summary = [
    ...(formError && !Object.values(errors).some(Boolean) ? [{ message: formError }] : []),
    ...FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ field: f, message: errors[f]! })),
    ...Object.entries(errors)
      .filter(([k, v]) => v && !FIELD_ORDER.includes(k))
      .map(([, v]) => ({ message: v! })),
  ];
  const onlyFormError = !!formError && summary.length === 1 && !('field' in summary[0]!);

  return (
    <form noValidate onSubmit={submit} class="form" aria-describedby="form-intro">
      <p id="form-intro">
        {kind === 'general'
          ? 'กรอกรายละเอียดให้เจ้าหน้าที่เข้าใจและไปถึงที่เกิดเหตุได้ หน่วยงานจะตอบภายใน 15 วัน'
          : 'เรื่องนี้ส่งถึงเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริตเท่านั้น เจ้าหน้าที่ทั่วไปและกลุ่ม LINE ของเจ้าหน้าที่จะไม่เห็นเนื้อหาหรือชื่อผู้แจ้ง'}
      </p>
      <ChatDraftNotice chat={chat} />
      <ErrorSummary errors={summary} {...(onlyFormError ? { title: 'ส่งเรื่องไม่สำเร็จ' } : {})} />
      {kind === 'corruption' ? <AnonymityChoice anonymous={draft.anonymous} onChange={(v) => set({ anonymous: v })} /> : null}
      <WhatStep draft={draft} errors={errors} set={set} categories={state.categories} categoriesError={state.categoriesError} />
      <PlaceStep
        draft={draft}
        errors={errors}
        set={set}
        locating={state.locating}
        onLocate={locate}
        onForget={() => {
          set({ location: null });
          dispatch({ type: 'status', status: 'ลบตำแหน่งแล้ว' });
        }}
      />
      <PhotoStep photos={photos} busy={state.photoBusy} onAdd={(files) => void addPhotos(files)} onRemove={removePhoto} error={errors.photos} anonymous={anonymous} />
      {anonymous ? null : <ContactStep draft={draft} errors={errors} set={set} />}
      <ConsentStep draft={draft} errors={errors} set={set} anonymous={anonymous} />
      <p class="visually-hidden" role="status" aria-live="polite">
        {state.status}
      </p>
      <Button type="submit" busy={state.submitting}>
        {state.submitting ? 'กำลังส่ง…' : 'ส่งเรื่อง'}
      </Button>
    </form>
  );
}
