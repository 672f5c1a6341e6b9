import type { ComponentChild } from 'preact';
import { CONSENT_SENTENCE, MAX_PHOTOS } from '../../../functions/src/contracts/tables/complaints.ts';
import type { Category, ComplaintKind } from '../lib/complaints.ts';
import type { PreparedPhoto } from '../lib/photos.ts';
import { Button, Checkbox, Loading, RadioGroup, Select, TextArea, TextField } from '../lib/ui.ts';
import { LIMITS, type ComplaintDraft, type FieldErrors } from './complaintRules.ts';

/** The complaint form's steps, top to bottom. Each shows part of the draft and reports changes with `set`. */
type Set = (patch: Partial<ComplaintDraft>) => void;
interface StepProps {
  draft: ComplaintDraft;
  errors: FieldErrors;
  set: Set;
}

/** Corruption reports only: named (integrity officers see the LINE name) or anonymous (no LINE account sent at all). */
export function AnonymityChoice(props: { anonymous: boolean; onChange: (v: boolean) => void }): ComponentChild {
  return (
    <fieldset class="field radios anonymity" id="anonymous">
      <legend class="label">ต้องการระบุตัวตนหรือไม่</legend>
      <label class="choice">
        <input type="radio" name="anonymous" value="named" checked={!props.anonymous} onChange={() => props.onChange(false)} />
        <span>
          ระบุตัวตน
          <small class="choice-hint">เฉพาะเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริตเห็นชื่อ LINE ของคุณ ใช้ติดต่อขอข้อมูลเพิ่มและแจ้งผลทาง LINE ไม่เปิดเผยต่อเจ้าหน้าที่คนอื่นหรือผู้ถูกร้อง</small>
        </span>
      </label>
      <label class="choice">
        <input type="radio" name="anonymous" value="anonymous" checked={props.anonymous} onChange={() => props.onChange(true)} />
        <span>
          ไม่ระบุตัวตน
          <small class="choice-hint">ระบบจะไม่ส่งบัญชี LINE ของคุณไปกับเรื่องนี้ ไม่มีใครรู้ว่าใครแจ้ง แต่หน่วยงานจะติดต่อกลับไม่ได้ คุณจะได้รหัสติดตามและรหัสลับไว้ติดตามเอง</small>
        </span>
      </label>
    </fieldset>
  );
}

/** What happened: the category, a short title, the details. */
export function WhatStep(props: StepProps & { categories: Category[] | null; categoriesError: string | null }): ComponentChild {
  const { draft, errors, set } = props;
  const general = draft.kind === 'general';
  return (
    <>
      {props.categories === null && !props.categoriesError ? (
        <Loading label="กำลังโหลดประเภทเรื่อง…" />
      ) : (
        <Select
          id="category"
          label="ประเภทเรื่อง"
          required
          value={draft.category}
          onChange={(v) => set({ category: v })}
          placeholder={props.categoriesError ? 'โหลดประเภทไม่สำเร็จ' : 'เลือกประเภท'}
          options={(props.categories ?? []).map((c) => ({ value: c.id, label: c.title }))}
          error={errors.category ?? props.categoriesError ?? undefined}
        />
      )}
      <TextField
        id="title"
        label="เรื่อง (สั้น ๆ)"
        required
        hint={general ? 'เช่น ไฟถนนดับหน้าซอย 5' : 'เช่น ถูกเรียกเงินเพื่อให้ได้ใบอนุญาตเร็วขึ้น'}
        value={draft.title}
        onInput={(v) => set({ title: v })}
        maxLength={LIMITS.title.max}
        error={errors.title}
      />
      <TextArea
        id="description"
        label="รายละเอียด"
        required
        hint={general ? 'เกิดอะไรขึ้น ตั้งแต่เมื่อไร มีผลกระทบอย่างไร' : 'เกิดอะไรขึ้น ที่ไหน เมื่อไร ใครเกี่ยวข้อง มีหลักฐานอะไร'}
        value={draft.description}
        onInput={(v) => set({ description: v })}
        maxLength={LIMITS.description.max}
        error={errors.description}
      />
    </>
  );
}

/** Where: an address or landmark, and/or the phone's position. */
export function PlaceStep(props: StepProps & { locating: boolean; onLocate: () => void; onForget: () => void }): ComponentChild {
  const { draft, errors, set } = props;
  const pin = draft.location;
  return (
    <div class="field-group">
      <TextField
        id="place"
        label="สถานที่"
        required={false}
        hint="เช่น บ้านเลขที่ ถนน ซอย หมู่ที่ หรือจุดสังเกต"
        value={draft.placeText}
        onInput={(v) => set({ placeText: v })}
        maxLength={LIMITS.place.max}
        autocomplete="street-address"
        error={errors.place}
      />
      <div class="row">
        {pin ? (
          <p class="located">
            ใช้ตำแหน่งปัจจุบันแล้ว{' '}
            <a href={`https://maps.google.com/?q=${pin.lat},${pin.lng}`} target="_blank" rel="noopener">
              ดูบนแผนที่
            </a>
          </p>
        ) : null}
        {pin ? (
          <Button kind="secondary" onClick={props.onForget}>
            ไม่ใช้ตำแหน่ง
          </Button>
        ) : (
          <Button kind="secondary" busy={props.locating} onClick={props.onLocate}>
            {props.locating ? 'กำลังหาตำแหน่ง…' : [<span aria-hidden="true" key="i">📍</span>, 'ใช้ตำแหน่งปัจจุบัน']}
          </Button>
        )}
      </div>
    </div>
  );
}

/** Up to MAX_PHOTOS photos, downscaled in the browser; each can be removed. */
export function PhotoStep(props: {
  photos: PreparedPhoto[];
  busy: boolean;
  onAdd: (files: FileList | null) => void;
  onRemove: (i: number) => void;
  error?: string | undefined;
  anonymous: boolean;
}): ComponentChild {
  const full = props.photos.length >= MAX_PHOTOS;
  return (
    <div class={`field${props.error ? ' field-invalid' : ''}`}>
      <p class="label" id="photos-label">
        รูปภาพ <span class="opt">{`(ไม่บังคับ ไม่เกิน ${MAX_PHOTOS} รูป)`}</span>
      </p>
      {props.error ? (
        <p id="photos-error" class="error-text">
          <span aria-hidden="true">⚠ </span>
          {props.error}
        </p>
      ) : null}
      {props.anonymous ? <p class="hint">ระวัง: รูปอาจบอกได้ว่าใครถ่าย เช่น มุมกล้องจากบ้านของคุณ</p> : null}
      {props.photos.length ? (
        <ul class="photos">
          {props.photos.map((p, i) => (
            <li key={p.previewUrl}>
              <img src={p.previewUrl} alt={`รูปที่ ${i + 1}`} width={96} height={96} />
              <button type="button" class="btn btn-secondary btn-small" onClick={() => props.onRemove(i)}>
                {`ลบรูปที่ ${i + 1}`}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {full ? null : (
        <label class="btn btn-secondary file-btn" for="photos">
          {props.busy ? 'กำลังย่อรูป…' : [<span aria-hidden="true" key="i">📷</span>, 'เพิ่มรูป']}
          <input
            id="photos"
            type="file"
            accept="image/*"
            multiple
            class="visually-hidden"
            disabled={props.busy}
            aria-describedby={props.error ? 'photos-error' : undefined}
            onChange={(e) => {
              const input = e.currentTarget;
              props.onAdd(input.files);
              input.value = '';
            }}
          />
        </label>
      )}
    </div>
  );
}

/** How to be reached (not for an anonymous report), and what reaches them in LINE. */
export function ContactStep(props: StepProps): ComponentChild {
  const { draft, errors, set } = props;
  const other = draft.contact === 'phone' || draft.contact === 'email';
  return (
    <>
      <RadioGroup
        id="contact"
        legend="ต้องการให้ติดต่อกลับทางไหน"
        value={draft.contact}
        onChange={(v) => set({ contact: v as ComplaintDraft['contact'] })}
        error={errors.contact}
        options={[
          { value: 'line', label: 'แจ้งความคืบหน้าทาง LINE', hint: 'แนะนำ: ได้รับข้อความเมื่อเจ้าหน้าที่รับเรื่องและเมื่อดำเนินการเสร็จ ดูทุกขั้นตอนได้ในหน้าสถานะเรื่อง' },
          { value: 'phone', label: 'โทรศัพท์ และแจ้งทาง LINE' },
          { value: 'email', label: 'อีเมล และแจ้งทาง LINE' },
          { value: 'none', label: 'ไม่ต้องติดต่อกลับ', hint: 'ยังติดตามเองได้ด้วยรหัสติดตาม' },
        ]}
      />
      {other ? (
        <TextField
          id="contactName"
          label="ชื่อที่ให้เจ้าหน้าที่เรียก"
          hint="ถ้าไม่กรอก เจ้าหน้าที่จะเห็นชื่อ LINE ของคุณ"
          autocomplete="name"
          value={draft.contactName}
          onInput={(v) => set({ contactName: v })}
          error={errors.contactName}
        />
      ) : null}
      {draft.contact === 'phone' ? (
        <TextField id="phone" label="หมายเลขโทรศัพท์" required type="tel" inputMode="tel" autocomplete="tel" value={draft.phone} onInput={(v) => set({ phone: v })} error={errors.phone} />
      ) : null}
      {draft.contact === 'email' ? (
        <TextField id="email" label="อีเมล" required type="email" inputMode="email" autocomplete="email" value={draft.email} onInput={(v) => set({ email: v })} error={errors.email} />
      ) : null}
      <Checkbox id="updates" checked={draft.updates === 'all'} onChange={(v) => set({ updates: v ? 'all' : 'important' })}>
        ส่งทุกความคืบหน้าให้ฉันทาง LINE (รวมถึงยืนยันการรับเรื่องและบันทึกระหว่างดำเนินการ)
      </Checkbox>
    </>
  );
}

/** What is done with their data (PDPA), and their consent (not asked of an anonymous report: nothing personal is kept). */
export function ConsentStep(props: StepProps & { anonymous: boolean }): ComponentChild {
  const { draft, errors, set, anonymous } = props;
  return (
    <>
      <ConsentNotice kind={draft.kind} anonymous={anonymous} />
      {anonymous ? null : (
        <Checkbox id="consent" checked={draft.consent} onChange={(v) => set({ consent: v })} error={errors.consent}>
          {CONSENT_SENTENCE}
        </Checkbox>
      )}
    </>
  );
}

function ConsentNotice(props: { kind: ComplaintKind; anonymous: boolean }): ComponentChild {
  return (
    <details class="pdpa" open>
      <summary>การใช้ข้อมูลส่วนบุคคล (PDPA)</summary>
      <ul>
        <li>ข้อมูลที่คุณกรอกและรูปภาพใช้เพื่อตรวจสอบและแก้ไขเรื่องนี้ และทำสถิติที่ไม่ระบุตัวบุคคลเท่านั้น</li>
        {props.anonymous ? (
          <li>แจ้งแบบไม่ระบุตัวตน: ไม่มีการเก็บบัญชี LINE ของคุณกับเรื่องนี้</li>
        ) : (
          <li>
            {props.kind === 'general'
              ? 'ผู้ที่เห็นชื่อของคุณ: เจ้าหน้าที่ของหน่วยงานที่รับผิดชอบเรื่องร้องเรียน ไม่เผยแพร่ต่อสาธารณะ'
              : 'ผู้ที่เห็นชื่อของคุณ: เฉพาะเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริต และทุกครั้งที่เปิดดูจะถูกบันทึกพร้อมเหตุผล'}
          </li>
        )}
        {props.kind === 'corruption' ? <li>รายละเอียด สถานที่ และรูปภาพอาจทำให้ผู้อื่นเดาได้ว่าใครเป็นผู้แจ้ง หากไม่ต้องการให้รู้ อย่าใส่ข้อมูลที่มีเพียงคุณที่รู้</li> : null}
        <li>รูปภาพถูกย่อขนาดและลบข้อมูลตำแหน่งที่ฝังในไฟล์ก่อนส่ง</li>
        <li>คุณขอดู แก้ไข หรือขอลบข้อมูลได้ที่สำนักงานของหน่วยงาน</li>
      </ul>
    </details>
  );
}
