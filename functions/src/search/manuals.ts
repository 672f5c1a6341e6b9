import type { ManualContent } from '../manuals/schema.ts';
import type { CorpusManual } from './corpus.ts';

/** The manuals module's model reduced to what the engine searches and shows. */
export function manualToCorpus(m: ManualContent): CorpusManual {
  return {
    id: m.id,
    title: m.title,
    aliases: m.keywords ?? [],
    summary: [m.summary, m.description].filter(Boolean).join('\n'),
    unit: m.responsibleUnit,
    where: [m.counter, ...m.locations.map((l) => l.place)].filter(Boolean).join(' / '),
    hours: m.locations[0]?.hours ?? '',
    totalTime: m.totalTime.text,
    steps: m.steps.map((s) => ({ text: s.title, duration: s.duration.text })),
    documents: m.documents.map((d) => {
      const count = [d.originals ? `ฉบับจริง ${d.originals} ${d.unit}` : '', d.copies ? `สำเนา ${d.copies} ${d.unit}` : ''].filter(Boolean).join(', ');
      return `${d.name}${count ? ` (${count})` : ''}${d.condition ? ` — ${d.condition}` : ''}`;
    }),
    fees: [m.fees.summary, ...m.fees.items.map((f) => `${f.label}${f.amountBaht !== null ? ` ${f.amountBaht === 0 ? 'ไม่เสียค่าธรรมเนียม' : `${f.amountBaht.toLocaleString('th-TH')} บาท`}` : ''}`)],
    details: [
      ...m.eligibility,
      ...m.conditions,
      ...m.steps.map((s) => s.description),
      ...m.remarks,
      ...m.legalBasis,
    ].join('\n'),
    source: m,
  };
}
