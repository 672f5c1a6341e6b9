import type { Org } from '../orgs/schema.ts';
import { PLACEHOLDERS, TEMPLATE_VERSION, type ManualTemplate, type Placeholder, type TemplateContext } from './content/common.ts';
import { permitTemplates } from './content/permits.ts';
import { publicServiceTemplates } from './content/public-services.ts';
import { registrationTemplates } from './content/registration.ts';
import { taxTemplates } from './content/taxes.ts';
import { welfareTemplates } from './content/welfare.ts';
import { manualSchema, type Manual } from './schema.ts';

/** The standard manual ids, in the order the brief lists them (and lists show them). */
export const STANDARD_MANUAL_IDS = [
  'birth-registration',
  'death-registration',
  'move-in',
  'move-out',
  'id-card',
  'building-permit',
  'demolition-permit',
  'commercial-registration',
  'health-hazard-license',
  'food-premises-license',
  'land-building-tax',
  'signboard-tax',
  'elderly-allowance',
  'disability-allowance',
  'waste-collection',
  'water-supply',
  'information-request',
  'complaint-process',
  'disaster-relief',
] as const;
export type StandardManualId = (typeof STANDARD_MANUAL_IDS)[number];

const TEMPLATES: ManualTemplate[] = [
  ...registrationTemplates,
  ...permitTemplates,
  ...taxTemplates,
  ...welfareTemplates,
  ...publicServiceTemplates,
];

/** Orders manuals: standard ones in the brief's order, then the organisation's own by title. */
export function compareManuals(a: { id: string; title: string }, b: { id: string; title: string }): number {
  const rank = (id: string) => {
    const i = (STANDARD_MANUAL_IDS as readonly string[]).indexOf(id);
    return i === -1 ? STANDARD_MANUAL_IDS.length : i;
  };
  return rank(a.id) - rank(b.id) || a.title.localeCompare(b.title, 'th') || a.id.localeCompare(b.id);
}

/**
 * Whether an organisation runs a local registration office. Every เทศบาล does by law of its setup; an อบต. does not
 * (its residents use the district office). An organisation whose case differs overrides this when seeding, or edits
 * its registration manuals with the import.
 */
export function hasRegistrationOffice(org: Pick<Org, 'name'>): boolean {
  return org.name.trim().startsWith('เทศบาล');
}

export function placeholderValues(org: Org): Record<Placeholder, string> {
  const district = org.district.trim().replace(/^(อำเภอ|อ\.)\s*/, '');
  const province = org.province.trim().replace(/^(จังหวัด|จ\.)\s*/, '');
  return {
    org: org.name.trim(),
    officeAddress: org.office.address.trim(),
    officePhone: org.office.phone.trim(),
    officeHours: org.office.hours.trim() || 'วันจันทร์ - วันศุกร์ เวลา 08.30 - 16.30 น. (เว้นวันหยุดราชการ)',
    district: district || 'ในท้องที่',
    province,
  };
}

const PLACEHOLDER_RE = /\{\{(\w+)\}\}/g;

export function fillPlaceholders(text: string, values: Record<Placeholder, string>): string {
  return text
    .replace(PLACEHOLDER_RE, (whole, name: string) =>
      (PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : whole,
    )
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

function fillDeep<T>(value: T, values: Record<Placeholder, string>): T {
  if (typeof value === 'string') return fillPlaceholders(value, values) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => fillDeep(v, values)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillDeep(v, values)])) as T;
  }
  return value;
}

export interface InstantiateOptions {
  /** Defaults to `hasRegistrationOffice(org)`. */
  hasRegistrationOffice?: boolean;
}

/** The full standard set for one organisation, its name and office filled in. Pure: no storage. */
export function instantiateStandardManuals(org: Org, now: Date = new Date(), options: InstantiateOptions = {}): Manual[] {
  const ctx: TemplateContext = { hasRegistrationOffice: options.hasRegistrationOffice ?? hasRegistrationOffice(org) };
  const values = placeholderValues(org);
  const updatedAt = now.toISOString();
  return TEMPLATES.map((template) =>
    manualSchema.parse({
      ...fillDeep(template(ctx), values),
      source: 'standard',
      templateVersion: TEMPLATE_VERSION,
      updatedAt,
    }),
  ).sort(compareManuals);
}

/** One standard manual for an organisation, or null for an id that is not standard. */
export function instantiateStandardManual(
  org: Org,
  id: string,
  now: Date = new Date(),
  options: InstantiateOptions = {},
): Manual | null {
  return instantiateStandardManuals(org, now, options).find((m) => m.id === id) ?? null;
}
