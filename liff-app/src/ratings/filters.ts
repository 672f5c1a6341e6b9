import { h, type ComponentChild } from 'preact';
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
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'period', class: 'label' }, 'ช่วงเวลา'),
      h('select', { id: 'period', value: p.period, onChange: (e: Event) => p.setPeriod((e.currentTarget as HTMLSelectElement).value) }, periods().map((x) => h('option', { key: x.value, value: x.value }, x.label))),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'service', class: 'label' }, 'บริการ'),
      h(
        'select',
        { id: 'service', value: p.serviceId, onChange: (e: Event) => p.setServiceId((e.currentTarget as HTMLSelectElement).value) },
        h('option', { value: '' }, 'ทุกบริการ'),
        p.services.map((s) => h('option', { key: s.id, value: s.id }, s.title)),
      ),
    ),
  ];
}
