import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

/**
 * firestore.rules on the official Firestore emulator, which evaluates security rules (the embedded emulator does not).
 * The official emulator needs Java 21 and firebase-tools, which this machine cannot install; point
 * FIRESTORE_RULES_EMULATOR_HOST at one (e.g. `firebase emulators:start --only firestore` → 127.0.0.1:8080) to run these.
 */
const host = process.env.FIRESTORE_RULES_EMULATOR_HOST;
const project = 'demo-rules';
const docs = `http://${host}/v1/projects/${project}/databases/(default)/documents`;

describe.skipIf(!host)('firestore.rules (official emulator; skipped without FIRESTORE_RULES_EMULATOR_HOST: needs Java 21)', () => {
  it('loads, and denies every client read and write while the backend (admin) is unaffected', async () => {
    const rules = await readFile(new URL('../../firestore.rules', import.meta.url), 'utf8');
    const load = await fetch(`http://${host}/emulator/v1/projects/${project}:securityRules`, {
      method: 'PUT',
      body: JSON.stringify({ rules: { files: [{ name: 'firestore.rules', content: rules }] } }),
    });
    expect(load.status).toBe(200);

    const asAdmin = await fetch(`${docs}/orgs?documentId=demo`, {
      method: 'POST',
      headers: { authorization: 'Bearer owner', 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { name: { stringValue: 'เทศบาลทดสอบ' } } }),
    });
    expect(asAdmin.status).toBe(200);

    for (const path of ['orgs/demo', 'orgSecrets/demo', 'orgs/demo/complaintReporters/x', 'orgs/demo/integrityAudit/0000000001', 'orgs/demo/integrityGrants/x', 'orgs/demo/corruptionRatingComments/x', 'orgs/demo/progressFiles/2570_d1-1_1', 'orgs/demo/progressChanges/2570_d1-1_000001', 'outbox/x']) {
      expect((await fetch(`${docs}/${path}`)).status, `read ${path}`).toBe(403);
      const write = await fetch(`${docs}/${path}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"fields":{}}' });
      expect(write.status, `write ${path}`).toBe(403);
    }
  });
});
