/** Every assessment year the product has an item list for. Add a year: a new file beside these, listed here. */
import { evidenceYearSchema, type EvidenceYear } from '../schema.ts';
import { ITA_2566 } from './2566.ts';
import { ITA_2570 } from './2570.ts';

export const EVIDENCE_YEARS: ReadonlyMap<number, EvidenceYear> = new Map([ITA_2566, ITA_2570].map((y) => [y.year, evidenceYearSchema.parse(y)]));
