import type { ComponentChild } from 'preact';
import { periods } from './model.ts';

/** The period and service pickers both the public results and the staff comments pages filter by. */
export function periodAndServiceFields(p: {
  period: string;
  setPeriod: (v: string) => void;
  serviceId: string;
  setServiceId: (v: string) => void;
  services: ReadonlyArray<{ id: string; title: string }>;
}): ComponentChild[] {
  return [
    <div class="field">
      <label for="period" class="label">
        ช่วงเวลา
      </label>
      <select id="period" value={p.period} onChange={(e: Event) => p.setPeriod((e.currentTarget as HTMLSelectElement).value)}>
        {periods().map((x) => (
          <option key={x.value} value={x.value}>
            {x.label}
          </option>
        ))}
      </select>
    </div>,
    <div class="field">
      <label for="service" class="label">
        บริการ
      </label>
      <select id="service" value={p.serviceId} onChange={(e: Event) => p.setServiceId((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">ทุกบริการ</option>
        {p.services.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
    </div>,
  ];
}
