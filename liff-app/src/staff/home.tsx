import type { ComponentChild } from 'preact';
import type { ComplaintView } from '../lib/complaints.ts';
import type { PageProps } from '../lib/router.ts';
import { ErrorView, Link, Loading, Notice, useApi } from '../lib/ui.ts';
import type { Me, Role } from './model.ts';
import { JoinWithCode } from './join.tsx';
import { QuotaPanel } from './quota.tsx';

/**
 * The staff home (`staff`): per role, the places this person works, each a link, with counts of open complaints
 * (new, overdue, reopened) for those who handle them. Nobody is told "not registered" for another role's page: each
 * person sees what they can do and who grants more. The rich menu and staff messages open this page.
 */
interface Place {
  to: string;
  title: string;
  text: string;
  counts?: ComponentChild;
}

const COMPLAINT_ROLES: Role[] = ['admin', 'officer', 'integrity_officer'];
const OPEN = '/staff/complaints?status=received,acknowledged,in_progress';

function countsOf(items: ComplaintView[] | undefined): ComponentChild {
  if (!items) return <span class="meta">กำลังนับ…</span>;
  const n = {
    new: items.filter((c) => c.status === 'received').length,
    overdue: items.filter((c) => c.overdue).length,
    reopened: items.filter((c) => c.reopened).length,
  };
  return (
    <span class="counts">
      <span class="badge">{`ใหม่ ${n.new}`}</span>
      <span class={`badge${n.overdue ? ' badge-overdue' : ''}`}>{`เกินกำหนด ${n.overdue}`}</span>
      <span class={`badge${n.reopened ? ' badge-reopened' : ''}`}>{`ถูกเปิดอีกครั้ง ${n.reopened}`}</span>
    </span>
  );
}

export function placesFor(roles: Role[], open: ComplaintView[] | undefined): Place[] {
  const has = (...r: Role[]) => r.some((x) => roles.includes(x));
  const places: Place[] = [];
  if (has('admin', 'officer')) {
    places.push({
      to: 'staff/complaints?kind=general',
      title: 'เรื่องร้องเรียน',
      text: 'รับเรื่อง อัปเดตความคืบหน้า ปิดเรื่องพร้อมบันทึกถึงผู้ร้อง',
      counts: countsOf(open?.filter((c) => c.kind !== 'corruption')),
    });
  }
  if (has('integrity_officer')) {
    places.push(
      {
        to: 'staff/complaints?kind=corruption',
        title: 'เรื่องแจ้งเบาะแสการทุจริต',
        text: 'เฉพาะเจ้าหน้าที่ศูนย์ฯ ตัวตนผู้แจ้งเปิดดูได้เมื่อระบุเหตุผลและมีบันทึก',
        counts: countsOf(open?.filter((c) => c.kind === 'corruption')),
      },
      { to: 'staff/integrity', title: 'แต่งตั้งเจ้าหน้าที่ศูนย์ฯ', text: 'อนุมัติหรือปฏิเสธคำขอแต่งตั้ง' },
      { to: 'staff/integrity/audit', title: 'บันทึกการเข้าถึง', text: 'ใครเปิดดูตัวตนผู้แจ้งหรือแต่งตั้งใคร เมื่อไร' },
    );
  }
  if (has('admin', 'officer')) places.push({ to: 'staff/progress', title: 'ความคืบหน้าตามแผน', text: 'บันทึกผลการดำเนินงานโครงการและปัญหาในรายงาน' });
  if (has('admin', 'queue_operator')) places.push({ to: 'staff/queue', title: 'เรียกคิว', text: 'เรียกคิวถัดไป เรียกซ้ำ ข้ามคิว ตามลำดับมาก่อนได้ก่อน' });
  if (has('admin', 'officer', 'queue_operator')) places.push({ to: 'staff/ratings', title: 'ความพึงพอใจและความคิดเห็น', text: 'ผลประเมินและความคิดเห็นของผู้รับบริการ' });
  if (has('admin')) {
    places.push({ to: 'staff/members', title: 'สมาชิกและรหัสเชิญ', text: 'รายชื่อเจ้าหน้าที่และบทบาท ออกหรือยกเลิกรหัสเชิญ ถอนบทบาท' });
    places.push({ to: 'staff/plans', title: 'ร่างแผนรอตรวจ', text: 'ตรวจร่างแผนที่นำเข้า แก้ไข แล้วเผยแพร่' });
  }
  return places;
}

export default function StaffHome(props: PageProps): ComponentChild {
  const me = useApi<Me>('/staff/me');
  const roles = me.data?.staff?.roles ?? [];
  const handlesComplaints = roles.some((r) => COMPLAINT_ROLES.includes(r));
  // Fetched at the same time as soon as the roles are known; the page shows the links before the counts arrive.
  const open = useApi<{ complaints: ComplaintView[] }>(handlesComplaints ? OPEN : null);
  if (me.error) return <ErrorView error={me.error} retry={me.reload} />;
  if (me.loading || !me.data) return <Loading />;
  const staff = me.data.staff;
  if (!staff) {
    return (
      <Notice kind="info" title="บัญชี LINE นี้ยังไม่ได้เป็นเจ้าหน้าที่ของหน่วยงาน">
        <p>หากคุณเป็นเจ้าหน้าที่ ขอรหัสเชิญจากผู้ดูแลระบบ (IT) ของหน่วยงาน บทบาทเจ้าหน้าที่ศูนย์ปฏิบัติการต่อต้านการทุจริตต้องได้รับอนุมัติจากเจ้าหน้าที่ศูนย์ฯ อีกคนหนึ่ง</p>
        <JoinWithCode initialCode={props.query.get('invite') ?? ''} onJoined={me.reload} />
        <p>
          <Link to="">ไปหน้าบริการสำหรับประชาชน</Link>
        </p>
      </Notice>
    );
  }
  const places = placesFor(roles, open.data?.complaints);
  return (
    <div>
      <p>{`สวัสดี ${staff.displayName} · บทบาท: ${staff.roleLabels.join(', ')}`}</p>
      <ul class="list staff-places">
        {places.map((p) => (
          <li key={p.title}>
            <Link to={p.to} class="list-item">
              <strong>{p.title}</strong>
              <span class="meta">{p.text}</span>
              {p.counts ?? null}
            </Link>
          </li>
        ))}
      </ul>
      <QuotaPanel isAdmin={roles.includes('admin')} />
      <p class="meta">ต้องการสิทธิ์เพิ่ม ติดต่อผู้ดูแลระบบของหน่วยงาน (บทบาทเจ้าหน้าที่ศูนย์ฯ อนุมัติโดยเจ้าหน้าที่ศูนย์ฯ)</p>
    </div>
  );
}
