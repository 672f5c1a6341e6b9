import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../functions/src/cli/import.ts';
import type { DraftView } from '../../functions/src/contracts/plans.ts';
import type { DraftReviewPause } from '../../functions/src/plans/drafts/service.ts';
import { claimReviewEntry, listReviewEntries, nextSeq } from '../../functions/src/plans/drafts/store.ts';
import { api, givenOrg, givenStaff, startTestApp, type TestApp } from '../support/app.ts';

/**
 * A draft's review and its publication at the same moment, over HTTP (real server in local mode, embedded Firestore),
 * interleaved deterministically: the app's draft-review pause holds one action after it has read and checked the
 * draft and before it records, while the other runs to its end. Whatever the order, an edit the admin was told is
 * saved is in what is published, or it is refused (409, Thai) and nothing is recorded.
 *
 * The document: variant v01 (maesot, dimensions 1-2, 2566-2570), its flagged fields accepted as read so it can be
 * published; item d1-3 is budgeted 50,000 a year.
 */
const V01 = 'test/fixtures/plans/variants/v01-maesot-d1d2-html.txt';
const REFUSED = /แผนนี้กำลังเผยแพร่หรือเผยแพร่แล้ว แก้ไขไม่ได้/;

let t: TestApp;
let orgId: string;
let admin: { userId: string; token: string };

/** The pause the app awaits: armed for one action, it holds the first such action until released. */
let armed: { action: string; reached: () => void; released: Promise<void> } | null = null;
const pause: DraftReviewPause = async ({ action }) => {
  if (!armed || armed.action !== action) return;
  const { reached, released } = armed;
  armed = null;
  reached();
  await released;
};
function holdNext(action: 'edit' | 'accept' | 'publish') {
  let release = () => {};
  let reached = () => {};
  const isReached = new Promise<void>((r) => (reached = r));
  const released = new Promise<void>((r) => (release = r));
  armed = { action, reached, released };
  return {
    release,
    /** Resolves when the action is held; fails at once if it answered without reaching the pause. */
    reached: <T extends { status: number; body: unknown }>(action: Promise<T>) =>
      Promise.race([isReached, action.then((r) => Promise.reject(new Error(`answered ${r.status} ${JSON.stringify(r.body)} before the pause`)))]),
  };
}

/** A fresh draft of V01 whose flagged fields are all accepted as read: ready to publish. */
async function importDraft(): Promise<string> {
  process.env.FIRESTORE_EMULATOR_HOST = t.emulator.host;
  process.env.GCLOUD_PROJECT = t.rt.config.projectId;
  const lines: string[] = [];
  expect(await runImport(['--org', orgId, '--file', V01], (l) => lines.push(l))).toBe(0);
  const planId = /plan (\S+) written/.exec(lines.join('\n'))![1]!;
  const draft = await openDraft(planId);
  for (const p of draft.projects)
    for (const f of p.fields.filter((x) => x.state === 'open')) expect((await api(t, 'POST', `${draftPath(planId)}/projects/${p.id}/accept`, { token: admin.token, body: { field: f.field } })).status).toBe(201);
  for (const d of draft.dimensions)
    for (const f of d.fields.filter((x) => x.state === 'open')) expect((await api(t, 'POST', `${draftPath(planId)}/dimensions/${d.number}/accept`, { token: admin.token, body: { field: f.field } })).status).toBe(201);
  expect((await openDraft(planId)).openFlags).toBe(0);
  accepted = (await openDraft(planId)).log.length;
  return planId;
}
/** How many acceptances made the last imported draft ready (they come first in its record). */
let accepted = 0;
const actionsAfterReady = async (planId: string) => (await openDraft(planId)).log.slice(accepted).map((e) => e.action);

const draftPath = (planId: string) => `/api/orgs/${orgId}/plans/drafts/${planId}`;
const openDraft = async (planId: string) => (await api(t, 'GET', draftPath(planId), { token: admin.token })).body as unknown as DraftView;
const publish = (planId: string) => api(t, 'POST', `${draftPath(planId)}/publish`, { token: admin.token });
const editTitle = (planId: string, value: string) => api(t, 'POST', `${draftPath(planId)}/dimensions/1/edit`, { token: admin.token, body: { field: 'title', value } });
const editBudget = (planId: string, value: number) => api(t, 'POST', `${draftPath(planId)}/projects/d1-3/edit`, { token: admin.token, body: { field: 'budgets.2566', value } });

interface PublishedPlan {
  dimensions: Array<{ number: number; title: string }>;
  summary: { byYear: Record<string, number>; byDimension: Array<{ dimension: number; title: string }> };
  projects: Array<{ id: string; budgets: Record<string, number> }>;
}
const publishedPlan = async (planId: string) => (await api(t, 'GET', `/api/orgs/${orgId}/plans/${planId}`)).body as unknown as PublishedPlan;
const sum2566 = (plan: PublishedPlan) => plan.projects.reduce((n, p) => n + (p.budgets['2566'] ?? 0), 0);

beforeAll(async () => {
  t = await startTestApp({ app: { draftReviewPause: pause } });
  orgId = (await givenOrg(t, { name: 'เทศบาลนครแม่สอด' })).id;
  admin = await givenStaff(t, orgId, ['admin'], 'สมชาย ผู้ดูแลระบบ');
}, 60_000);

afterEach(() => {
  armed = null;
});

afterAll(async () => {
  await t?.stop();
});

describe('an edit and the publication of the same draft at once', { timeout: 60_000 }, () => {
  it('an edit saved while the publication was checking the draft is in the published plan', async () => {
    const planId = await importDraft();
    const held = holdNext('publish');
    const publishing = publish(planId);
    await held.reached(publishing);
    // The publication has read the draft and found nothing open; the admin's edits land now, before it records.
    const title = await editTitle(planId, 'การสร้างวัฒนธรรมสุจริตในองค์กร');
    expect(title.status).toBe(201);
    const budget = await editBudget(planId, 20_000);
    expect(budget.status).toBe(201);
    held.release();
    expect((await publishing).status).toBe(200);

    const plan = await publishedPlan(planId);
    expect(plan.dimensions.find((d) => d.number === 1)?.title).toBe('การสร้างวัฒนธรรมสุจริตในองค์กร');
    expect(plan.summary.byDimension.find((d) => d.dimension === 1)?.title).toBe('การสร้างวัฒนธรรมสุจริตในองค์กร');
    expect(plan.projects.find((p) => p.id === 'd1-3')?.budgets['2566']).toBe(20_000);
    expect(plan.summary.byYear['2566']).toBe(sum2566(plan));
    // The record: both edits, then the publication that includes them.
    expect(await actionsAfterReady(planId)).toEqual(['edit', 'edit', 'publish']);
  });

  it('an edit checked before the publication and recording after it is refused and not recorded', async () => {
    const planId = await importDraft();
    const held = holdNext('edit');
    const editing = editTitle(planId, 'ชื่อที่มาช้าไป');
    await held.reached(editing);
    expect((await publish(planId)).status).toBe(200);
    held.release();
    const late = await editing;
    expect(late.status).toBe(409);
    expect(late.body.error).toMatch(REFUSED);

    const draft = await openDraft(planId);
    expect(draft.publication).toBe('published');
    expect(draft.log.slice(accepted).map((e) => e.action)).toEqual(['publish']);
    expect((await publishedPlan(planId)).dimensions.find((d) => d.number === 1)?.title).toBe('การสร้างวัฒนธรรมสุจริต');
  });

  it('an item edit checked before the publication and recording after it leaves the published item as published', async () => {
    const planId = await importDraft();
    const held = holdNext('edit');
    const editing = editBudget(planId, 1);
    await held.reached(editing);
    expect((await publish(planId)).status).toBe(200);
    held.release();
    expect((await editing).status).toBe(409);

    const plan = await publishedPlan(planId);
    expect(plan.projects.find((p) => p.id === 'd1-3')?.budgets['2566']).toBe(50_000);
    expect(plan.summary.byYear['2566']).toBe(sum2566(plan));
    expect(await actionsAfterReady(planId)).toEqual(['publish']);
  });

  it('an acceptance checked before the publication and recording after it is refused and not recorded', async () => {
    const planId = await importDraft();
    const held = holdNext('accept');
    const accepting = api(t, 'POST', `${draftPath(planId)}/dimensions/2/accept`, { token: admin.token, body: { field: 'title' } });
    await held.reached(accepting);
    expect((await publish(planId)).status).toBe(200);
    held.release();
    const late = await accepting;
    expect(late.status).toBe(409);
    expect(late.body.error).toMatch(REFUSED);
    expect(await actionsAfterReady(planId)).toEqual(['publish']);
  });

  it('after publication every edit and acceptance is refused with the reason in Thai and nothing is recorded', async () => {
    const planId = await importDraft();
    expect((await publish(planId)).status).toBe(200);
    const tries = [
      await editTitle(planId, 'ชื่อหลังเผยแพร่'),
      await editBudget(planId, 1),
      await api(t, 'POST', `${draftPath(planId)}/projects/d1-3/accept`, { token: admin.token, body: { field: 'name' } }),
      await api(t, 'POST', `${draftPath(planId)}/dimensions/2/accept`, { token: admin.token, body: { field: 'title' } }),
    ];
    for (const res of tries) {
      expect(res.status).toBe(409);
      expect(res.body.error).toMatch(/เผยแพร่แล้ว/);
    }
    expect(await actionsAfterReady(planId)).toEqual(['publish']);
    expect((await publishedPlan(planId)).projects.find((p) => p.id === 'd1-3')?.budgets['2566']).toBe(50_000);
  });

  it('a publication recorded but not written (its process stopped) refuses edits and is completed by the next publish', async () => {
    const planId = await importDraft();
    await editBudget(planId, 20_000);
    // A publisher that recorded the publication and stopped before writing the version.
    const log = await listReviewEntries(t.rt.db, orgId, planId);
    const publication = { action: 'publish', projectId: null, field: null, before: null, after: planId } as const;
    expect(await claimReviewEntry(t.rt.db, orgId, planId, nextSeq(log), publication, { userId: admin.userId, displayName: 'สมชาย ผู้ดูแลระบบ' }, t.clock.now())).not.toBeNull();

    expect((await openDraft(planId)).publication).toBe('publishing');
    const late = await editTitle(planId, 'ชื่อระหว่างเผยแพร่');
    expect(late.status).toBe(409);
    expect(late.body.error).toMatch(REFUSED);
    expect((await api(t, 'GET', `/api/orgs/${orgId}/plans/${planId}`)).status).toBe(404);

    const done = await publish(planId);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ planId, publishedAt: t.clock.now().toISOString() });
    expect((await api(t, 'GET', `/api/orgs/${orgId}/plans`)).body.currentPlanId).toBe(planId);
    const plan = await publishedPlan(planId);
    expect(plan.projects.find((p) => p.id === 'd1-3')?.budgets['2566']).toBe(20_000);
    expect(plan.summary.byYear['2566']).toBe(sum2566(plan));
    expect(await actionsAfterReady(planId)).toEqual(['edit', 'publish']);
  });
});
