import { orgSchema, type Org } from '../../functions/src/orgs/schema.ts';

export const NOW = new Date('2026-11-20T03:00:00.000Z');

/** A เทศบาล (has a local registration office) and an อบต. (does not). */
export function testOrg(overrides: Partial<Org> = {}): Org {
  return orgSchema.parse({
    id: 'maesot',
    name: 'เทศบาลนครแม่สอด',
    district: 'แม่สอด',
    province: 'ตาก',
    office: { address: '7 ถนนเทศบาลบำรุง ตำบลแม่สอด', phone: '055-532-001', hours: 'วันจันทร์ - วันศุกร์ เวลา 08.30 - 16.30 น.' },
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...overrides,
  });
}

export function testTambonOrg(overrides: Partial<Org> = {}): Org {
  return testOrg({ id: 'intapramul', name: 'องค์การบริหารส่วนตำบลอินทประมูล', district: 'โพธิ์ทอง', province: 'อ่างทอง', ...overrides });
}
