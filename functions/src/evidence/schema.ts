/**
 * The integrity-assessment (ITA) evidence the product can serve, as data: one file per assessment year (years/),
 * each naming the published manual its items come from and whether their codes were checked against it. The codes
 * and titles change every year; what the product serves for an item (`serves`) does not.
 */
import { z } from 'zod';

/** What of the product answers an item. */
export const SERVES = [
  'plan',
  'report-six-month',
  'report-annual',
  'service-manuals',
  'service-statistics',
  'satisfaction-results',
  'e-service',
  'complaint-guideline',
  'complaint-channel',
  'complaint-statistics',
  'corruption-channel',
  'corruption-statistics',
  'qa-channel',
] as const;
export type Serves = (typeof SERVES)[number];

export const evidenceItemSchema = z.object({
  /** The manual's code for the item (e.g. "O28"), or, where it could not be checked, the product's own key. */
  code: z.string().min(1).max(40),
  /** True only when the code was read from the published manual of that year itself. */
  codeVerified: z.boolean(),
  /** Where the code was seen, when not in the manual itself (a public page reprinting the year's list). */
  codeSource: z.string().url().nullable(),
  /** The item's title as the assessment words it (Thai). */
  title: z.string().min(1).max(300),
  serves: z.enum(SERVES),
});
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

export const evidenceYearSchema = z.object({
  /** Assessment year, Buddhist era: the fiscal year whose data it assesses. */
  year: z.number().int().min(2560).max(2700),
  manual: z.object({ title: z.string().min(1), publisher: z.string().min(1), url: z.string().url().nullable() }),
  /** Whether the item list and codes were checked against that manual itself. */
  verified: z.boolean(),
  /** What was checked, and what could not be (shown on the public page). */
  verification: z.string().min(1),
  items: z.array(evidenceItemSchema).min(1),
});
export type EvidenceYear = z.infer<typeof evidenceYearSchema>;
