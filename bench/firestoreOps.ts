/**
 * Counts Firestore round-trips made by this process, by kind and collection: document reads (each document asked for,
 * found or not), queries (one per query sent, however many documents it returns) and writes (each write in a commit;
 * a commit of several writes is one round-trip, so commits are counted too). Bench-only: it wraps the client library's
 * internal send paths (DocumentReader, Query, AggregateQuery, WriteBatch), which every public read and write goes
 * through, transactions included.
 *
 * The infra branch counts on the embedded emulator's side instead (store/embedded.ts `usage()`, billed documents);
 * when it lands, the two can be compared and one kept.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

export interface OpCounts {
  reads: number;
  queries: number;
  writes: number;
  commits: number;
  /** `orgs/{id}/webhookEvents` → the same counts for that collection (ids hidden). */
  byCollection: Record<string, { reads: number; queries: number; writes: number }>;
}

type Fn = (this: Record<string, unknown>, ...args: unknown[]) => Promise<unknown>;
interface Patchable {
  prototype: Record<string, Fn>;
}

/** `orgs/maesot/webhookEvents/X` → `orgs/{id}/webhookEvents`. */
function collectionOfDoc(docPath: string): string {
  const parts = docPath.split('/');
  return parts.filter((_, i) => i % 2 === 0 && i < parts.length - 1).join('/{id}/');
}

export function countFirestoreOps(): { counts(): OpCounts; reset(): void; restore(): void } {
  const requireHere = createRequire(import.meta.url);
  const root = path.dirname(requireHere.resolve('@google-cloud/firestore'));
  const load = <T>(file: string, name: string) => (requireHere(path.join(root, file)) as Record<string, T>)[name]!;
  const DocumentReader = load<Patchable>('document-reader.js', 'DocumentReader');
  const Query = load<Patchable>('reference/query.js', 'Query');
  const AggregateQuery = load<Patchable>('reference/aggregate-query.js', 'AggregateQuery');
  const WriteBatch = load<Patchable>('write-batch.js', 'WriteBatch');

  let counts: OpCounts = { reads: 0, queries: 0, writes: 0, commits: 0, byCollection: {} };
  const add = (kind: 'reads' | 'queries' | 'writes', collection: string, n = 1) => {
    counts[kind] += n;
    const entry = (counts.byCollection[collection] ??= { reads: 0, queries: 0, writes: 0 });
    entry[kind] += n;
  };
  const restores: (() => void)[] = [];
  const wrap = (cls: Patchable, method: string, before: (self: Record<string, unknown>) => void) => {
    const original = cls.prototype[method]!;
    cls.prototype[method] = function (this: Record<string, unknown>, ...args: unknown[]) {
      before(this);
      return original.apply(this, args);
    };
    restores.push(() => void (cls.prototype[method] = original));
  };
  wrap(DocumentReader, '_get', (self) => {
    for (const ref of self.allDocuments as { path: string }[]) add('reads', collectionOfDoc(ref.path));
  });
  const queryCollection = (self: Record<string, unknown>) => {
    const options = (self._queryOptions ?? (self._query as Record<string, unknown> | undefined)?._queryOptions) as
      | { parentPath?: { relativeName?: string }; collectionId?: string }
      | undefined;
    const parent = options?.parentPath?.relativeName ?? '';
    return collectionOfDoc(`${parent ? `${parent}/` : ''}${options?.collectionId ?? '?'}/x`);
  };
  wrap(Query, '_get', (self) => add('queries', queryCollection(self)));
  wrap(AggregateQuery, '_get', (self) => add('queries', queryCollection(self)));
  wrap(WriteBatch, '_commit', (self) => {
    counts.commits += 1;
    for (const op of self._ops as { docPath: string }[]) add('writes', collectionOfDoc(op.docPath));
  });
  return {
    counts: () => structuredClone(counts),
    reset: () => void (counts = { reads: 0, queries: 0, writes: 0, commits: 0, byCollection: {} }),
    restore: () => restores.forEach((r) => r()),
  };
}
