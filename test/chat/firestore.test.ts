import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../functions/src/chat/answer.ts';
import { FirestoreContextStore } from '../../functions/src/chat/contextStore.ts';
import { createChatService } from '../../functions/src/chat/service.ts';
import { createOrgIfAbsent } from '../../functions/src/orgs/store.ts';
import { parsePlanDocument } from '../../functions/src/plans/parse/index.ts';
import { importPlanDocument } from '../../functions/src/plans/store.ts';
import { FirestoreCorpusProvider } from '../../functions/src/search/firestoreCorpus.ts';
import { KnowledgeBase } from '../../functions/src/search/knowledgeBase.ts';
import { startTestFirestore } from '../support/firestore.ts';
import { PLANS_DIR } from './fixtures.ts';

describe('the engine on Firestore', () => {
  let env: Awaited<ReturnType<typeof startTestFirestore>>;
  beforeAll(async () => {
    env = await startTestFirestore();
  });
  afterAll(async () => {
    await env.stop();
  });

  it('answers a plan imported while it runs once the engine next checks the version, without a restart', async () => {
    const now = new Date().toISOString();
    await createOrgIfAbsent(env.db, { id: 'maesot', name: 'เทศบาลนครแม่สอด', createdAt: now, updatedAt: now });
    let clock = 0; // the engine's freshness clock, moved by the test instead of waited for
    const kb = new KnowledgeBase(new FirestoreCorpusProvider(env.db), { checkIntervalMs: 1000, now: () => clock });
    const before = await answer(kb, 'maesot', 'โครงการโรงเรียนคุณธรรมงบเท่าไร', null);
    expect(before.results.some((r) => r.title === 'โครงการโรงเรียนคุณธรรม')).toBe(false);

    const file = 'maesot-plan-2566-2570.txt';
    await importPlanDocument(env.db, 'maesot', parsePlanDocument(readFileSync(path.join(PLANS_DIR, file), 'utf8'), { file }), new Date());
    // Within the interval the built index is served as it was; after it, the version check sees the import.
    clock += 999;
    expect((await answer(kb, 'maesot', 'โครงการโรงเรียนคุณธรรมงบเท่าไร', null)).results.some((r) => r.title === 'โครงการโรงเรียนคุณธรรม')).toBe(false);
    clock += 1;
    const after = await answer(kb, 'maesot', 'โครงการโรงเรียนคุณธรรมงบเท่าไร', null);
    expect(after.results[0]?.title).toBe('โครงการโรงเรียนคุณธรรม');
    expect(after.intent).toBe('project.budget');
  });

  it('keeps a user conversation context in Firestore for follow-ups', async () => {
    const kb = new KnowledgeBase(new FirestoreCorpusProvider(env.db));
    const contexts = new FirestoreContextStore(env.db);
    const chat = createChatService({ kb, contexts });
    await chat.answerText({ orgId: 'maesot', userId: 'Uabc', text: 'มิติที่ 4 มีโครงการอะไรบ้าง' });
    const stored = await contexts.get('maesot', 'Uabc');
    expect(stored?.filters?.dimension).toBe(4);
    const snap = await env.db.doc('orgs/maesot/chatContexts/Uabc').get();
    expect(snap.get('expiresAt')).toBeTruthy();
    const second = await chat.answerText({ orgId: 'maesot', userId: 'Uabc', text: 'อันที่ 2' });
    expect(second.intent).toBe('project');
    expect(await contexts.get('maesot', 'Uother')).toBeNull();
  });
});
