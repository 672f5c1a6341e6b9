import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFirestore } from './support/firestore.ts';

describe('embedded Firestore', () => {
  let env: Awaited<ReturnType<typeof startTestFirestore>>;
  beforeAll(async () => { env = await startTestFirestore(); });
  afterAll(async () => { await env.stop(); });

  it('refuses to create a document twice', async () => {
    await env.db.doc('things/a').create({ n: 1 });
    await expect(env.db.doc('things/a').create({ n: 2 })).rejects.toMatchObject({ code: 6 });
    expect((await env.db.doc('things/a').get()).data()).toEqual({ n: 1 });
  });
});
