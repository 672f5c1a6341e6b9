import type { Firestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_MANUAL_IDS } from '../../functions/src/manuals/standard.ts';
import {
  getManual,
  getManualsUpdatedAt,
  getManualsVersion,
  listManuals,
  saveManuals,
  seedStandardManuals,
} from '../../functions/src/manuals/store.ts';
import { createOrgIfAbsent } from '../../functions/src/orgs/store.ts';
import { startTestFirestore } from '../support/firestore.ts';
import { NOW, testOrg, testTambonOrg } from './helpers.ts';

let db: Firestore;
let stop: () => Promise<void>;

beforeAll(async () => {
  const started = await startTestFirestore();
  db = started.db;
  stop = started.stop;
});
afterAll(async () => stop());

describe('manual store on the embedded emulator', () => {
  it('seeds the full standard set once, with the organisation filled in', async () => {
    const org = testOrg({ id: 'seed-once' });
    await createOrgIfAbsent(db, org);
    const first = await seedStandardManuals(db, org, NOW);
    expect(first.created.sort()).toEqual([...STANDARD_MANUAL_IDS].sort());
    expect(first.existing).toEqual([]);

    const again = await seedStandardManuals(db, org, new Date(NOW.getTime() + 60_000));
    expect(again.created).toEqual([]);
    expect(again.existing.sort()).toEqual([...STANDARD_MANUAL_IDS].sort());

    const manuals = await listManuals(db, org.id);
    expect(manuals.map((m) => m.id)).toEqual([...STANDARD_MANUAL_IDS]);
    const birth = manuals.find((m) => m.id === 'birth-registration');
    expect(birth?.responsibleUnit).toContain('เทศบาลนครแม่สอด');
    expect(birth?.contact.phone).toBe('055-532-001');
    expect(birth?.updatedAt).toBe(NOW.toISOString());
    expect(JSON.stringify(manuals)).not.toMatch(/\{\{/);
  });

  it('never overwrites an organisation edit when seeding again', async () => {
    const org = testOrg({ id: 'keeps-edits' });
    await seedStandardManuals(db, org, NOW);
    const current = await getManual(db, org.id, 'waste-collection');
    if (!current) throw new Error('seeded manual missing');
    const edited = {
      ...current,
      fees: { free: false, summary: 'ค่าเก็บขยะเดือนละ 20 บาท', items: [{ label: 'ค่าเก็บขยะครัวเรือน', amountBaht: 20, per: 'ต่อเดือน' }] },
    };
    await saveManuals(db, org.id, [edited], new Date(NOW.getTime() + 1000));

    const result = await seedStandardManuals(db, org, new Date(NOW.getTime() + 2000));
    expect(result.created).toEqual([]);
    const after = await getManual(db, org.id, 'waste-collection');
    expect(after?.fees.summary).toBe('ค่าเก็บขยะเดือนละ 20 บาท');
    expect(after?.source).toBe('organisation');
  });

  it('is safe to race: concurrent seeds create each manual exactly once', async () => {
    const org = testOrg({ id: 'race' });
    const results = await Promise.all(Array.from({ length: 6 }, () => seedStandardManuals(db, org, NOW)));
    const created = results.flatMap((r) => r.created);
    expect(created.sort()).toEqual([...STANDARD_MANUAL_IDS].sort());
    expect(await listManuals(db, org.id)).toHaveLength(STANDARD_MANUAL_IDS.length);
  });

  it('sends residents of an organisation without a registration office to the district office', async () => {
    const org = testTambonOrg({ id: 'tambon' });
    await seedStandardManuals(db, org, NOW);
    const birth = await getManual(db, org.id, 'birth-registration');
    expect(birth?.responsibleUnit).toContain('สำนักทะเบียนอำเภอโพธิ์ทอง');
    expect(birth?.locations[0]?.place).toContain('ที่ว่าการอำเภอโพธิ์ทอง');
    expect(birth?.locations[0]?.note).toContain('องค์การบริหารส่วนตำบลอินทประมูล');
    const tax = await getManual(db, org.id, 'land-building-tax');
    expect(tax?.locations[0]?.place).toContain('องค์การบริหารส่วนตำบลอินทประมูล');
  });

  it('signals changes through updatedAt and the version', async () => {
    const org = testOrg({ id: 'versioned' });
    expect(await getManualsUpdatedAt(db, org.id)).toBeNull();
    const empty = await getManualsVersion(db, org.id);
    await seedStandardManuals(db, org, NOW);
    expect(await getManualsUpdatedAt(db, org.id)).toBe(NOW.toISOString());
    const seeded = await getManualsVersion(db, org.id);
    expect(seeded).not.toBe(empty);

    const manual = await getManual(db, org.id, 'signboard-tax');
    if (!manual) throw new Error('seeded manual missing');
    const later = new Date(NOW.getTime() + 5000);
    await saveManuals(db, org.id, [{ ...manual, remarks: ['ยื่นแบบได้ที่ช่องบริการที่ 3'] }], later);
    expect(await getManualsUpdatedAt(db, org.id)).toBe(later.toISOString());
    expect(await getManualsVersion(db, org.id)).not.toBe(seeded);
  });

  it('writes nothing when any manual of a save is invalid', async () => {
    const org = testOrg({ id: 'atomic-validation' });
    await seedStandardManuals(db, org, NOW);
    const good = await getManual(db, org.id, 'move-in');
    const other = await getManual(db, org.id, 'move-out');
    if (!good || !other) throw new Error('seeded manual missing');
    await expect(
      saveManuals(db, org.id, [{ ...good, title: 'ชื่อใหม่' }, { ...other, steps: [] }], new Date(NOW.getTime() + 1000)),
    ).rejects.toThrow();
    expect((await getManual(db, org.id, 'move-in'))?.title).toBe(good.title);
    await expect(saveManuals(db, org.id, [good, good], NOW)).rejects.toThrow(/twice/);
  });

  it('lists an invalid stored document as skipped, not as a failure', async () => {
    const org = testOrg({ id: 'bad-doc' });
    await seedStandardManuals(db, org, NOW);
    await db.collection('orgs').doc(org.id).collection('manuals').doc('broken').set({ title: 'x', updatedAt: NOW.toISOString() });
    const skipped: string[] = [];
    const manuals = await listManuals(db, org.id, (id) => skipped.push(id));
    expect(manuals).toHaveLength(STANDARD_MANUAL_IDS.length);
    expect(skipped).toEqual(['broken']);
  });
});
