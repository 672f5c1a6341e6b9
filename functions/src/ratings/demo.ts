/**
 * Demo ratings for local mode, so the results page, CSV, chat answer and weekly card have something to show. Written
 * through the same store path as real ratings (once-only ids `demo:{n}`, create-if-absent), so seeding twice changes
 * nothing. Deterministic: the same ratings every time for an organisation (each has its own number of them and
 * starts at its own place in the pattern, so the demo organisations show different figures), spread over the last
 * weeks (Bangkok).
 */
import type { Firestore } from '../store/firestore.ts';
import { countsOfRating } from './aggregate.ts';
import type { ServiceLookup } from './lookups.ts';
import type { Rating } from './schema.ts';
import { saveRating } from './store.ts';
import { bangkokDate, bangkokMonth, bangkokWeek } from '../time/bangkok.ts';

const PATTERN = [5, 4, 5, 3, 4, 5, 4, 2, 5, 4, 4, 5, 3, 5, 4, 1, 5, 4, 5, 4];

/** Where an organisation starts in the pattern: the demo organisations then show different figures. */
const offsetOf = (orgId: string) => [...orgId].reduce((a, c) => a + c.charCodeAt(0), 0) % PATTERN.length;

/** How many demo ratings an organisation gets: 30-49, by organisation. */
export const demoRatingCount = (orgId: string) => 30 + offsetOf(orgId);

export async function seedDemoRatings(db: Firestore, services: ServiceLookup, orgId: string, now: Date, count = demoRatingCount(orgId)): Promise<number> {
  const list = (await services.listServices(orgId)).filter((s) => s.active !== false);
  if (list.length === 0) return 0;
  let created = 0;
  const offset = offsetOf(orgId);
  for (let n = 0; n < count; n++) {
    const service = list[n % list.length]!;
    const at = new Date(now.getTime() - (n * 33 + 2) * 3_600_000);
    const s = (k: number) => PATTERN[(n * 3 + k + offset) % PATTERN.length]!;
    const rating: Rating = {
      id: `demo:${String(n).padStart(3, '0')}`,
      orgId,
      serviceId: service.id,
      serviceTitle: service.title,
      source: 'walkin',
      ticketId: null,
      complaintId: null,
      scores: { process: s(0), staff: s(1), facilities: s(2), quality: s(3), overall: s(4) },
      ageGroup: null,
      hasComment: false,
      raterHash: `demo${n}`,
      createdAt: at.toISOString(),
      day: bangkokDate(at),
      month: bangkokMonth(at),
      week: bangkokWeek(at),
    };
    if (await saveRating(db, rating, null, countsOfRating(rating), now)) created++;
  }
  return created;
}
