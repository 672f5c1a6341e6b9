import { createRequire } from 'node:module';
import type { FirestoreState } from '@firestore-emulator/server';

/** Firestore operations as billed: documents read (a query that finds nothing costs one), written, deleted. */
export interface FirestoreUsage {
  reads: number;
  writes: number;
  deletes: number;
}

/** A Firestore emulator running inside this process (local mode and tests). */
export interface EmbeddedFirestore {
  readonly host: string;
  readonly port: number;
  /** The emulator's documents (for saving and loading local data: store/localData.ts). */
  readonly state: FirestoreState;
  /** Operations served since the start or the last reset, counted the way Firestore bills them. */
  usage(): FirestoreUsage;
  /** The same, by collection (orgs, then webhookEvents under one: `orgs/{id}/webhookEvents`), to see where the cost goes. */
  usageByCollection(): Record<string, FirestoreUsage>;
  resetUsage(): void;
  /** Writes and deletes since the start, never reset (to tell whether anything changed). */
  mutations(): number;
  /**
   * Forgets every document of one project id. The emulator keeps each project's data apart, so the test harness runs
   * one emulator per test worker and gives each test app its own project id, dropped when the app stops.
   */
  dropProject(projectId: string): void;
  stop(): void;
}

/** The parts of a gRPC server this module uses (the emulator's own copy of @grpc/grpc-js provides it). */
interface GrpcServer {
  addService(definition: unknown, implementation: object): void;
  bindAsync(address: string, credentials: unknown, callback: (err: Error | null, port: number) => void): void;
  forceShutdown(): void;
}
interface GrpcModule {
  Server: { new (): GrpcServer; prototype: GrpcServer };
  ServerCredentials: { createInsecure(): unknown };
}
type Handler = (call: { request: Record<string, unknown>; write?(chunk: unknown): boolean }, callback?: unknown) => void;

/**
 * Starts `@firestore-emulator/server` on 127.0.0.1 — on `port`, or on a port the system assigns while binding (never
 * one picked beforehand, which another process could take first). Only this machine can reach it.
 *
 * The package's `FirestoreServer.start` binds 0.0.0.0 and hides the bound port, so its service (the gRPC
 * implementation it builds over its state, taken as it registers it) is served by a gRPC server of our own, with
 * usage counting around it. The implementation must be the one from the package's main bundle: its error classes are
 * what the state throws (the deep module bundles copies of its own). The package is a devDependency, loaded lazily so
 * production bundles never need it.
 */
export async function startEmbeddedFirestore(port = 0): Promise<EmbeddedFirestore> {
  const emulatorModule = await import('@firestore-emulator/server');
  const { FirestoreServer } = emulatorModule;
  makeLookupsConstantTime(emulatorModule);
  // The emulator's own copy of the gRPC library (its server checks credentials by identity).
  const emulatorRequire = createRequire(createRequire(import.meta.url).resolve('@firestore-emulator/server'));
  const grpc = emulatorRequire('@grpc/grpc-js') as GrpcModule;

  let service: { definition: Record<string, unknown>; impl: Record<string, Handler> } | undefined;
  const addService = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function (definition, impl) {
    service = { definition: definition as Record<string, unknown>, impl: impl as Record<string, Handler> };
    addService.call(this, definition, impl);
  };
  let emulator: InstanceType<typeof FirestoreServer>;
  try {
    emulator = new FirestoreServer();
  } finally {
    grpc.Server.prototype.addService = addService;
  }
  if (!service) throw new Error('@firestore-emulator/server registered no service');

  const usage = createUsage();
  const server = new grpc.Server();
  server.addService(service.definition, countUsage(service.impl, Object.keys(service.definition), usage));
  const bound = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return {
    host: `127.0.0.1:${bound}`,
    port: bound,
    state: emulator.state,
    usage: () => ({ ...usage.total }),
    usageByCollection: () => Object.fromEntries([...usage.byCollection].map(([k, v]) => [k, { ...v }])),
    resetUsage() {
      usage.total = zero();
      usage.byCollection.clear();
    },
    mutations: () => usage.mutations,
    dropProject(projectId) {
      // The state keeps its projects in a plain (immutable, replaced on change) object that it exposes no delete for.
      const state = emulator.state as unknown as { projects: Record<string, unknown> };
      state.projects = Object.fromEntries(Object.entries(state.projects).filter(([name]) => name !== projectId));
    },
    stop: () => server.forceShutdown(),
  };
}

/** A level of the emulator's tree (project, database, document, collection): its children by name. */
interface StateNode {
  [children: string]: unknown;
}
type Lookup = (this: StateNode, name: string) => unknown;

/**
 * The emulator keeps its tree in immer-produced objects: every lookup of a project, database, collection or document
 * runs `produce`, and a document it has not seen (a create, or a get of a missing document, which leaves a placeholder)
 * copies the whole collection's map — a cost that grows with the collection (2–3 ms per call at a few thousand
 * documents, against 0.5 ms for a document it has). Real Firestore has no such cost, and it made the local webhook
 * slower the longer it ran. Lookups of what exists return it directly; a new document is added to the collection's map
 * in place (copied once if immer froze it). Nothing in the emulator keeps an old map to compare (queries and the
 * local-data save read the current one), so the behaviour is the same. Patched once per process, on the package's own
 * classes; if a later version renames them, nothing is patched and it is only slower.
 */
function makeLookupsConstantTime(module: object): void {
  const classes = module as Record<string, { prototype: Record<string, unknown> } | undefined>;
  const patch = (className: string, method: string, childrenField: string, insert?: (node: StateNode, name: string) => unknown) => {
    const proto = classes[className]?.prototype;
    const original = proto?.[method] as Lookup | undefined;
    if (!proto || typeof original !== 'function' || (original as { constantTime?: boolean }).constantTime) return;
    const fast: Lookup = function (name) {
      const children = this[childrenField] as Record<string, unknown>;
      if (Object.hasOwn(children, name)) return children[name];
      return insert ? insert(this, name) : original.call(this, name);
    };
    Object.assign(fast, { constantTime: true });
    proto[method] = fast;
  };
  const Document = classes.FirestoreStateDocument as unknown as (new (...args: unknown[]) => object) | undefined;
  patch('FirestoreState', 'getProject', 'projects');
  patch('FirestoreStateProject', 'getDatabase', 'databases');
  patch('FirestoreStateDatabase', 'getCollection', 'collections');
  patch('FirestoreStateDocument', 'getCollection', 'collections');
  patch('FirestoreStateCollection', 'getDocument', 'documents', Document ? (node, name) => {
    // What the package's own getDocument builds (an empty, not yet existing document), without copying the map.
    if (Object.isFrozen(node.documents)) node.documents = { ...(node.documents as object) };
    const document = new Document(node.emitter, node.database, node, name, {}, {});
    (node.documents as Record<string, unknown>)[name] = document;
    return document;
  } : undefined);
}

const zero = (): FirestoreUsage => ({ reads: 0, writes: 0, deletes: 0 });

interface Usage {
  total: FirestoreUsage;
  byCollection: Map<string, FirestoreUsage>;
  mutations: number;
}

function createUsage(): Usage {
  return { total: zero(), byCollection: new Map(), mutations: 0 };
}

function add(usage: Usage, kind: keyof FirestoreUsage, collection: string, n = 1): void {
  usage.total[kind] += n;
  const entry = usage.byCollection.get(collection) ?? zero();
  entry[kind] += n;
  usage.byCollection.set(collection, entry);
}

/** `projects/p/databases/d/documents/orgs/maesot/webhookEvents/X` → `orgs/{id}/webhookEvents` (ids hidden). */
function collectionOf(resource: string, extra?: string): string {
  const rel = resource.split('/documents').slice(1).join('/documents').replace(/^\//, '');
  const parts = [...(rel ? rel.split('/') : []), ...(extra ? [extra, 'id'] : [])];
  return parts.filter((_, i) => i % 2 === 0).join('/{id}/') || '(root)';
}

/**
 * Wraps the gRPC handlers to count what Firestore bills: a get per document asked for (found or not), a query per
 * document returned and at least one, an aggregation per 1,000 documents counted and at least one, a write or delete
 * per write in a commit.
 */
function countUsage(impl: Record<string, Handler>, methods: string[], usage: Usage): Record<string, Handler> {
  // Every method bound to the implementation itself (it keeps its state in a private field).
  const wrapped: Record<string, Handler> = Object.fromEntries(methods.map((m) => [m, impl[m]!.bind(impl)]));
  const call = (name: string, before: Handler) => {
    const original = impl[name]!.bind(impl);
    wrapped[name] = (c, cb) => {
      before(c, cb);
      original(c, cb);
    };
  };
  call('BatchGetDocuments', (c) => {
    for (const doc of c.request.documents as string[]) add(usage, 'reads', collectionOf(doc));
  });
  call('Commit', (c) => {
    usage.mutations += (c.request.writes as unknown[]).length;
    for (const w of c.request.writes as { has_delete?: boolean; delete?: string; update?: { name?: string } }[]) {
      if (w.has_delete) add(usage, 'deletes', collectionOf(w.delete ?? ''));
      else add(usage, 'writes', collectionOf(w.update?.name ?? ''));
    }
  });
  const countWrites = (perChunk: (chunk: Record<string, unknown>) => number, minimum: number) => (c: Parameters<Handler>[0]) => {
    const query = (c.request.structured_query ?? (c.request.structured_aggregation_query as { structured_query?: unknown } | undefined)?.structured_query) as
      | { from?: { collection_id?: string }[] }
      | undefined;
    const collection = collectionOf(String(c.request.parent ?? ''), query?.from?.[0]?.collection_id);
    const write = c.write!.bind(c);
    let counted = 0;
    c.write = (chunk) => {
      counted += perChunk(chunk as Record<string, unknown>);
      return write(chunk);
    };
    const end = (c as unknown as { end: () => void }).end.bind(c);
    (c as unknown as { end: () => void }).end = () => {
      add(usage, 'reads', collection, Math.max(minimum, counted));
      end();
    };
  };
  call('RunQuery', countWrites((chunk) => (hasField(chunk, 'document') ? 1 : 0), 1));
  call(
    'RunAggregationQuery',
    countWrites((chunk) => {
      const fields = (chunk.result as { aggregate_fields?: Map<string, { integer_value?: number }> } | undefined)?.aggregate_fields;
      let most = 0;
      fields?.forEach((v) => (most = Math.max(most, Number(v.integer_value ?? 0))));
      return Math.ceil(most / 1000);
    }, 1),
  );
  return wrapped;
}

/** Whether a protobuf message object has a submessage set (google-protobuf messages expose has_<field>). */
function hasField(message: Record<string, unknown>, field: string): boolean {
  const has = message[`has_${field}`];
  return typeof has === 'boolean' ? has : message[field] !== undefined && message[field] !== null;
}
