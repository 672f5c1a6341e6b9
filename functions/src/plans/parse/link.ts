/**
 * Pairing a plan's items (summary rows, 1-year table rows) with its detail sections (ส่วนที่ 3, ภาคผนวก): first by
 * the number a section gives itself when the names agree enough (in the item's dimension first: 1-year plans
 * restart their numbering in each dimension), then by name similarity, best pairs first, same dimension preferred.
 * Pure; the caller reconciles each pair field by field (reconcile.ts).
 */
import { matchKey, similarity } from '../normalize.ts';

export interface PairItem {
  number: string;
  name: string;
  dimension: number;
}

export interface PairSection {
  number: string | null;
  name: string;
  key: string;
  line: number;
  dimension: number | null;
}

/** Item index → its detail section. Notes say where a section's number and name point to different items. */
export function pairSections<S extends PairSection>(items: PairItem[], sections: S[], notes: string[]): Map<number, S> {
  const keys = items.map((it) => matchKey(it.name));
  const linked = new Map<number, S>();
  const used = new Set<S>();

  // 1. By the number the section gives itself, when the names agree enough.
  for (const s of sections) {
    if (!s.number) continue;
    const sameNumber = (it: PairItem, i: number) => it.number === s.number && !linked.has(i);
    let idx = s.dimension !== null ? items.findIndex((it, i) => sameNumber(it, i) && it.dimension === s.dimension) : -1;
    if (idx < 0) idx = items.findIndex((it, i) => sameNumber(it, i));
    const key = keys[idx];
    if (idx < 0 || key === undefined) continue;
    if (similarity(key, s.key) >= 0.3) {
      linked.set(idx, s);
      used.add(s);
    } else {
      notes.push(`section "${s.name}" (line ${s.line}) says it is number ${s.number}, but the item ${s.number} is "${items[idx]?.name}": linked by name instead`);
    }
  }
  // 2. By name similarity, best pairs first; same dimension preferred.
  const pairs: { i: number; s: S; score: number }[] = [];
  items.forEach((it, i) => {
    if (linked.has(i)) return;
    for (const s of sections) {
      if (used.has(s)) continue;
      let score = similarity(keys[i] ?? '', s.key);
      if (s.dimension !== null && s.dimension !== it.dimension) score -= 0.15;
      if (score >= 0.45) pairs.push({ i, s, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.i - b.i);
  for (const p of pairs) {
    if (linked.has(p.i) || used.has(p.s)) continue;
    linked.set(p.i, p.s);
    used.add(p.s);
  }
  return linked;
}
