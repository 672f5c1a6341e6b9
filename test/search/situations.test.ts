import { describe, expect, it } from 'vitest';
import { matchKey, normalizeText } from '../../functions/src/search/normalize.ts';
import { situationsNamed } from '../../functions/src/search/situations.ts';

const key = (t: string) => matchKey(normalizeText(t)).replace(/\s+/g, '');

describe('the services a question\'s situation names', () => {
  it('names the service of the longer phrase when a shorter one lies inside it', () => {
    // "เปิดร้านก๋วยเตี๋ยว" (the food shop licence) holds "เปิดร้าน" (a commercial registration).
    expect(situationsNamed('จะเปิดร้านก๋วยเตี๋ยวหน้าบ้าน ต้องขออนุญาตอะไร', key)).toEqual(['food-premises-license']);
    expect(situationsNamed('อยากเปิดร้านขายเสื้อผ้า ต้องทำอะไร', key)).toEqual(['commercial-registration']);
  });

  it('keeps two services whose phrases stand apart', () => {
    expect(situationsNamed('สร้างบ้านเสร็จแล้ว ยังไม่มีประปา', key).sort()).toEqual(['building-permit', 'water-supply']);
  });
});
