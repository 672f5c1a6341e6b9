import { h, type ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { request } from '../lib/api.ts';
import { formatDateTime } from '../lib/format.ts';
import type { PageProps } from '../lib/router.ts';
import { Button, ErrorView, Link, Loading } from '../lib/ui.ts';

/**
 * Integrity officers: the append-only audit log of the integrity role: invitations carrying it, grant requests and
 * decisions, grants by the operator's command line, revocations, and every look at who reported a corruption case
 * (who, when, which case, why). Nobody can change or delete an entry; each is chained to the one before by hash.
 */
interface Entry {
  seq: number;
  at: string;
  action: string;
  actionLabel: string;
  actor: { type: 'staff' | 'operator'; displayName: string };
  subject: { displayName: string } | null;
  trackingCode: string | null;
  complaintId: string | null;
  reason: string | null;
}

const PAGE = 50;

export default function IntegrityAudit(_props: PageProps): ComponentChild {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [more, setMore] = useState(false);

  const load = async (before?: number) => {
    setLoading(true);
    setError(null);
    try {
      const q = new URLSearchParams({ limit: String(PAGE), ...(before ? { before: String(before) } : {}) });
      const page = await request<{ entries: Entry[] }>(`/staff/integrity/audit?${q}`);
      setEntries((prev) => (before ? [...prev, ...page.entries] : page.entries));
      setMore(page.entries.length === PAGE);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => void load(), []);

  if (error && entries.length === 0) return h(ErrorView, { error, retry: () => void load(), staff: true });
  if (loading && entries.length === 0) return h(Loading, null);
  return h(
    'div',
    null,
    h('p', null, 'บันทึกนี้เพิ่มได้อย่างเดียว แก้ไขหรือลบไม่ได้ ทุกการเปิดดูตัวตนผู้แจ้งเบาะแสและทุกการแต่งตั้ง/ถอนเจ้าหน้าที่ศูนย์ฯ อยู่ที่นี่'),
    h('p', null, h(Link, { to: 'staff/integrity' }, '‹ คำขอแต่งตั้งเจ้าหน้าที่ศูนย์ฯ')),
    entries.length === 0 ? h('p', { class: 'hint' }, 'ยังไม่มีรายการ') : null,
    h(
      'ol',
      { class: 'plain audit', reversed: true },
      entries.map((e) =>
        h(
          'li',
          { key: e.seq, class: `card audit-entry audit-${e.action}`, 'data-seq': e.seq },
          h('p', null, h('strong', null, `#${e.seq} ${e.actionLabel}`)),
          h('p', { class: 'hint' }, formatDateTime(e.at)),
          h(
            'dl',
            { class: 'facts' },
            fact('โดย', e.actor.type === 'operator' ? `ผู้ดูแลเซิร์ฟเวอร์: ${e.actor.displayName}` : e.actor.displayName),
            e.subject?.displayName ? fact('ผู้เกี่ยวข้อง', e.subject.displayName) : null,
            e.trackingCode ? fact('เรื่อง', e.complaintId ? h(Link, { to: `staff/complaints/${e.complaintId}` }, e.trackingCode) : e.trackingCode) : null,
            e.reason ? fact('เหตุผล', e.reason) : null,
          ),
        ),
      ),
    ),
    more ? h(Button, { kind: 'secondary', busy: loading, onClick: () => void load(entries.at(-1)?.seq) }, 'ดูรายการก่อนหน้า') : null,
  );
}

function fact(label: string, value: ComponentChild): ComponentChild {
  return h('div', { class: 'fact' }, h('dt', null, label), h('dd', null, value));
}
