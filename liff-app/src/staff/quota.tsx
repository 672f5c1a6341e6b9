import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import type { QuotaView } from '../../../functions/src/contracts/quota.ts';
import { formatNumber, thaiDigitsToArabic } from '../../../functions/src/text/numbers.ts';
import { ApiError, request } from '../lib/api.ts';
import { Button, ErrorView, Loading, Notice, TextField, useApi } from '../lib/ui.ts';

/**
 * The staff home's LINE message panel: this month's pushes against the limit in force (LINE's quota and the
 * organisation's cap), a warning from 80 %, and for admins the monthly cap. Replies cost nothing and are not shown;
 * every push (a notice to a resident, a card to a staff group) spends one message per recipient.
 */
const n = (x: number) => formatNumber(x);
const monthName = (month: string) =>
  new Intl.DateTimeFormat('th-TH', { month: 'long', year: 'numeric', timeZone: 'Asia/Bangkok' }).format(new Date(`${month}-15T00:00:00+07:00`));

function CapForm(props: { cap: number | null; onSaved: (v: QuotaView) => void }): ComponentChild {
  const [value, setValue] = useState(props.cap === null ? '' : String(props.cap));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const save = async () => {
    const text = thaiDigitsToArabic(value.trim()).replace(/,/g, '');
    if (text !== '' && !/^\d+$/.test(text)) return setError('ใส่จำนวนข้อความเป็นตัวเลข หรือเว้นว่างเพื่อไม่จำกัด');
    setBusy(true);
    setError(undefined);
    try {
      props.onSaved(await request<QuotaView>('/quota/cap', { method: 'PUT', body: { monthlyCap: text === '' ? null : Number(text) } }));
    } catch (err) {
      setError(err instanceof ApiError ? (err.issues[0]?.message ?? err.message) : 'บันทึกไม่สำเร็จ');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="quota-cap"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TextField
        id="quota-cap"
        label="จำกัดข้อความต่อเดือน (ผู้ดูแลระบบ)"
        hint="ใกล้ถึงจำนวนนี้ (90%) ระบบงดส่งสรุปรายสัปดาห์และแจ้ง “ใกล้ถึงคิว” ถึงจำนวนนี้ส่งเฉพาะเรื่องสำคัญ (เรียกคิว แจ้งเบาะแสการทุจริต) เว้นว่าง = ไม่จำกัด"
        value={value}
        onInput={setValue}
        inputMode="numeric"
        error={error}
      />
      <Button type="submit" kind="secondary" busy={busy}>
        บันทึก
      </Button>
    </form>
  );
}

export function QuotaPanel(props: { isAdmin: boolean }): ComponentChild {
  const loaded = useApi<QuotaView>('/quota');
  const [saved, setSaved] = useState<QuotaView | undefined>(undefined);
  const q = saved ?? loaded.data;
  if (loaded.error) return <ErrorView error={loaded.error} retry={loaded.reload} staff />;
  if (!q) return <Loading label="กำลังโหลดจำนวนข้อความ LINE…" />;
  return (
    <section class="quota" aria-labelledby="quota-title">
      <h2 id="quota-title">ข้อความ LINE เดือน{monthName(q.month)}</h2>
      {q.notice ? (
        <Notice kind="warning" role="status" title={q.lineLimitReachedAt ? 'ข้อความเดือนนี้ครบโควตาแล้ว' : 'ใกล้ครบโควตาข้อความ'}>
          <p>{q.notice}</p>
        </Notice>
      ) : null}
      {q.limit !== null ? (
        <p>
          <progress max={q.limit} value={Math.min(q.used, q.limit)} aria-label="ข้อความที่ใช้ไปเทียบกับโควตา" /> ใช้ไป {n(q.used)} จาก {n(q.limit)} ({q.percent}%)
        </p>
      ) : (
        <p class="meta">ยังไม่มีโควตาหรือการจำกัดจำนวนข้อความ</p>
      )}
      <dl class="figures">
        <div class="figure">
          <dt>แจ้งเตือนที่ระบบส่ง (นับเอง)</dt>
          <dd>
            <strong>{n(q.pushes)}</strong>
          </dd>
        </div>
        <div class="figure">
          <dt>ตามที่ LINE นับ</dt>
          <dd>
            <strong>{q.line ? n(q.line.consumption) : '—'}</strong>
            {q.line ? <span class="meta"> {q.line.limit === null ? 'ไม่มีโควตา' : `โควตา ${n(q.line.limit)}`}</span> : <span class="meta"> ยังอ่านจาก LINE ไม่ได้</span>}
          </dd>
        </div>
        <div class="figure">
          <dt>จำกัดโดยหน่วยงาน</dt>
          <dd>
            <strong>{q.cap === null ? 'ไม่จำกัด' : n(q.cap)}</strong>
          </dd>
        </div>
        <div class="figure">
          <dt>ไม่ได้ส่ง (งด / โควตาหมด)</dt>
          <dd>
            <strong>
              {n(q.capped)} / {n(q.notDelivered)}
            </strong>
          </dd>
        </div>
      </dl>
      <p class="meta">LINE นับ 1 ข้อความต่อผู้รับหนึ่งคน ข้อความถึงกลุ่มเจ้าหน้าที่นับตามจำนวนสมาชิกกลุ่ม ข้อความตอบกลับไม่นับ</p>
      {props.isAdmin ? <CapForm cap={q.cap} onSaved={setSaved} /> : null}
    </section>
  );
}
