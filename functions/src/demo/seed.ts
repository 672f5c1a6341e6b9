import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Firestore } from '../store/firestore.ts';
import type { Logger } from '../log.ts';
import { getOrg } from '../orgs/store.ts';
import { parsePlanDocument } from '../plans/parse/index.ts';
import { importPlanDocument } from '../plans/store.ts';
import { DATA_DIR, loadDemoOrgs, seedDemoOrgs } from './orgs.ts';
import { seedDemoStaff } from './staff.ts';
import { linkManualToQueueService } from '../manuals/store.ts';
import { seedDemoServices } from '../queue/index.ts';
import { listServices } from '../queue/store.ts';
import { queueServiceLookup, seedDemoRatings } from '../ratings/index.ts';

/**
 * Local mode's demo data: the four organisations of the brief with their real plan documents, demo staff
 * of every role, a registered demo staff group, queue services linked to the manuals they serve,
 * and some satisfaction ratings so the results pages have something to show. Idempotent: whatever
 * exists is kept (a restart on the same emulator duplicates nothing and keeps edits). Returns the sandbox tokens.
 */
export async function seedDemo(db: Firestore, now: Date, log: Logger): Promise<Map<string, string>> {
  const demos = await loadDemoOrgs();
  const tokens = await seedDemoOrgs(db, demos, now, log);
  for (const demo of demos) {
    await seedDemoStaff(db, demo.id, now);
    await seedDemoServices(db, demo.id, now);
    for (const service of await listServices(db, demo.id)) {
      for (const manualId of service.manualIds) await linkManualToQueueService(db, demo.id, manualId, service.id, now);
    }
    await seedDemoRatings(db, queueServiceLookup(db), demo.id, now);
    if ((await getOrg(db, demo.id))?.currentPlanId) continue;
    const file = path.join(DATA_DIR, demo.planFile);
    const text = await readFile(file, 'utf8');
    // Demo plans are published at once (as `npm run import -- --publish` does); their text is kept like any import's.
    const parsed = { ...parsePlanDocument(text, { file: path.basename(file) }), status: 'published' as const };
    const { planId } = await importPlanDocument(db, demo.id, parsed, now, { sourceText: text });
    log.info({ orgId: demo.id, planId, projects: parsed.projects.length }, 'demo plan imported');
  }
  return tokens;
}
