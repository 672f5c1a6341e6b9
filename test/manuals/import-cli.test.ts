import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Firestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImportManuals } from '../../functions/src/cli/import-manuals.ts';
import { STANDARD_MANUAL_IDS } from '../../functions/src/manuals/standard.ts';
import { getManual, listManuals, seedStandardManuals } from '../../functions/src/manuals/store.ts';
import { createOrgIfAbsent } from '../../functions/src/orgs/store.ts';
import { startTestFirestore } from '../support/firestore.ts';
import { NOW, testOrg } from './helpers.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/manuals/${name}`, import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

let db: Firestore;
let host: string;
let projectId: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  const started = await startTestFirestore();
  db = started.db;
  host = started.emulator.host;
  projectId = started.projectId;
  stop = started.stop;
});
afterAll(async () => stop());

async function run(args: string[]) {
  const lines: string[] = [];
  const code = await runImportManuals(args, { db, out: (l) => lines.push(l), now: new Date(NOW.getTime() + 60_000) });
  return { code, output: lines.join('\n') };
}

async function newOrg(id: string, seed = true) {
  const org = testOrg({ id });
  await createOrgIfAbsent(db, org);
  if (seed) await seedStandardManuals(db, org, NOW);
  return org;
}

describe('import-manuals CLI', () => {
  it('merges a partial edit over the current manual', async () => {
    await newOrg('edit-one');
    const before = await getManual(db, 'edit-one', 'waste-collection');
    const { code, output } = await run(['--org', 'edit-one', '--file', fixture('waste-fee-edit.json')]);
    expect(code).toBe(0);
    expect(output).toMatch(/update\s+waste-collection .*fees, queueServiceId/);
    const after = await getManual(db, 'edit-one', 'waste-collection');
    expect(after?.fees.items[0]).toEqual({ label: 'บ้านพักอาศัย', amountBaht: 20, per: 'ต่อเดือน' });
    expect(after?.queueServiceId).toBe('environment');
    expect(after?.steps).toEqual(before?.steps);
    expect(after?.source).toBe('organisation');
    expect(after?.updatedAt).toBe(new Date(NOW.getTime() + 60_000).toISOString());
  });

  it('takes several manuals, including a complete new one of the organisation’s own', async () => {
    await newOrg('several');
    const { code, output } = await run(['--org', 'several', '--file', fixture('several.json')]);
    expect(code).toBe(0);
    expect(output).toMatch(/create\s+market-stall/);
    const manuals = await listManuals(db, 'several');
    expect(manuals.map((m) => m.id)).toEqual([...STANDARD_MANUAL_IDS, 'market-stall']);
    expect((await getManual(db, 'several', 'id-card'))?.queueServiceId).toBe('registration');
  });

  it('gives an organisation without manuals the full standard set along with its edit', async () => {
    await newOrg('unseeded', false);
    const { code } = await run(['--org', 'unseeded', '--file', fixture('waste-fee-edit.json')]);
    expect(code).toBe(0);
    const manuals = await listManuals(db, 'unseeded');
    expect(manuals).toHaveLength(STANDARD_MANUAL_IDS.length);
    expect(manuals.find((m) => m.id === 'waste-collection')?.source).toBe('organisation');
  });

  it('removes a queue link with null and reports unchanged entries', async () => {
    await newOrg('unlink');
    await run(['--org', 'unlink', '--file', fixture('waste-fee-edit.json')]);
    const again = await run(['--org', 'unlink', '--file', fixture('waste-fee-edit.json')]);
    expect(again.output).toMatch(/unchanged\s+waste-collection/);
    expect(again.output).toContain('wrote 0 manual(s)');
    const dir = await mkdtemp(join(tmpdir(), 'manuals-'));
    const file = join(dir, 'unlink.json');
    await writeFile(file, JSON.stringify({ id: 'waste-collection', queueServiceId: null }));
    const unlinked = await run(['--org', 'unlink', '--file', file]);
    expect(unlinked.code, unlinked.output).toBe(0);
    expect((await getManual(db, 'unlink', 'waste-collection'))?.queueServiceId).toBeNull();
  });

  it('writes nothing on a dry run', async () => {
    await newOrg('dry');
    const { code, output } = await run(['--org', 'dry', '--file', fixture('several.json'), '--dry-run']);
    expect(code).toBe(0);
    expect(output).toContain('dry run: nothing written');
    expect(await getManual(db, 'dry', 'market-stall')).toBeNull();
    expect((await getManual(db, 'dry', 'id-card'))?.source).toBe('standard');
  });

  it('reports every problem of a bad file and writes nothing', async () => {
    await newOrg('bad-input');
    const { code, output } = await run(['--org', 'bad-input', '--file', fixture('invalid.json')]);
    expect(code).toBe(2);
    expect(output).toContain('manuals[0] (birth-registration).totalTime.amount');
    expect(output).toContain('manuals[0] (birth-registration).totalTime.unit');
    expect(output).toContain('manuals[1] (move-in).fee: unknown field');
    expect(output).toMatch(/manuals\[2\] \(brand-new-service\)\.\w+: .*a new manual must be complete/);
    expect(output).toContain('manuals[3].id');
    expect(output).toContain('nothing was written');
    const manuals = await listManuals(db, 'bad-input');
    expect(manuals.every((m) => m.source === 'standard')).toBe(true);
  });

  it('refuses broken JSON, a missing file, an unknown organisation and bad arguments', async () => {
    await newOrg('refuse');
    expect((await run(['--org', 'refuse', '--file', fixture('broken.json')])).code).toBe(2);
    expect((await run(['--org', 'refuse', '--file', fixture('absent.json')])).code).toBe(66);
    const unknown = await run(['--org', 'no-such-org', '--file', fixture('waste-fee-edit.json')]);
    expect(unknown.code).toBe(3);
    expect(unknown.output).toContain('does not exist');
    expect((await run(['--file', fixture('waste-fee-edit.json')])).code).toBe(64);
    expect((await run(['--org', 'Bad Org', '--file', 'x.json'])).code).toBe(64);
    expect((await run(['--org', 'refuse', '--file', 'x.json', '--force'])).code).toBe(64);
  });

  it('runs as a real process against FIRESTORE_EMULATOR_HOST', async () => {
    await newOrg('process');
    const node = `${root}node_modules/.bin/node`;
    const env = { ...process.env, FIRESTORE_EMULATOR_HOST: host, GCLOUD_PROJECT: projectId };
    const exec = promisify(execFile);
    const ok = await exec(node, ['functions/src/cli/import-manuals.ts', '--org', 'process', '--file', fixture('waste-fee-edit.json')], { cwd: root, env });
    expect(ok.stdout).toContain(`emulator ${host}`);
    expect(ok.stdout).toContain('wrote 1 manual(s)');
    expect((await getManual(db, 'process', 'waste-collection'))?.queueServiceId).toBe('environment');

    const bad = await exec(node, ['functions/src/cli/import-manuals.ts', '--org', 'process', '--file', fixture('invalid.json')], { cwd: root, env }).catch(
      (err: { code: number; stdout: string }) => err,
    );
    expect('code' in bad ? bad.code : 0).toBe(2);
    expect(bad.stdout).toContain('nothing was written');
  });
});
