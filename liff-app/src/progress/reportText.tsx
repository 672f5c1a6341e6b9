import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, request } from '../lib/api.ts';
import type { PageProps } from '../lib/router.ts';
import { Button, ErrorSummary, ErrorView, Link, Loading, Notice, TextArea, focusSoon, issuesByField, useApi } from '../lib/ui.ts';
import { orgIdFromPath } from './list.tsx';
import type { ReportText } from './model.ts';

/** Staff: the editable part of a monitoring report, problems and suggestions (ปัญหาและอุปสรรค, ข้อเสนอแนะ). */

export default function ReportTextPage(props: PageProps): ComponentChild {
  const year = props.query.get('year') ?? '';
  const period = props.query.get('period') === 'annual' ? 'annual' : 'six-month';
  const report = useApi<ReportText>(year ? `/reports/${encodeURIComponent(year)}/${period}` : null);
  if (!year)
    return (
      <Notice kind="error">
        <p>ลิงก์ไม่ครบ: ไม่ได้ระบุปีงบประมาณ</p>
      </Notice>
    );
  if (report.error) return <ErrorView error={report.error} retry={report.reload} />;
  if (!report.data) return <Loading />;
  return (
    <div>
      <p>
        <Link to={`staff/progress?year=${encodeURIComponent(year)}`}>‹ กลับไปที่รายการโครงการ</Link>
      </p>
      <p>
        {`รายงานปีงบประมาณ ${report.data.fiscalYear} ${report.data.periodLabel} · `}
        <a href={`/orgs/${encodeURIComponent(orgIdFromPath())}/reports/${encodeURIComponent(year)}/${period}`} target="_blank" rel="noopener">
          ดูรายงาน
        </a>
      </p>
      <TextForm key={`${year}-${period}`} year={year} period={period} initial={report.data} onSaved={report.reload} />
    </div>
  );
}

function TextForm(props: { year: string; period: string; initial: ReportText; onSaved: () => void }): ComponentChild {
  const [problems, setProblems] = useState(props.initial.problems);
  const [suggestions, setSuggestions] = useState(props.initial.suggestions);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    setFormError(null);
    try {
      await request(`/staff/reports/${encodeURIComponent(props.year)}/${props.period}/text`, { method: 'PUT', body: { problems, suggestions } });
      setErrors({});
      setSaved(true);
      props.onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.issues.length) setErrors(issuesByField(err.issues));
      setFormError(err instanceof Error ? err.message : String(err));
      focusSoon('error-summary');
    } finally {
      setBusy(false);
    }
  };
  const summary = [
    ...(formError && !Object.values(errors).some(Boolean) ? [{ message: formError }] : []),
    ...(['problems', 'suggestions'] as const).filter((k) => errors[k]).map((k) => ({ field: k, message: errors[k]! })),
  ];
  return (
    <form noValidate={true} onSubmit={submit} class="form card">
      {saved ? (
        <Notice kind="success" role="status">
          <p>บันทึกแล้ว รายงานแสดงข้อความนี้</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={summary} title="บันทึกไม่สำเร็จ" />
      <TextArea id="problems" label="ปัญหาและอุปสรรค" value={problems} onInput={setProblems} maxLength={4000} rows={6} error={errors.problems} />
      <TextArea id="suggestions" label="ข้อเสนอแนะ" value={suggestions} onInput={setSuggestions} maxLength={4000} rows={6} error={errors.suggestions} />
      <Button type="submit" busy={busy}>
        {busy ? 'กำลังบันทึก…' : 'บันทึกข้อความในรายงาน'}
      </Button>
    </form>
  );
}
