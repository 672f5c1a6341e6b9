import { readFileSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../functions/src/cli/import.ts';
import { getOrg } from '../../functions/src/orgs/store.ts';
import { parsePlanDocument } from '../../functions/src/plans/parse/index.ts';
import { getCurrentPlan, importPlanDocument, listPlanProjects, listPlans } from '../../functions/src/plans/store.ts';
import { withEnv } from '../support/env.ts';
import { startTestFirestore } from '../support/firestore.ts';
import { makeDocx, makePdf } from './support/office.ts';

const real = (name: string) => readFileSync(new URL(`../../data/plans/${name}`, import.meta.url), 'utf8');

describe('plan store on the embedded Firestore emulator', () => {
  let env: Awaited<ReturnType<typeof startTestFirestore>>;
  beforeAll(async () => {
    env = await startTestFirestore();
  });
  afterAll(async () => {
    await env.stop();
  });

  it('creates an unknown organisation from the document header and makes the plan current', async () => {
    const doc = parsePlanDocument(real('maesot-plan-2566-2570.txt'));
    const { planId, createdOrg } = await importPlanDocument(env.db, 'maesot', doc, new Date('2025-01-01T00:00:00Z'));
    expect(createdOrg).toBe(true);
    const org = await getOrg(env.db, 'maesot');
    expect(org).toMatchObject({ name: 'เทศบาลนครแม่สอด', district: 'แม่สอด', province: 'ตาก', currentPlanId: planId });
    const current = await getCurrentPlan(env.db, 'maesot');
    expect(current?.plan.status).toBe('complete');
    expect(current?.projects).toHaveLength(35);
    expect(current?.plan.summary.byDimension.map((d) => d.projects)).toEqual([8, 15, 5, 7]);
    expect(current?.plan.summary.byYear['2566']).toBe(410000);
    expect(current?.projects.find((p) => p.id === 'd1-8')?.budgets).toEqual({ 2566: 50000, 2567: 50000, 2568: 50000, 2569: 50000, 2570: 50000 });
  });

  it('re-import writes a new version, switches in one step and keeps the earlier version', async () => {
    const doc = parsePlanDocument(real('intapramul-plan-2566-2570.txt'));
    const first = await importPlanDocument(env.db, 'intapramul', doc, new Date('2025-01-01T00:00:00Z'));
    const smaller = { ...doc, projects: doc.projects.slice(0, 10) };

    // Readers poll while the second version is written: each sees one complete version, never a mix.
    const seen = new Set<number>();
    let done = false;
    const reader = (async () => {
      while (!done) {
        const current = await getCurrentPlan(env.db, 'intapramul');
        if (current) {
          expect(current.projects.length).toBe(current.plan.projectCount);
          seen.add(current.projects.length);
        }
      }
    })();
    const second = await importPlanDocument(env.db, 'intapramul', smaller, new Date('2025-02-01T00:00:00Z'));
    done = true;
    await reader;

    expect(second.planId).not.toBe(first.planId);
    expect([...seen].every((n) => n === 60 || n === 10)).toBe(true);
    expect((await getCurrentPlan(env.db, 'intapramul'))?.projects).toHaveLength(10);
    const versions = await listPlans(env.db, 'intapramul');
    expect(versions.map((v) => v.id).sort()).toEqual([first.planId, second.planId].sort());
    expect(await listPlanProjects(env.db, 'intapramul', first.planId)).toHaveLength(60);
  });

  it('CLI: a malformed file gives a clear error, a non-zero exit and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-'));
    const bad = join(dir, 'minutes.txt');
    writeFileSync(bad, 'บันทึกข้อความ\nเรื่อง ขออนุมัติเดินทางไปราชการ\n');
    const lines: string[] = [];
    const target = { FIRESTORE_EMULATOR_HOST: env.emulator.host, GCLOUD_PROJECT: env.projectId };
    const code = await withEnv(target, () => runImport(['--org', 'nowhere', '--file', bad], (l) => lines.push(l)));
    expect(code).toBe(2);
    expect(lines.join('\n')).toMatch(/is not a plan or progress report/);
    expect(await getOrg(env.db, 'nowhere')).toBeNull();
    expect(await listPlans(env.db, 'nowhere')).toEqual([]);
  });

  it('CLI: imports a report into the emulator and prints the fidelity report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-'));
    const out = join(dir, 'tharae.json');
    const lines: string[] = [];
    const target = { FIRESTORE_EMULATOR_HOST: env.emulator.host, GCLOUD_PROJECT: env.projectId };
    const code = await withEnv(target, () => runImport(['--org', 'tharae', '--file', 'data/plans/tharae-report-2564.txt', '--json', out, '--publish'], (l) => lines.push(l)));
    expect(code).toBe(0);
    // 54 of 57: the status table (line 102) restates 65 projects and 45 done and states 83.33 % (45 of 54): all agree.
    expect(lines.join('\n')).toMatch(/Fidelity: 54 agree, 3 disagree/);
    expect(lines).toContain('project status (line 102): 45 done, 0 in progress, 0 not possible, 1 in the ordinance, of 65 (54 at the start); 83.33 %, level มาก');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ kind: 'report', org: { name: 'เทศบาลตำบลท่าแร่' }, fiscalYears: [2564] });
    // The project-status table is stored with the report, figures as printed, with its line.
    expect(JSON.parse(readFileSync(out, 'utf8')).report.status).toEqual({
      baselineProjects: 54, totalProjects: 65, inOrdinance: 1, inProgress: 0, done: 45, notPossible: 0, percentImplemented: 83.33, level: 'มาก', line: 102, text: '54\t65\t1\t0\t45\t0\t83.33\tมาก', unread: [],
    });
    expect((await getCurrentPlan(env.db, 'tharae'))?.projects).toHaveLength(45);
  });

  it('CLI: --publish imports a Word document, prints the fields to review and stores them with the published version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-'));
    const docx = join(dir, 'plan.docx');
    writeFileSync(docx, makeDocx(readFileSync('test/fixtures/plans/variants/v02-maesot-d3d4-mission-in-cell.txt', 'utf8')));
    const lines: string[] = [];
    process.env.FIRESTORE_EMULATOR_HOST = env.emulator.host;
    process.env.GCLOUD_PROJECT = env.projectId;
    const code = await runImport(['--org', 'maesot-word', '--file', docx, '--publish'], (l) => lines.push(l));
    expect(code).toBe(0);
    const printed = lines.join('\n');
    expect(printed).toMatch(/review: 2 of 12 items have fields to check/);
    expect(printed).toMatch(/d3-27 .*\n\s+budgets\.2566, .*one set of figures printed for 2 items \(27, 28\) \(line 12\)/);
    const current = await getCurrentPlan(env.db, 'maesot-word');
    expect(current?.plan.publication).toBe('published');
    expect(current?.projects.find((p) => p.id === 'd3-28')?.review?.map((f) => f.field)).toContain('budgets.2567');
    expect(current?.projects.find((p) => p.id === 'd3-24')?.review).toEqual([]);
  });

  it('CLI: a scanned PDF is refused with what to do, and nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-'));
    const scan = join(dir, 'scan.pdf');
    writeFileSync(scan, makePdf([[]]));
    const lines: string[] = [];
    process.env.FIRESTORE_EMULATOR_HOST = env.emulator.host;
    process.env.GCLOUD_PROJECT = env.projectId;
    expect(await runImport(['--org', 'scanned', '--file', scan], (l) => lines.push(l))).toBe(2);
    expect(lines.join('\n')).toMatch(/no text layer.*\.docx.*OCR[\s\S]*nothing was written/);
    expect(await getOrg(env.db, 'scanned')).toBeNull();
  });

  it('CLI: rejects a bad org id before reading anything', async () => {
    const lines: string[] = [];
    expect(await runImport(['--org', 'Bad Id!', '--file', 'x.txt'], (l) => lines.push(l))).toBe(64);
    expect(lines[0]).toMatch(/--org/);
  });
});
