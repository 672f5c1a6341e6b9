import type { ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { PageProps } from '../lib/router.ts';
import { Loading, Notice, useApi } from '../lib/ui.ts';
import { Desk } from './desk/Desk.tsx';
import { Refused } from './desk/Refused.tsx';
import type { QueueService } from './lib.ts';
import './queue.css';

/**
 * `staff/queue`: the operator's desk. Pick the service and counter once (remembered on this device), then one big
 * button per person: call next (which completes whoever is still at this counter), recall, skip, complete. Calling a
 * number out of order needs a reason (the API refuses without one and its message is shown by the field). Start of
 * service (optional: service time then starts there). A skipped ticket can be put back in line ("เรียกกลับเข้าคิว")
 * and a waiting or called ticket cancelled by staff ("ยกเลิกบัตรคิว"): both need a reason, which the API checks and
 * whose message is shown by the field. Walk-in tickets for people without LINE. The call log is read-only: nobody can
 * change it, here or anywhere. The desk's state is a reducer (desk/state.ts); desk/*.tsx are its small views.
 */
const DESK_KEY = 'liff-queue-desk';
function readDesk(): { serviceId: string; counterId: string } {
  try {
    const v = JSON.parse(localStorage.getItem(DESK_KEY) ?? '{}') as { serviceId?: unknown; counterId?: unknown };
    return { serviceId: typeof v.serviceId === 'string' ? v.serviceId : '', counterId: typeof v.counterId === 'string' ? v.counterId : '' };
  } catch {
    return { serviceId: '', counterId: '' };
  }
}

export default function StaffQueue(_props: PageProps): ComponentChild {
  const services = useApi<QueueService[]>('/staff/queue/services');
  const [desk, setDesk] = useState(readDesk);

  useEffect(() => {
    localStorage.setItem(DESK_KEY, JSON.stringify(desk));
  }, [desk.serviceId, desk.counterId]);

  // A remembered service that no longer exists (or none yet): the first active one, its first counter.
  const list = services.data ?? [];
  const service = list.find((s) => s.id === desk.serviceId) ?? list.find((s) => s.active !== false) ?? list[0];
  const counter = service?.counters.find((c) => c.id === desk.counterId) ?? service?.counters[0];

  if (services.error) return <Refused error={services.error} retry={services.reload} />;
  if (!services.data) return <Loading />;
  if (!service || !counter) {
    return (
      <Notice kind="info" title="ยังไม่มีบริการรับบัตรคิว">
        <p>ผู้ดูแลระบบเพิ่มบริการและช่องบริการได้ด้วยคำสั่ง services ของระบบ</p>
      </Notice>
    );
  }
  return (
    <div class="queue q-staff">
      <section class="q-desk card" aria-label="บริการและช่องของฉัน">
        <div class="field">
          <label for="desk-service" class="label">
            บริการ
          </label>
          <select
            id="desk-service"
            value={service.id}
            onChange={(e: Event) => {
              const v = (e.currentTarget as HTMLSelectElement).value;
              setDesk({ serviceId: v, counterId: list.find((s) => s.id === v)?.counters[0]?.id ?? '' });
            }}
          >
            {list.map((s) => (
              <option key={s.id} value={s.id}>{`${s.prefix} · ${s.name}${s.active === false ? ' (ปิดใช้งาน)' : ''}`}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="desk-counter" class="label">
            {'ช่องบริการของฉัน '}
            <span class="opt">(จำไว้ในเครื่องนี้)</span>
          </label>
          <select id="desk-counter" value={counter.id} onChange={(e: Event) => setDesk({ serviceId: service.id, counterId: (e.currentTarget as HTMLSelectElement).value })}>
            {service.counters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      </section>
      <Desk key={`${service.id}/${counter.id}`} service={service} counter={counter} />
    </div>
  );
}
