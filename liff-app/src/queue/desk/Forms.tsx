import type { ComponentChild } from 'preact';
import { formatNumber } from '../../lib/format.ts';
import { Button, Select, TextArea, TextField } from '../../lib/ui.ts';
import { waitPhrase, type Counter, type OperatorView, type TicketView } from '../lib.ts';
import type { Busy, DeskState, ReasonForm, ReasonKind } from './state.ts';

/** "เรียกหมายเลขที่ระบุ": calling past a lower waiting number needs a reason (the API's message shows by the field). */
export function CallSpecific(props: {
  counter: Counter;
  view: OperatorView;
  call: DeskState['call'];
  busy: Busy | null;
  onToggle: (open: boolean) => void;
  onEdit: (edit: { target?: string; reason?: string }) => void;
  onSubmit: (e: Event) => void;
}): ComponentChild {
  const { call, view } = props;
  return (
    <details class="card q-more" open={call.open} onToggle={(e: Event) => props.onToggle((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>เรียกหมายเลขที่ระบุ</summary>
      <form class="form" noValidate onSubmit={props.onSubmit}>
        <Select
          id="call-ticket"
          label="หมายเลขคิว"
          required
          value={call.target}
          placeholder={view.waiting.length ? 'เลือกหมายเลข' : 'ไม่มีคิวรออยู่'}
          options={view.waiting.map((w, i) => ({ value: w.id, label: `${w.label}${i === 0 ? ' (ถัดไปตามลำดับ)' : ''}${w.walkIn ? ' · walk-in' : ''}` }))}
          onChange={(v) => props.onEdit({ target: v })}
        />
        <TextArea
          id="call-reason"
          label="เหตุผลที่เรียกข้ามลำดับ"
          hint="จำเป็นเมื่อยังมีหมายเลขก่อนหน้ารออยู่ เช่น ผู้สูงอายุ ผู้พิการ หญิงตั้งครรภ์ เหตุผลนี้ถูกบันทึกไว้ตรวจสอบได้"
          value={call.reason}
          onInput={(v) => props.onEdit({ reason: v })}
          maxLength={200}
          rows={2}
          error={call.reasonError}
        />
        <Button type="submit" busy={props.busy === 'call'}>
          {`เรียกมาที่${props.counter.name}`}
        </Button>
      </form>
    </details>
  );
}

export const REASON_TEXT: Record<ReasonKind, { summary: string; ticket: string; reason: string; hint: string; submit: string; done: (label: string) => string; none: string }> = {
  cancel: {
    summary: 'ยกเลิกบัตรคิว',
    ticket: 'บัตรคิวที่จะยกเลิก',
    reason: 'เหตุผลที่ยกเลิก',
    hint: 'เช่น ผู้รับบริการแจ้งว่าไม่รอแล้ว มาผิดบริการ เหตุผลนี้ถูกบันทึกไว้และแจ้งผู้ถือบัตรทาง LINE',
    submit: 'ยกเลิกบัตรคิว',
    done: (l) => `ยกเลิกบัตรคิว ${l} แล้ว (บันทึกเหตุผลไว้ในบันทึกการเรียกคิว)`,
    none: 'ไม่มีบัตรคิวที่ยกเลิกได้',
  },
  reinstate: {
    summary: 'เรียกกลับเข้าคิว (ผู้ที่ถูกข้าม)',
    ticket: 'บัตรคิวที่ถูกข้าม',
    reason: 'เหตุผลที่เรียกกลับเข้าคิว',
    hint: 'เช่น มาถึงช้า ไปถ่ายเอกสาร บัตรคิวได้หมายเลขเดิมและกลับไปรอเรียก เหตุผลนี้ถูกบันทึกไว้ตรวจสอบได้',
    submit: 'เรียกกลับเข้าคิว',
    done: (l) => `เรียก ${l} กลับเข้าคิวแล้ว (หมายเลขเดิม รอเรียก)`,
    none: 'ไม่มีบัตรคิวที่ถูกข้าม',
  },
};

/** Cancel or reinstate a ticket, with a reason (its rules and Thai message are the API's). */
export function ReasonFormView(props: {
  kind: ReasonKind;
  form: ReasonForm;
  options: Array<{ id: string; label: string }>;
  busy: Busy | null;
  onToggle: (open: boolean) => void;
  onTicket: (ticketId: string) => void;
  onReason: (reason: string) => void;
  onSubmit: (e: Event) => void;
}): ComponentChild {
  const { kind, form: f, options, busy } = props;
  const words = REASON_TEXT[kind];
  return (
    <details class="card q-more" id={`${kind}-form`} open={f.open} onToggle={(e: Event) => props.onToggle((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{words.summary}</summary>
      <form class="form" noValidate onSubmit={props.onSubmit}>
        <Select
          id={`${kind}-ticket`}
          label={words.ticket}
          required
          value={options.some((o) => o.id === f.ticketId) ? f.ticketId : ''}
          placeholder={options.length ? 'เลือกหมายเลข' : words.none}
          options={options.map((o) => ({ value: o.id, label: o.label }))}
          error={f.errors.ticket}
          onChange={props.onTicket}
        />
        <TextArea id={`${kind}-reason`} label={words.reason} hint={words.hint} required value={f.reason} onInput={props.onReason} maxLength={200} rows={2} error={f.errors.reason} />
        <Button type="submit" kind="secondary" busy={busy === kind} disabled={!!busy && busy !== kind}>
          {words.submit}
        </Button>
      </form>
    </details>
  );
}

/** A ticket for someone without LINE: its number shown big, to write down or tell. */
export function WalkIn(props: { note: string; issued: TicketView | null; busy: Busy | null; onNote: (note: string) => void; onSubmit: (e: Event) => void }): ComponentChild {
  const t = props.issued;
  return (
    <details class="card q-more">
      <summary>ออกบัตรคิวให้ผู้ไม่มี LINE</summary>
      <form class="form" noValidate onSubmit={props.onSubmit}>
        <TextField id="walkin-note" label="หมายเหตุสำหรับเจ้าหน้าที่" hint="เช่น ผู้สูงอายุ ไม่มีโทรศัพท์ (ห้ามใส่ชื่อหรือเลขบัตรประชาชน)" value={props.note} onInput={props.onNote} maxLength={60} />
        <Button type="submit" kind="secondary" busy={props.busy === 'walkin'}>
          ออกบัตรคิว
        </Button>
        {t ? (
          <div class="notice notice-success">
            <p>บัตรคิวใหม่ เขียนหรือบอกหมายเลขนี้ให้ผู้รับบริการ</p>
            <p class="q-label q-label-staff" data-testid="walkin-label">
              {t.label}
            </p>
            <p>{`ก่อนหน้า ${formatNumber(t.ahead ?? 0)} คิว · ${waitPhrase(t.estimatedWaitMinutes)}`}</p>
          </div>
        ) : null}
      </form>
    </details>
  );
}
