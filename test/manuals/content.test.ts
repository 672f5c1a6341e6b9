import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS } from '../../functions/src/manuals/content/common.ts';
import { manualSchema, durationInMinutes } from '../../functions/src/manuals/schema.ts';
import {
  STANDARD_MANUAL_IDS,
  fillPlaceholders,
  hasRegistrationOffice,
  instantiateStandardManuals,
  placeholderValues,
} from '../../functions/src/manuals/standard.ts';
import { NOW, testOrg, testTambonOrg } from './helpers.ts';

const sets = {
  'เทศบาล': instantiateStandardManuals(testOrg(), NOW),
  'อบต.': instantiateStandardManuals(testTambonOrg(), NOW),
  'organisation with no office details': instantiateStandardManuals(
    testOrg({ id: 'bare', name: 'เทศบาลตำบลท่าแร่', district: '', province: '', office: { address: '', phone: '', hours: '' } }),
    NOW,
  ),
};

const CIVIL_REGISTRATION = ['birth-registration', 'death-registration', 'move-in', 'move-out', 'id-card'];

describe('standard manual content', () => {
  it('has every manual id of the brief, once, in order', () => {
    for (const manuals of Object.values(sets)) expect(manuals.map((m) => m.id)).toEqual([...STANDARD_MANUAL_IDS]);
  });

  for (const [label, manuals] of Object.entries(sets)) {
    describe(label, () => {
      for (const m of manuals) {
        it(`${m.id} is complete`, () => {
          expect(manualSchema.safeParse(m).success).toBe(true);
          // Steps with times, a total time at least as long as the longest step.
          expect(m.steps.length).toBeGreaterThanOrEqual(2);
          for (const s of m.steps) {
            expect(s.duration.text).toMatch(/\S/);
            expect(s.responsibleUnit).toMatch(/\S/);
          }
          const longest = Math.max(...m.steps.map((s) => durationInMinutes(s.duration)));
          expect(durationInMinutes(m.totalTime)).toBeGreaterThanOrEqual(longest);
          // Documents with originals or copies, and an issuing authority.
          expect(m.documents.length).toBeGreaterThan(0);
          for (const d of m.documents) {
            expect(d.originals + d.copies).toBeGreaterThan(0);
            expect(d.issuer).toMatch(/\S/);
          }
          // A fee statement: free, or priced items.
          expect(m.fees.summary).toMatch(/บาท|ไม่เสีย|ไม่มีค่าธรรมเนียม|ข้อบัญญัติ|อัตรา/);
          if (!m.fees.free) expect(m.fees.items.length).toBeGreaterThan(0);
          // A real legal basis, a place with hours, a complaint channel, a contact.
          expect(m.legalBasis.some((l) => /พ\.ศ\. 25\d\d/.test(l))).toBe(true);
          expect(m.locations[0]?.place).toMatch(/\S/);
          expect(m.locations[0]?.hours).toMatch(/\S/);
          expect(m.complaintChannels.length).toBeGreaterThan(0);
          expect(m.contact.unit).toMatch(/\S/);
          expect(m.keywords.length).toBeGreaterThanOrEqual(5);
        });
      }

      it('fills every placeholder and leaves no stray spacing', () => {
        const json = JSON.stringify(manuals);
        expect(json).not.toMatch(/\{\{|\w\}\}/);
        expect(json).not.toMatch(/ {2}|undefined|null null/);
      });
    });
  }

  it('sends civil registration to the district office where there is no local registration office', () => {
    expect(hasRegistrationOffice(testOrg())).toBe(true);
    expect(hasRegistrationOffice(testTambonOrg())).toBe(false);
    for (const id of CIVIL_REGISTRATION) {
      const municipal = sets['เทศบาล'].find((m) => m.id === id);
      const tambon = sets['อบต.'].find((m) => m.id === id);
      expect(municipal?.locations[0]?.place).toContain('เทศบาลนครแม่สอด');
      expect(tambon?.locations[0]?.place).toContain('ที่ว่าการอำเภอโพธิ์ทอง');
      expect(tambon?.locations[0]?.note).toMatch(/ไม่ได้เป็นสำนักทะเบียน/);
    }
    const override = instantiateStandardManuals(testTambonOrg(), NOW, { hasRegistrationOffice: true });
    expect(override.find((m) => m.id === 'birth-registration')?.locations[0]?.place).toContain('องค์การบริหารส่วนตำบลอินทประมูล');
  });

  it('states the facts residents ask about most', () => {
    const by = (id: string) => sets['เทศบาล'].find((m) => m.id === id);
    expect(by('birth-registration')?.conditions.join(' ')).toContain('15 วัน');
    expect(by('birth-registration')?.fees.free).toBe(true);
    expect(by('death-registration')?.conditions.join(' ')).toContain('24 ชั่วโมง');
    expect(by('building-permit')?.totalTime.amount).toBe(45);
    expect(by('building-permit')?.legalBasis.join(' ')).toContain('พระราชบัญญัติควบคุมอาคาร พ.ศ. 2522');
    expect(by('land-building-tax')?.summary).toContain('เมษายน');
    expect(by('land-building-tax')?.legalBasis.join(' ')).toContain('พ.ศ. 2562');
    expect(by('signboard-tax')?.summary).toContain('มีนาคม');
    expect(by('commercial-registration')?.fees.items.find((f) => f.label === 'จดทะเบียนตั้งใหม่')?.amountBaht).toBe(50);
    expect(by('elderly-allowance')?.description).toMatch(/600.*700.*800.*1,000/);
    expect(by('disability-allowance')?.summary).toContain('800');
    expect(by('information-request')?.legalBasis.join(' ')).toContain('พ.ศ. 2540');
    expect(by('complaint-process')?.totalTime.text).toContain('15 วัน');
  });

  it('fills placeholders from the organisation, with sensible fallbacks', () => {
    const values = placeholderValues(testOrg({ district: 'อำเภอแม่สอด', province: 'จังหวัดตาก' }));
    expect(values.district).toBe('แม่สอด');
    expect(values.province).toBe('ตาก');
    expect(fillPlaceholders('ที่ว่าการอำเภอ{{district}} {{unknown}}', values)).toBe('ที่ว่าการอำเภอแม่สอด {{unknown}}');
    const bare = placeholderValues(testOrg({ district: '', province: '', office: { address: '', phone: '', hours: '' } }));
    expect(bare.district).toBe('ในท้องที่');
    expect(bare.officeHours).toMatch(/08\.30/);
    expect(PLACEHOLDERS.every((p) => p in bare)).toBe(true);
  });
});
