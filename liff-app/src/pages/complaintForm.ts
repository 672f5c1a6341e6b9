import { h, type ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, request } from '../lib/api.ts';
import { CodeDisplay, type Category, type ComplaintKind } from '../lib/complaints.ts';
import { normalizeDigits } from '../lib/format.ts';
import { MAX_PHOTOS, preparePhoto, type PreparedPhoto } from '../lib/photos.ts';
import { getSession } from '../lib/session.ts';
import {
  Button,
  Checkbox,
  ErrorSummary,
  issuesByField,
  Link,
  Loading,
  Notice,
  RadioGroup,
  Select,
  TextArea,
  TextField,
  focusSoon,
} from '../lib/ui.ts';
import type { PageProps } from '../lib/router.ts';
import { ChatDraftNotice, discardChatDraft, photoFromDraft, useChatDraft } from './chatDraft.ts';
import { LIMITS, validateComplaint, type ComplaintDraft, type FieldErrors } from './complaintRules.ts';

/** `?draft=<id>`: a report started in the LINE chat, pre-filled (chatDraft.ts). */
export function GeneralForm(props: PageProps): ComponentChild {
  return h(ComplaintForm, { kind: 'general', draftId: props.query.get('draft') });
}

export function CorruptionForm(): ComponentChild {
  return h(ComplaintForm, { kind: 'corruption' });
}

interface Created {
  id: string;
  trackingCode: string;
  trackingSecret?: string;
}

const FIELD_ORDER = ['anonymous', 'category', 'title', 'description', 'place', 'photos', 'contact', 'contactName', 'phone', 'email', 'consent'];

function ComplaintForm(props: { kind: ComplaintKind; draftId?: string | null }): ComponentChild {
  const { kind } = props;
  const chat = useChatDraft(props.draftId ?? null);
  const [categories, setCategories] = useState<Category[] | null>(null);
  const [categoriesError, setCategoriesError] = useState<string | null>(null);
  const [draft, setDraft] = useState<ComplaintDraft>(() => ({
    kind,
    category: '',
    title: '',
    description: '',
    placeText: '',
    location: null,
    contact: 'line',
    phone: '',
    email: '',
    contactName: '',
    consent: false,
    anonymous: false,
    ...restoreDraft(kind),
  }));
  const [photos, setPhotos] = useState<PreparedPhoto[]>([]);
  const [photoBusy, setPhotoBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [locating, setLocating] = useState(false);
  const [status, setStatus] = useState('');
  const [created, setCreated] = useState<Created | null>(null);

  useEffect(() => {
    request<Category[]>('/complaints/categories', { auth: 'none' }).then(
      (all) => setCategories(all.filter((c) => (c.kind ?? 'general') === kind)),
      (err: unknown) => setCategoriesError(err instanceof Error ? err.message : String(err)),
    );
  }, [kind]);
  useEffect(() => () => photos.forEach((p) => URL.revokeObjectURL(p.previewUrl)), []);
  useEffect(() => {
    if (chat.state !== 'loaded') return;
    const d = chat.draft;
    const pin = d.place?.lat !== undefined && d.place.lng !== undefined ? { lat: d.place.lat, lng: d.place.lng } : null;
    setDraft((x) => ({ ...x, category: d.category ?? x.category, title: d.title || x.title, description: d.description || x.description, placeText: d.place?.text ?? x.placeText, location: pin ?? x.location }));
    setPhotos(d.photos.map(photoFromDraft));
  }, [chat.state]);
  // What was typed survives leaving the page by mistake (not photos, not consent): kept for this tab only.
  useEffect(() => {
    if (!created) saveDraft(draft);
  }, [draft, created]);

  const set = <K extends keyof ComplaintDraft>(key: K, value: ComplaintDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (errors[key as string]) setErrors((e) => ({ ...e, [key as string]: undefined }));
  };

  if (created) return h(Submitted, { created, anonymous: kind === 'corruption' && draft.anonymous });

  const addPhotos = async (files: FileList | null) => {
    if (!files?.length) return;
    const room = MAX_PHOTOS - photos.length;
    const picked = Array.from(files).slice(0, room);
    setPhotoBusy(true);
    setStatus('กำลังย่อขนาดรูป…');
    const added: PreparedPhoto[] = [];
    let failed = 0;
    for (const file of picked) {
      try {
        added.push(await preparePhoto(file));
      } catch {
        failed++;
      }
    }
    setPhotos((p) => [...p, ...added]);
    setPhotoBusy(false);
    const skipped = files.length - picked.length;
    setStatus(
      [
        added.length ? `เพิ่มรูปแล้ว ${added.length} รูป` : '',
        failed ? `เปิดไม่ได้ ${failed} รูป` : '',
        skipped > 0 ? `แนบได้ไม่เกิน ${MAX_PHOTOS} รูป` : '',
      ]
        .filter(Boolean)
        .join(' · '),
    );
    setErrors((e) => ({ ...e, photos: undefined }));
  };

  const removePhoto = (index: number) => {
    setPhotos((p) => {
      const gone = p[index];
      if (gone) URL.revokeObjectURL(gone.previewUrl);
      return p.filter((_, i) => i !== index);
    });
    setStatus(`ลบรูปที่ ${index + 1} แล้ว`);
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setStatus('อุปกรณ์นี้ระบุตำแหน่งไม่ได้ กรุณาพิมพ์สถานที่แทน');
      return;
    }
    setLocating(true);
    setStatus('กำลังหาตำแหน่ง…');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        set('location', { lat: Number(pos.coords.latitude.toFixed(6)), lng: Number(pos.coords.longitude.toFixed(6)) });
        setStatus('ได้ตำแหน่งปัจจุบันแล้ว');
      },
      (err) => {
        setLocating(false);
        setStatus(err.code === err.PERMISSION_DENIED ? 'ไม่ได้รับอนุญาตให้ใช้ตำแหน่ง กรุณาพิมพ์สถานที่แทน' : 'หาตำแหน่งไม่สำเร็จ กรุณาพิมพ์สถานที่แทน');
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const showErrors = (found: FieldErrors, message?: string) => {
    setErrors(found);
    setFormError(message ?? null);
    focusSoon('error-summary');
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (submitting) return;
    const found = validateComplaint(draft, photos.length);
    if (Object.values(found).some(Boolean)) return showErrors(found);
    setSubmitting(true);
    setFormError(null);
    const anonymous = kind === 'corruption' && draft.anonymous;
    const place =
      draft.placeText.trim() || draft.location
        ? { ...(draft.placeText.trim() ? { text: draft.placeText.trim() } : {}), ...(draft.location ?? {}) }
        : undefined;
    const body = {
      kind,
      category: draft.category,
      title: draft.title.trim(),
      description: draft.description.trim(),
      ...(place ? { place } : {}),
      photos: photos.map((p) => ({ contentType: p.contentType, data: p.data })),
      contact: anonymous
        ? { method: 'none' }
        : {
            method: draft.contact,
            ...(draft.contact === 'phone' ? { phone: normalizeDigits(draft.phone).replace(/[^\d+]/g, '') } : {}),
            ...(draft.contact === 'email' ? { email: draft.email.trim() } : {}),
            ...((draft.contact === 'phone' || draft.contact === 'email') && draft.contactName.trim() ? { name: draft.contactName.trim() } : {}),
          },
      consent: anonymous ? false : draft.consent,
      ...(kind === 'corruption' ? { anonymous } : {}),
    };
    try {
      // An anonymous report is sent without the LINE token at all: the server then cannot know who sent it.
      const result = await request<Created>('/complaints', { body, auth: anonymous ? 'none' : 'required' });
      setCreated(result);
      clearDraft(kind);
      if (chat.state === 'loaded') discardChatDraft(chat.draft.id);
      window.scrollTo(0, 0);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.issues.length) {
        const byField = issuesByField(err.issues, { 'place.text': 'place', 'contact.phone': 'phone', 'contact.email': 'email', 'contact.name': 'contactName', 'contact.method': 'contact' });
        showErrors(byField, err.message);
      } else {
        setFormError(err instanceof Error ? err.message : String(err));
        focusSoon('error-summary');
      }
    } finally {
      setSubmitting(false);
    }
  };

  const summary = [
    ...(formError && !Object.values(errors).some(Boolean) ? [{ message: formError }] : []),
    ...FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ field: f === 'consent' ? 'consent' : f, message: errors[f]! })),
    ...Object.entries(errors)
      .filter(([k, v]) => v && !FIELD_ORDER.includes(k))
      .map(([, v]) => ({ message: v! })),
  ];

  const anonymous = kind === 'corruption' && draft.anonymous;
  return h(
    'form',
    { noValidate: true, onSubmit: submit, class: 'form', 'aria-describedby': 'form-intro' },
    h(
      'p',
      { id: 'form-intro' },
      kind === 'general'
        ? 'กรอกรายละเอียดให้เจ้าหน้าที่เข้าใจและไปถึงที่เกิดเหตุได้ หน่วยงานจะตอบภายใน 15 วัน'
        : 'เรื่องนี้ส่งถึงเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริตเท่านั้น เจ้าหน้าที่ทั่วไปและกลุ่ม LINE ของเจ้าหน้าที่จะไม่เห็นเนื้อหาหรือชื่อผู้แจ้ง',
    ),
    h(ChatDraftNotice, { chat }),
    h(ErrorSummary, { errors: summary, ...(formError && summary.length === 1 && !('field' in summary[0]!) ? { title: 'ส่งเรื่องไม่สำเร็จ' } : {}) }),
    kind === 'corruption' ? h(AnonymityChoice, { anonymous: draft.anonymous, onChange: (v) => set('anonymous', v) }) : null,
    categories === null && !categoriesError
      ? h(Loading, { label: 'กำลังโหลดประเภทเรื่อง…' })
      : h(Select, {
          id: 'category',
          label: 'ประเภทเรื่อง',
          required: true,
          value: draft.category,
          onChange: (v) => set('category', v),
          placeholder: categoriesError ? 'โหลดประเภทไม่สำเร็จ' : 'เลือกประเภท',
          options: (categories ?? []).map((c) => ({ value: c.id, label: c.title })),
          error: errors.category ?? categoriesError ?? undefined,
        }),
    h(TextField, {
      id: 'title',
      label: 'เรื่อง (สั้น ๆ)',
      required: true,
      hint: kind === 'general' ? 'เช่น ไฟถนนดับหน้าซอย 5' : 'เช่น ถูกเรียกเงินเพื่อให้ได้ใบอนุญาตเร็วขึ้น',
      value: draft.title,
      onInput: (v) => set('title', v),
      maxLength: LIMITS.title.max,
      error: errors.title,
    }),
    h(TextArea, {
      id: 'description',
      label: 'รายละเอียด',
      required: true,
      hint: kind === 'general' ? 'เกิดอะไรขึ้น ตั้งแต่เมื่อไร มีผลกระทบอย่างไร' : 'เกิดอะไรขึ้น ที่ไหน เมื่อไร ใครเกี่ยวข้อง มีหลักฐานอะไร',
      value: draft.description,
      onInput: (v) => set('description', v),
      maxLength: LIMITS.description.max,
      error: errors.description,
    }),
    h(
      'div',
      { class: 'field-group' },
      h(TextField, {
        id: 'place',
        label: 'สถานที่',
        required: false,
        hint: 'เช่น บ้านเลขที่ ถนน ซอย หมู่ที่ หรือจุดสังเกต',
        value: draft.placeText,
        onInput: (v) => set('placeText', v),
        maxLength: LIMITS.place.max,
        autocomplete: 'street-address',
        error: errors.place,
      }),
      h(
        'div',
        { class: 'row' },
        draft.location
          ? h(
              'p',
              { class: 'located' },
              'ใช้ตำแหน่งปัจจุบันแล้ว ',
              h('a', { href: `https://maps.google.com/?q=${draft.location.lat},${draft.location.lng}`, target: '_blank', rel: 'noopener' }, 'ดูบนแผนที่'),
            )
          : null,
        draft.location
          ? h(Button, { kind: 'secondary', onClick: () => { set('location', null); setStatus('ลบตำแหน่งแล้ว'); } }, 'ไม่ใช้ตำแหน่ง')
          : h(Button, { kind: 'secondary', busy: locating, onClick: locate }, locating ? 'กำลังหาตำแหน่ง…' : [h('span', { 'aria-hidden': 'true', key: 'i' }, '📍'), 'ใช้ตำแหน่งปัจจุบัน']),
      ),
    ),
    h(PhotoPicker, { photos, busy: photoBusy, onAdd: addPhotos, onRemove: removePhoto, error: errors.photos, anonymous }),
    anonymous
      ? null
      : h(RadioGroup, {
          id: 'contact',
          legend: 'ต้องการให้ติดต่อกลับทางไหน',
          value: draft.contact,
          onChange: (v) => set('contact', v as ComplaintDraft['contact']),
          error: errors.contact,
          options: [
            { value: 'line', label: 'แจ้งความคืบหน้าทาง LINE', hint: 'แนะนำ: ได้รับข้อความทุกครั้งที่สถานะเปลี่ยน' },
            { value: 'phone', label: 'โทรศัพท์ และแจ้งทาง LINE' },
            { value: 'email', label: 'อีเมล และแจ้งทาง LINE' },
            { value: 'none', label: 'ไม่ต้องติดต่อกลับ', hint: 'ยังติดตามเองได้ด้วยรหัสติดตาม' },
          ],
        }),
    !anonymous && (draft.contact === 'phone' || draft.contact === 'email')
      ? h(TextField, {
          id: 'contactName',
          label: 'ชื่อที่ให้เจ้าหน้าที่เรียก',
          hint: 'ถ้าไม่กรอก เจ้าหน้าที่จะเห็นชื่อ LINE ของคุณ',
          autocomplete: 'name',
          value: draft.contactName,
          onInput: (v) => set('contactName', v),
          error: errors.contactName,
        })
      : null,
    !anonymous && draft.contact === 'phone'
      ? h(TextField, {
          id: 'phone',
          label: 'หมายเลขโทรศัพท์',
          required: true,
          type: 'tel',
          inputMode: 'tel',
          autocomplete: 'tel',
          value: draft.phone,
          onInput: (v) => set('phone', v),
          error: errors.phone,
        })
      : null,
    !anonymous && draft.contact === 'email'
      ? h(TextField, {
          id: 'email',
          label: 'อีเมล',
          required: true,
          type: 'email',
          inputMode: 'email',
          autocomplete: 'email',
          value: draft.email,
          onInput: (v) => set('email', v),
          error: errors.email,
        })
      : null,
    h(ConsentNotice, { kind, anonymous }),
    anonymous
      ? null
      : h(
          Checkbox,
          { id: 'consent', checked: draft.consent, onChange: (v) => set('consent', v), error: errors.consent },
          'ฉันอ่านและยินยอมให้หน่วยงานเก็บและใช้ข้อมูลนี้เพื่อดำเนินการเรื่องนี้',
        ),
    h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' }, status),
    h(Button, { type: 'submit', busy: submitting }, submitting ? 'กำลังส่ง…' : 'ส่งเรื่อง'),
  );
}

function AnonymityChoice(props: { anonymous: boolean; onChange: (v: boolean) => void }): ComponentChild {
  return h(
    'fieldset',
    { class: 'field radios anonymity', id: 'anonymous' },
    h('legend', { class: 'label' }, 'ต้องการระบุตัวตนหรือไม่'),
    h(
      'label',
      { class: 'choice' },
      h('input', { type: 'radio', name: 'anonymous', value: 'named', checked: !props.anonymous, onChange: () => props.onChange(false) }),
      h(
        'span',
        null,
        'ระบุตัวตน',
        h('small', { class: 'choice-hint' }, 'เฉพาะเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริตเห็นชื่อ LINE ของคุณ ใช้ติดต่อขอข้อมูลเพิ่มและแจ้งผลทาง LINE ไม่เปิดเผยต่อเจ้าหน้าที่คนอื่นหรือผู้ถูกร้อง'),
      ),
    ),
    h(
      'label',
      { class: 'choice' },
      h('input', { type: 'radio', name: 'anonymous', value: 'anonymous', checked: props.anonymous, onChange: () => props.onChange(true) }),
      h(
        'span',
        null,
        'ไม่ระบุตัวตน',
        h('small', { class: 'choice-hint' }, 'ระบบจะไม่ส่งบัญชี LINE ของคุณไปกับเรื่องนี้ ไม่มีใครรู้ว่าใครแจ้ง แต่หน่วยงานจะติดต่อกลับไม่ได้ คุณจะได้รหัสติดตามและรหัสลับไว้ติดตามเอง'),
      ),
    ),
  );
}

function ConsentNotice(props: { kind: ComplaintKind; anonymous: boolean }): ComponentChild {
  return h(
    'details',
    { class: 'pdpa', open: true },
    h('summary', null, 'การใช้ข้อมูลส่วนบุคคล (PDPA)'),
    h(
      'ul',
      null,
      h('li', null, 'ข้อมูลที่คุณกรอกและรูปภาพใช้เพื่อตรวจสอบและแก้ไขเรื่องนี้ และทำสถิติที่ไม่ระบุตัวบุคคลเท่านั้น'),
      props.anonymous
        ? h('li', null, 'แจ้งแบบไม่ระบุตัวตน: ไม่มีการเก็บบัญชี LINE ของคุณกับเรื่องนี้')
        : h(
            'li',
            null,
            props.kind === 'general'
              ? 'ผู้ที่เห็นชื่อของคุณ: เจ้าหน้าที่ของหน่วยงานที่รับผิดชอบเรื่องร้องเรียน ไม่เผยแพร่ต่อสาธารณะ'
              : 'ผู้ที่เห็นชื่อของคุณ: เฉพาะเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริต และทุกครั้งที่เปิดดูจะถูกบันทึกพร้อมเหตุผล',
          ),
      props.kind === 'corruption'
        ? h('li', null, 'รายละเอียด สถานที่ และรูปภาพอาจทำให้ผู้อื่นเดาได้ว่าใครเป็นผู้แจ้ง หากไม่ต้องการให้รู้ อย่าใส่ข้อมูลที่มีเพียงคุณที่รู้')
        : null,
      h('li', null, 'รูปภาพถูกย่อขนาดและลบข้อมูลตำแหน่งที่ฝังในไฟล์ก่อนส่ง'),
      h('li', null, 'คุณขอดู แก้ไข หรือขอลบข้อมูลได้ที่สำนักงานของหน่วยงาน'),
    ),
  );
}

function PhotoPicker(props: {
  photos: PreparedPhoto[];
  busy: boolean;
  onAdd: (files: FileList | null) => void;
  onRemove: (i: number) => void;
  error?: string | undefined;
  anonymous: boolean;
}): ComponentChild {
  const full = props.photos.length >= MAX_PHOTOS;
  return h(
    'div',
    { class: `field${props.error ? ' field-invalid' : ''}` },
    h('p', { class: 'label', id: 'photos-label' }, 'รูปภาพ ', h('span', { class: 'opt' }, `(ไม่บังคับ ไม่เกิน ${MAX_PHOTOS} รูป)`)),
    props.error ? h('p', { id: 'photos-error', class: 'error-text' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), props.error) : null,
    props.anonymous ? h('p', { class: 'hint' }, 'ระวัง: รูปอาจบอกได้ว่าใครถ่าย เช่น มุมกล้องจากบ้านของคุณ') : null,
    props.photos.length
      ? h(
          'ul',
          { class: 'photos' },
          props.photos.map((p, i) =>
            h(
              'li',
              { key: p.previewUrl },
              h('img', { src: p.previewUrl, alt: `รูปที่ ${i + 1}`, width: 96, height: 96 }),
              h('button', { type: 'button', class: 'btn btn-secondary btn-small', onClick: () => props.onRemove(i) }, `ลบรูปที่ ${i + 1}`),
            ),
          ),
        )
      : null,
    full
      ? null
      : h(
          'label',
          { class: 'btn btn-secondary file-btn', for: 'photos' },
          props.busy ? 'กำลังย่อรูป…' : [h('span', { 'aria-hidden': 'true', key: 'i' }, '📷'), 'เพิ่มรูป'],
          h('input', {
            id: 'photos',
            type: 'file',
            accept: 'image/*',
            multiple: true,
            class: 'visually-hidden',
            disabled: props.busy,
            'aria-describedby': props.error ? 'photos-error' : undefined,
            onChange: (e: Event) => {
              const input = e.currentTarget as HTMLInputElement;
              void props.onAdd(input.files);
              input.value = '';
            },
          }),
        ),
  );
}

/** The tracking code, big and grouped so it can be read out on the phone; for anonymous reports the secret as well. */
function Submitted(props: { created: Created; anonymous: boolean }): ComponentChild {
  const { created, anonymous } = props;
  const [copied, setCopied] = useState('');
  useEffect(() => focusSoon('submitted-title'), []);
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`คัดลอก${what}แล้ว`);
    } catch {
      setCopied(`คัดลอกไม่ได้ กรุณาจด${what}ไว้`);
    }
  };
  const secret = created.trackingSecret;
  const close = getSession().closeWindow;
  return h(
    'section',
    { class: 'submitted', 'aria-labelledby': 'submitted-title' },
    h('h2', { id: 'submitted-title', tabIndex: -1 }, 'ส่งเรื่องเรียบร้อยแล้ว'),
    h('p', null, 'รหัสติดตามเรื่องของคุณคือ'),
    h(CodeDisplay, { code: created.trackingCode, testId: 'tracking-code' }),
    h(Button, { kind: 'secondary', onClick: () => void copy(created.trackingCode, 'รหัสติดตาม') }, 'คัดลอกรหัสติดตาม'),
    anonymous && secret
      ? h(
          Notice,
          { kind: 'warning', title: 'บันทึกรหัสลับนี้ไว้ตอนนี้' },
          h('p', null, 'เรื่องนี้ไม่ระบุตัวตน ต้องใช้ทั้งรหัสติดตามและรหัสลับจึงจะดูความคืบหน้าได้ ระบบจะไม่แสดงรหัสลับอีก และไม่มีใครกู้คืนให้ได้ เพราะไม่มีใครรู้ว่าคุณเป็นผู้แจ้ง'),
          h('p', null, 'รหัสลับ'),
          h(CodeDisplay, { code: secret, testId: 'tracking-secret', groupSize: 4 }),
          h(Button, { kind: 'primary', onClick: () => void copy(`รหัสติดตาม ${created.trackingCode}\nรหัสลับ ${secret}`, 'รหัสทั้งสอง') }, 'คัดลอกรหัสติดตามและรหัสลับ'),
          h('p', { class: 'hint' }, 'แนะนำ: จดลงกระดาษ หรือถ่ายภาพหน้าจอเก็บไว้ในที่ปลอดภัย'),
        )
      : h('p', null, 'หน่วยงานจะแจ้งความคืบหน้าทาง LINE และควรดำเนินการให้แล้วเสร็จภายใน 15 วัน'),
    h('p', { role: 'status', class: 'copied' }, copied),
    h(
      'div',
      { class: 'stack' },
      anonymous
        ? h(Link, { to: 'complaints/track', class: 'btn btn-secondary' }, 'ติดตามเรื่อง')
        : h(Link, { to: `complaints/${encodeURIComponent(created.trackingCode)}`, class: 'btn btn-secondary' }, 'ดูสถานะเรื่องนี้'),
      h(Link, { to: '', class: 'btn btn-secondary' }, 'กลับหน้าหลัก'),
      close ? h(Button, { kind: 'secondary', onClick: close }, 'กลับไปที่แชท LINE') : null,
    ),
  );
}

const draftKey = (kind: ComplaintKind) => `complaint-draft-${kind}`;

function restoreDraft(kind: ComplaintKind): Partial<ComplaintDraft> {
  try {
    const saved = JSON.parse(sessionStorage.getItem(draftKey(kind)) ?? 'null') as Partial<ComplaintDraft> | null;
    if (!saved || typeof saved !== 'object') return {};
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    return {
      category: text(saved.category),
      title: text(saved.title),
      description: text(saved.description),
      placeText: text(saved.placeText),
      phone: text(saved.phone),
      email: text(saved.email),
      contactName: text(saved.contactName),
      ...(saved.contact === 'line' || saved.contact === 'phone' || saved.contact === 'email' || saved.contact === 'none' ? { contact: saved.contact } : {}),
      anonymous: saved.anonymous === true,
    };
  } catch {
    return {};
  }
}

function saveDraft(d: ComplaintDraft): void {
  try {
    const { kind, category, title, description, placeText, phone, email, contactName, contact, anonymous } = d;
    sessionStorage.setItem(draftKey(kind), JSON.stringify({ category, title, description, placeText, phone, email, contactName, contact, anonymous }));
  } catch {
    // Storage full or disabled: the draft is simply not kept.
  }
}

function clearDraft(kind: ComplaintKind): void {
  try {
    sessionStorage.removeItem(draftKey(kind));
  } catch {
    // ignore
  }
}
