/**
 * npm run check:deploy — builds and loads what `firebase deploy` would upload, on the runtime production uses.
 *
 * 1. `tsc` builds functions/lib (functions/tsconfig.build.json).
 * 2. The artefact is staged as firebase.json uploads it: functions/ without the paths it ignores (src, node_modules,
 *    logs), in a folder of its own, so a module that reaches outside lib/ (into src/, data/, the repository) fails here
 *    as it would on Cloud Functions. Its node_modules is the workspace's installed one.
 * 3. lib/index.js is imported under Node 24 (npm scripts run on the `node` devDependency) with production
 *    configuration and fake secrets; the four functions must be exported with the triggers production relies on.
 * 4. The app is built from that configuration, as on a cold start (the first request builds it): a request that needs
 *    no storage must be answered by the production app (404 JSON in Thai), and /dev must not exist.
 * Nothing here talks to Google or LINE.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import express from 'express';

const ROOT = path.resolve(import.meta.dirname, '..');
const FUNCTIONS = path.join(ROOT, 'functions');
const REGION = 'asia-southeast1';

interface Endpoint {
  platform?: string;
  region?: string[];
  httpsTrigger?: unknown;
  eventTrigger?: { eventType?: string; eventFilters?: Record<string, string>; eventFilterPathPatterns?: Record<string, string> };
  scheduleTrigger?: { schedule?: string };
}
type Exported = ((req: express.Request, res: express.Response) => void) & { __endpoint?: Endpoint };

const problems: string[] = [];
const check = (ok: boolean, what: string) => {
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${what}\n`);
  if (!ok) problems.push(what);
};

function checkConfiguration(): void {
  const firebase = JSON.parse(readFileSync(path.join(ROOT, 'firebase.json'), 'utf8')) as { functions: { source: string; runtime: string }[] };
  const pkg = JSON.parse(readFileSync(path.join(FUNCTIONS, 'package.json'), 'utf8')) as { main: string; engines?: { node?: string } };
  check(firebase.functions.every((f) => f.runtime === 'nodejs24'), 'firebase.json deploys functions on nodejs24');
  check(pkg.engines?.node === '24', 'functions/package.json engines.node is 24');
  check(pkg.main === 'lib/index.js', 'functions/package.json main is lib/index.js');
  check(process.versions.node.split('.')[0] === '24', `this check runs on Node 24 (it runs on ${process.versions.node})`);
}

function stageArtefact(): string {
  execFileSync('npm', ['run', 'build', '-w', 'functions'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  const stage = mkdtempSync(path.join(tmpdir(), 'functions-artefact-'));
  const ignored = new Set(['src', 'node_modules']);
  cpSync(FUNCTIONS, stage, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(FUNCTIONS, src);
      return rel === '' || (!ignored.has(rel.split(path.sep)[0]!) && !rel.endsWith('.log'));
    },
  });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
  return stage;
}

async function loadAndCheck(stage: string): Promise<void> {
  // What Cloud Functions provides: the project, and the LINE_CHANNELS secret as an environment variable (fake here).
  process.env.GCLOUD_PROJECT = 'deploy-check';
  process.env.LINE_CHANNELS = JSON.stringify({ 'deploy-check': { channelSecret: 'fake-secret', channelAccessToken: 'fake-token' } });
  process.env.LOG_LEVEL = 'warn';
  const mod = (await import(pathToFileURL(path.join(stage, 'lib/index.js')).href)) as Record<string, Exported>;
  const endpoint = (name: string) => mod[name]?.__endpoint;

  for (const name of ['api', 'processLineEvent', 'deliverOutbox', 'scheduledJobs']) {
    check(typeof mod[name] === 'function' && endpoint(name) !== undefined, `lib/index.js exports the function ${name}`);
    check(endpoint(name)?.region?.includes(REGION) === true, `${name} runs in ${REGION}`);
  }
  check(endpoint('api')?.httpsTrigger !== undefined, 'api is an HTTPS function');
  const created = (name: string, pattern: string) => {
    const trigger = endpoint(name)?.eventTrigger;
    const doc = trigger?.eventFilterPathPatterns?.document ?? trigger?.eventFilters?.document;
    check(trigger?.eventType === 'google.cloud.firestore.document.v1.created' && doc === pattern, `${name} runs when ${pattern} is created`);
  };
  created('processLineEvent', 'orgs/{orgId}/webhookEvents/{eventId}');
  created('deliverOutbox', 'outbox/{id}');
  check(typeof endpoint('scheduledJobs')?.scheduleTrigger?.schedule === 'string', 'scheduledJobs runs on a schedule');

  // The first request builds the app from production configuration; these requests need no storage. Cloud Functions
  // hands the function express's request and response.
  const server = http.createServer(express().use((req, res) => mod.api!(req, res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const missing = await fetch(`${base}/deploy-check/not-a-route`);
    const body = (await missing.json().catch(() => null)) as { error?: string } | null;
    check(missing.status === 404 && typeof body?.error === 'string', 'the app builds from production configuration and answers (404 JSON)');
    const dev = await fetch(`${base}/dev/demo`);
    check(dev.status === 404, 'production has no /dev routes');
  } finally {
    server.close();
  }
}

const stage = stageArtefact();
try {
  checkConfiguration();
  await loadAndCheck(stage);
} catch (err) {
  problems.push(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.stderr.write(`${problems.at(-1)}\n`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
if (problems.length > 0) {
  process.stderr.write(`deploy check: ${problems.length} problem(s)\n`);
  process.exit(1);
}
process.stdout.write('deploy check: the artefact builds, loads on Node 24 and serves from production configuration\n');
process.exit(0);
