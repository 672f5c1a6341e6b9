import type { ComponentChild } from 'preact';
import { useEffect, useReducer } from 'preact/hooks';
import { ApiError, request } from '../lib/api.ts';
import type { PageProps } from '../lib/router.ts';
import { getSession } from '../lib/session.ts';
import { Button, ErrorSummary, ErrorView, Link, Loading, Notice, Select, TextArea, focusSoon, useApi } from '../lib/ui.ts';
import { FORM_LABELS, ITEM_IDS, type Eligibility, type ItemId, type RatingCreated, type RatingForm } from './model.ts';
import { initialRatingForm, ratingFormReducer, type Errors } from './formState.ts';
import './ratings.css';

/**
 * The satisfaction form (issue 7). Opened from a QR poster (?service=), the link after a queue ticket (?ticket=), the
 * link after a resolved complaint (?complaint=), or from the menu (pick a service). Five rows of five real radio
 * buttons, laid out so all five fit on a 360×740 screen: five taps and "send". The server decides whether the rating
 * is accepted (once per ticket, complaint, or person-service-day) and its Thai refusal is shown as it is. It is also
 * asked up front (`GET ratings/eligibility`, read-only): a person who already rated sees the refusal instead of the form,
 * before tapping anything; with the service picker, the refusal shows by the picker. The submission still decides.
 */
interface TicketInfo {
  label?: string;
  serviceName?: string;
}

const COMPLAINT_TITLE = 'การจัดการเรื่องร้องเรียน/ร้องทุกข์';
const MISSING = 'กรุณาเลือกคะแนนด้านนี้';

export default function RatingNew(props: PageProps): ComponentChild {
  const ticket = props.query.get('ticket') ?? '';
  const complaint = ticket ? '' : (props.query.get('complaint') ?? '');
  const qrService = ticket || complaint ? '' : (props.query.get('service') ?? '');
  const form = useApi<RatingForm>('/ratings/form');
  // The ticket's number and service, for the heading only; the server checks the ticket itself.
  const ticketInfo = useApi<TicketInfo>(ticket ? `/tickets/${encodeURIComponent(ticket)}` : null);

  const [state, dispatch] = useReducer(ratingFormReducer, qrService, initialRatingForm);
  const { serviceId, scores, comment, ageGroup, errors, formErrors, refused, busy, created, moreOpen } = state;
  // The same once-only rules as the submission, asked before any tap. A 400 (unknown service or ticket) or a network
  // failure says nothing here: the form stays and the submission gives its own answer.
  const subject = ticket
    ? `ticketId=${encodeURIComponent(ticket)}`
    : complaint
      ? `complaintId=${encodeURIComponent(complaint)}`
      : serviceId
        ? `serviceId=${encodeURIComponent(serviceId)}`
        : '';
  const eligibility = useApi<Eligibility>(subject ? `/ratings/eligibility?${subject}` : null);

  if (form.loading && !form.data) return <Loading />;
  if (form.error || !form.data) return <ErrorView error={form.error} retry={form.reload} />;
  const data = form.data;
  if (created) return <ThankYou created={created} />;
  if (refused) return <Refused {...refused} ticket={Boolean(ticket)} />;

  const qrKnown = qrService ? data.services.find((s) => s.id === qrService) : undefined;
  // A poster for a service that is gone (or a mistyped link): say so and let the person pick.
  const picking = !ticket && !complaint && !qrKnown;
  const notEligible = !eligibility.loading && eligibility.data?.eligible === false ? eligibility.data : null;
  if (!picking) {
    if (eligibility.loading && !eligibility.data && !eligibility.error) return <Loading />;
    if (notEligible) return <Refused status={notEligible.status ?? 409} message={notEligible.reason ?? 'คุณประเมินรายการนี้ไม่ได้ค่ะ'} ticket={Boolean(ticket)} />;
  }
  // With the picker, a service already rated today says so by the picker (the person may pick another).
  const pickedRefusal = picking && serviceId && notEligible ? notEligible.reason : undefined;
  const commentMax = data.commentMax || 500;

  const fieldOrder = ['serviceId', ...ITEM_IDS.map((i) => `score-${i}`), 'comment', 'ageGroup'];
  const show = (found: Errors, general: string[] = []) => {
    dispatch({ type: 'show-errors', errors: found, general });
    focusSoon('error-summary');
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const found: Errors = {};
    if (picking && !serviceId) found.serviceId = 'กรุณาเลือกบริการที่คุณได้รับ';
    for (const item of ITEM_IDS) if (!scores[item]) found[`score-${item}`] = MISSING;
    if ([...comment.trim()].length > commentMax) found.comment = `ความคิดเห็นยาวเกิน ${commentMax} ตัวอักษร`;
    if (Object.keys(found).length) return show(found);
    dispatch({ type: 'submit' });
    const body = {
      ...(ticket ? { ticketId: ticket } : complaint ? { complaintId: complaint } : { serviceId }),
      scores,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(ageGroup ? { ageGroup } : {}),
    };
    try {
      dispatch({ type: 'created', created: await request<RatingCreated>('/ratings', { body }) });
      window.scrollTo(0, 0);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.issues.length) {
        const byField: Errors = {};
        const general: string[] = [];
        for (const issue of err.issues) {
          const [head, sub] = issue.path.split('.');
          const field = head === 'scores' && sub ? `score-${sub}` : (head ?? '');
          if (fieldOrder.includes(field) && (field !== 'serviceId' || picking)) byField[field] ??= issue.message;
          else general.push(issue.message);
        }
        show(byField, general.length ? general : Object.keys(byField).length ? [] : [err.message]);
      } else if (err instanceof ApiError && (err.status === 409 || err.status === 403)) {
        // Already rated, or not this person's ticket or complaint: sending again cannot help.
        dispatch({ type: 'refused', status: err.status, message: err.message });
      } else {
        show({}, [err instanceof Error ? err.message : String(err)]);
      }
    } finally {
      dispatch({ type: 'settled' });
    }
  };

  const what = ticket ? (
    <p class="rate-context">
      {'บริการตามบัตรคิว '}
      <strong>{ticketInfo.data?.label ?? ticket}</strong>
      {ticketInfo.data?.serviceName ? ` · ${ticketInfo.data.serviceName}` : ''}
    </p>
  ) : complaint ? (
    <p class="rate-context">
      {'เรื่อง: '}
      <strong>{COMPLAINT_TITLE}</strong>
    </p>
  ) : qrKnown ? (
    <p class="rate-context">
      {'บริการ: '}
      <strong>{qrKnown.title}</strong>
    </p>
  ) : null;

  // Unchosen rows make one line of the summary (five lines saying the same thing would push the form off screen).
  const missing = ITEM_IDS.filter((i) => errors[`score-${i}`] === MISSING);
  const summary = [
    ...formErrors.map((message) => ({ message })),
    ...fieldOrder.filter((f) => errors[f] && errors[f] !== MISSING).map((f) => ({ field: f, message: errors[f]! })),
    ...(missing.length
      ? [
          {
            field: `score-${missing[0]!}`,
            message: missing.length === ITEM_IDS.length ? 'กรุณาให้คะแนนทั้ง 5 ด้าน' : `ยังไม่ได้ให้คะแนน: ${missing.map((i) => FORM_LABELS[i]).join(', ')}`,
          },
        ]
      : []),
  ];

  return (
    <form noValidate={true} onSubmit={submit} class="form rate-form">
      <ErrorSummary errors={summary} title="ยังส่งแบบประเมินไม่ได้" />
      {what}
      {qrService && !qrKnown && !ticket && !complaint ? (
        <Notice kind="warning">
          <p>ไม่พบบริการตามลิงก์นี้ หรือบริการปิดรับการประเมินแล้ว กรุณาเลือกบริการที่คุณได้รับ</p>
        </Notice>
      ) : null}
      {picking ? (
        <Select
          id="serviceId"
          label="บริการที่คุณได้รับ"
          required={true}
          value={serviceId}
          onChange={(v) => dispatch({ type: 'service', serviceId: v })}
          placeholder="เลือกบริการ"
          options={data.services.map((s) => ({ value: s.id, label: s.title }))}
          error={errors.serviceId ?? pickedRefusal}
        />
      ) : null}
      {ITEM_IDS.map((item) => (
        <ScoreRow
          key={item}
          item={item}
          labels={data.scores}
          value={scores[item]}
          error={errors[`score-${item}`]}
          onChange={(v: number) => dispatch({ type: 'score', item, value: v })}
        />
      ))}
      <details class="rate-more" open={moreOpen} onToggle={(e: Event) => dispatch({ type: 'more', open: (e.currentTarget as HTMLDetailsElement).open })}>
        <summary>
          <span>
            {'ความคิดเห็น / ช่วงอายุ '}
            <span class="opt">(ไม่บังคับ)</span>
          </span>
        </summary>
        <TextArea
          id="comment"
          label="ความคิดเห็นหรือข้อเสนอแนะ"
          hint="เจ้าหน้าที่ของหน่วยงานเท่านั้นที่อ่านได้ ไม่เผยแพร่ กรุณาอย่าใส่เลขบัตรประชาชน"
          value={comment}
          maxLength={commentMax}
          rows={3}
          onInput={(value) => dispatch({ type: 'comment', value })}
          error={errors.comment}
        />
        <Select
          id="ageGroup"
          label="ช่วงอายุ"
          value={ageGroup}
          onChange={(value) => dispatch({ type: 'age-group', value })}
          placeholder="ไม่ระบุ"
          options={data.ageGroups.map((a) => ({ value: a.id, label: a.label }))}
          error={errors.ageGroup}
        />
      </details>
      <Button type="submit" busy={busy}>
        {busy ? 'กำลังส่ง…' : 'ส่งแบบประเมิน'}
      </Button>
      <p class="hint rate-note">ไม่มีการเก็บชื่อของคุณไว้กับคะแนน ส่งแล้วแก้ไขไม่ได้ ประเมินบริการเดียวกันได้วันละครั้ง</p>
    </form>
  );
}

/** One item: a fieldset whose legend is the item and whose five radios are big boxes "1 น้อยที่สุด" … "5 มากที่สุด". */
function ScoreRow(props: {
  item: ItemId;
  labels: RatingForm['scores'];
  value: number | undefined;
  error: string | undefined;
  onChange: (v: number) => void;
}): ComponentChild {
  const id = `score-${props.item}`;
  const labels = props.labels.length === 5 ? props.labels : [1, 2, 3, 4, 5].map((value) => ({ value, label: '' }));
  return (
    <fieldset id={id} class={`rate-row${props.error ? ' field-invalid' : ''}`} aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend>{FORM_LABELS[props.item]}</legend>
      {props.error ? (
        <p id={`${id}-error`} class="error-text">
          <span aria-hidden="true">{'⚠ '}</span>
          {props.error}
        </p>
      ) : null}
      <div class="rate-options">
        {labels.map((s) => (
          <label key={s.value} class={`rate-opt rate-opt-${s.value}`} for={`${id}-${s.value}`}>
            <input
              type="radio"
              id={`${id}-${s.value}`}
              name={id}
              value={String(s.value)}
              checked={props.value === s.value}
              aria-invalid={props.error ? 'true' : undefined}
              onChange={() => props.onChange(s.value)}
            />
            <span class="rate-num">{String(s.value)}</span>
            <span class="rate-word">{s.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function ThankYou(props: { created: RatingCreated }): ComponentChild {
  const { created } = props;
  useEffect(() => focusSoon('rated-title'), []);
  const close = getSession().closeWindow;
  const results = created.source === 'complaint' ? 'ratings/results' : `ratings/results?service=${encodeURIComponent(created.serviceId)}`;
  return (
    <section class="submitted rate-thanks" aria-labelledby="rated-title">
      <p class="rate-thanks-icon" aria-hidden="true">
        ✓
      </p>
      <h2 id="rated-title" tabIndex={-1}>
        ขอบคุณที่ร่วมประเมินค่ะ
      </h2>
      <p data-testid="rated-message">{created.message}</p>
      <p class="hint">{`บันทึกผลการประเมิน “${created.serviceTitle}” แล้ว ผลรวมของทุกคนเผยแพร่ในหน้าผลความพึงพอใจ`}</p>
      <div class="stack">
        <Link to={results} class="btn btn-secondary">
          ดูผลความพึงพอใจ
        </Link>
        <Link to="" class="btn btn-secondary">
          กลับหน้าหลัก
        </Link>
        {close ? (
          <Button kind="secondary" onClick={close}>
            กลับไปที่แชท LINE
          </Button>
        ) : null}
      </div>
    </section>
  );
}

/** A refusal that sending again cannot change: the server's Thai words, and where to go instead. */
function Refused(props: { status: number; message: string; ticket: boolean }): ComponentChild {
  // Shown on opening (eligibility) or after sending: either way the refusal is where focus goes.
  useEffect(() => focusSoon('rating-refused'), []);
  const title = props.status === 409 ? 'ได้รับการประเมินแล้ว' : 'ประเมินจากลิงก์นี้ไม่ได้';
  return (
    <div>
      <div class="notice notice-warning" role="alert" id="rating-refused" tabIndex={-1}>
        <p class="notice-title">{title}</p>
        <p data-testid="refusal">{props.message}</p>
      </div>
      <div class="stack">
        {props.status === 403 && props.ticket ? (
          <Link to="ratings/new" class="btn btn-secondary">
            เลือกบริการแล้วประเมิน
          </Link>
        ) : null}
        <Link to="ratings/results" class="btn btn-secondary">
          ดูผลความพึงพอใจ
        </Link>
        <Link to="" class="btn btn-secondary">
          กลับหน้าหลัก
        </Link>
      </div>
    </div>
  );
}
