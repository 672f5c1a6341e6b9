import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClosedDaysCli } from '../../functions/src/cli/closed-days.ts';
import { runServicesCli } from '../../functions/src/cli/services.ts';
import { listServices } from '../../functions/src/queue/store.ts';
import { givenOrg, startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await startTestApp();
  dir = await mkdtemp(path.join(tmpdir(), 'queue-cli-'));
});
afterAll(async () => {
  await t?.stop();
});

async function run(args: string[]) {
  const lines: string[] = [];
  const code = await runServicesCli(args, { db: t.rt.db, out: (l) => lines.push(l), now: t.clock.now() });
  return { code, out: lines.join('\n') };
}
async function file(name: string, content: unknown) {
  const p = path.join(dir, name);
  await writeFile(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

const service = { id: 'civil-registration', name: 'งานทะเบียนราษฎร', prefix: 'A', counters: [{ id: '1', name: 'ช่อง 1' }], hours: { days: [1, 2, 3, 4, 5], open: '08:30', close: '16:30' } };

describe('services CLI', () => {
  it('adds, lists and updates services; validates everything before writing anything', async () => {
    const org = await givenOrg(t);
    const bad = await run(['add', '--org', org.id, '--file', await file('bad.json', [service, { ...service, id: 'tax', prefix: '1', counters: [] }])]);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('[1] prefix');
    expect(bad.out).toContain('[1] counters');
    expect(bad.out).toContain('nothing was written');
    expect(await listServices(t.rt.db, org.id)).toEqual([]);

    const dry = await run(['add', '--org', org.id, '--file', await file('one.json', service), '--dry-run']);
    expect(dry.code).toBe(0);
    expect(await listServices(t.rt.db, org.id)).toEqual([]);
    expect((await run(['add', '--org', org.id, '--file', await file('one.json', service)])).code).toBe(0);
    expect((await run(['add', '--org', org.id, '--file', await file('one.json', service)])).out).toContain('exists (use update)');

    const up = await run(['update', '--org', org.id, '--file', await file('up.json', { id: 'civil-registration', counters: [{ id: '1', name: 'ช่อง 1' }, { id: '2', name: 'ช่อง 2' }] })]);
    expect(up.code).toBe(0);
    const listed = await run(['list', '--org', org.id]);
    expect(listed.out).toContain('A  civil-registration — งานทะเบียนราษฎร');
    expect(listed.out).toContain('1=ช่อง 1, 2=ช่อง 2');
    expect(listed.out).toContain('วันจันทร์ - วันศุกร์ เวลา 08.30 - 16.30 น.');
    expect((await run(['update', '--org', org.id, '--file', await file('nope.json', { id: 'nope', name: 'x' })])).code).toBe(2);
    expect((await run(['update', '--org', org.id, '--file', await file('broken.json', '{')])).code).toBe(2);
    expect((await run(['list', '--org', 'no-such-org'])).code).toBe(3);
    expect((await run(['remove', '--org', org.id])).code).toBe(64);
    expect((await run(['add', '--org', org.id])).code).toBe(64);
  });
});

describe('closed-days CLI', () => {
  async function closedDays(args: string[]) {
    const lines: string[] = [];
    const code = await runClosedDaysCli(args, { db: t.rt.db, out: (l) => lines.push(l), now: t.clock.now() });
    return { code, out: lines.join('\n') };
  }

  it('adds a year of holidays after checking every entry, lists the coming ones, and removes one', async () => {
    const org = await givenOrg(t);
    const holidays = [
      { day: '2026-12-05', name: 'วันพ่อแห่งชาติ' },
      { day: '2026-12-10', name: 'วันรัฐธรรมนูญ' },
      { day: '2026-12-31', name: 'วันสิ้นปี' },
    ];
    const bad = await closedDays(['add', '--org', org.id, '--file', await file('bad-days.json', [...holidays, { day: '2026-02-30', name: '' }, holidays[0]])]);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('[3] day');
    expect(bad.out).toContain('[3] name');
    expect(bad.out).toContain('[4] day: 2026-12-05 appears twice');
    expect(bad.out).toContain('nothing was written');
    expect((await closedDays(['list', '--org', org.id])).out).toContain('0 closed day(s)');

    expect((await closedDays(['add', '--org', org.id, '--file', await file('days.json', { closedDays: holidays }), '--dry-run'])).code).toBe(0);
    expect((await closedDays(['list', '--org', org.id])).out).toContain('0 closed day(s)');
    expect((await closedDays(['add', '--org', org.id, '--file', await file('days.json', { closedDays: holidays })])).code).toBe(0);
    const listed = await closedDays(['list', '--org', org.id]);
    expect(listed.out).toContain('3 closed day(s)');
    expect(listed.out).toContain('2026-12-05  5 ธันวาคม 2569  วันพ่อแห่งชาติ');

    expect((await closedDays(['remove', '--org', org.id, '--day', '2026-12-31'])).code).toBe(0);
    expect((await closedDays(['list', '--org', org.id])).out).not.toContain('วันสิ้นปี');
    expect((await closedDays(['remove', '--org', org.id, '--day', '2026-12-31'])).code).toBe(3);
    expect((await closedDays(['remove', '--org', org.id])).code).toBe(64);
    expect((await closedDays(['add', '--org', org.id])).code).toBe(64);
    expect((await closedDays(['list', '--org', 'no-such-org'])).code).toBe(3);
  });
});
