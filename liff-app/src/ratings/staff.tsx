import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { formatDateTime } from '../lib/format.ts';
import type { PageProps } from '../lib/router.ts';
import { ErrorView, Link, Loading, useApi } from '../lib/ui.ts';
import { FORM_LABELS, ITEM_IDS, SHORT_LABELS, SOURCE_LABELS, count, rangeQuery, type RatingComment, type RatingForm } from './model.ts';
import { periodAndServiceFields } from './filters.tsx';
import './ratings.css';

/**
 * Comments for staff (officer, admin, queue operator; the API decides): what raters wrote, with their five scores.
 * Low-score alerts in the staff group link here. Comments may hold names or phone numbers: never shown publicly.
 */
export default function StaffRatings(props: PageProps): ComponentChild {
  const [period, setPeriod] = useState('');
  const [serviceId, setServiceId] = useState(props.query.get('service') ?? '');
  const [lowOnly, setLowOnly] = useState(props.query.get('low') === '1');
  const form = useApi<RatingForm>('/ratings/form');
  const { data, error, loading, reload } = useApi<{ comments: RatingComment[] }>(`/staff/ratings/comments${rangeQuery(period, serviceId, { limit: '200' })}`);

  if (error) return <ErrorView error={error} retry={reload} staff={true} />;
  const isLow = (c: RatingComment) => ITEM_IDS.some((i) => (c.scores[i] ?? 5) <= 2);
  const comments = (data?.comments ?? []).filter((c) => !lowOnly || isLow(c));
  return (
    <div>
      <p>ความคิดเห็นจากแบบประเมินความพึงพอใจ สำหรับเจ้าหน้าที่เท่านั้น ห้ามเผยแพร่ เพราะอาจมีชื่อหรือเบอร์โทรของผู้ประเมิน</p>
      <div class="filters">
        {...periodAndServiceFields({
          period,
          setPeriod,
          serviceId,
          setServiceId,
          services: [...(form.data?.services ?? []), { id: 'complaint-process', title: 'การจัดการเรื่องร้องเรียน/ร้องทุกข์' }],
        })}
        <label class="choice" for="low-only">
          <input type="checkbox" id="low-only" checked={lowOnly} onChange={(e: Event) => setLowOnly((e.currentTarget as HTMLInputElement).checked)} />
          <span>เฉพาะที่มีคะแนน 1-2 อย่างน้อยหนึ่งด้าน</span>
        </label>
      </div>
      {loading && !data ? (
        <Loading />
      ) : (
        <section aria-labelledby="rate-comments-title">
          <h2 id="rate-comments-title">{`ความคิดเห็น ${count(comments.length)} รายการ`}</h2>
          {comments.length === 0 ? <p class="rate-empty">ยังไม่มีความคิดเห็นในช่วงนี้</p> : null}
          <ul class="rate-comments">
            {comments.map((c) => (
              <li key={c.ratingId} class={`rate-comment${isLow(c) ? ' rate-comment-low' : ''}`}>
                <p class="meta">
                  <strong>{c.serviceTitle}</strong>
                  {` · ${formatDateTime(c.createdAt)}`}
                  <br />
                  {SOURCE_LABELS[c.source] ?? c.source}
                </p>
                <blockquote>{c.comment}</blockquote>
                <ul class="rate-scores" aria-label="คะแนน">
                  {ITEM_IDS.map((i) => (
                    <li key={i} class={(c.scores[i] ?? 5) <= 2 ? 'low' : undefined}>
                      <abbr title={FORM_LABELS[i]}>{SHORT_LABELS[i]}</abbr>
                      {` ${c.scores[i] ?? '–'}`}
                      {(c.scores[i] ?? 5) <= 2 ? ' (ต่ำ)' : ''}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <Link to="ratings/results">ดูผลความพึงพอใจที่เผยแพร่</Link>
      </p>
    </div>
  );
}
