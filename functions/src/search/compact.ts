/**
 * Compact building blocks of the search index: term vocabularies, compressed-sparse-row lists (one Int32Array of
 * offsets over one flat typed array, instead of an object and two arrays per term) and a one-deletion table stored
 * as sorted 32-bit hashes (no deletion-key strings are kept; a hash match is verified against the term itself).
 */

/** Small ids in half the bytes: Uint16Array when every value fits, else Int32Array. */
export type Ids = Uint16Array | Int32Array;

export function narrow(values: ArrayLike<number>, max: number): Ids {
  return max < 65536 ? Uint16Array.from(values) : Int32Array.from(values);
}

/** Grows typed arrays while building (amortised doubling). */
export class IntBuffer {
  data: Int32Array;
  length = 0;
  constructor(capacity = 256) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Compressed sparse rows from (row, value) pairs given in order: rows[i] lists its values in the order pushed.
 * Returns offsets (rows + 1) and the values in row order.
 */
export function csr(rowOf: Int32Array, rows: number): { offsets: Int32Array; order: Int32Array } {
  const offsets = new Int32Array(rows + 1);
  for (let i = 0; i < rowOf.length; i++) {
    const r = (rowOf[i] as number) + 1;
    offsets[r] = (offsets[r] as number) + 1;
  }
  for (let r = 0; r < rows; r++) offsets[r + 1] = (offsets[r + 1] as number) + (offsets[r] as number);
  const fill = offsets.slice(0, rows);
  const order = new Int32Array(rowOf.length);
  for (let i = 0; i < rowOf.length; i++) {
    const r = rowOf[i] as number;
    const at = fill[r] as number;
    order[at] = i;
    fill[r] = at + 1;
  }
  return { offsets, order };
}

/** FNV-1a over UTF-16 code units of `s`, leaving out position `skip` (-1: none). */
export function hashSkipping(s: string, skip: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    if (i === skip) continue;
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** True when `term` with the code unit at `skip` left out (-1: none) is exactly `key`. */
function isDeletion(term: string, skip: number, key: string): boolean {
  if (term.length - (skip >= 0 ? 1 : 0) !== key.length) return false;
  for (let i = 0, j = 0; i < term.length; i++) {
    if (i === skip) continue;
    if (term.charCodeAt(i) !== key.charCodeAt(j++)) return false;
  }
  return true;
}

const NO_SKIP = 255;

/**
 * Positions of `hashes` in ascending hash order, equal hashes in position order: a least-significant-digit radix
 * sort (11, 11 and 10 bits; each pass stable), linear in the entries where a comparison sort is not.
 */
export function sortByHash(hashes: Uint32Array): Int32Array {
  const n = hashes.length;
  let order = new Int32Array(n);
  let next = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const counts = new Int32Array(2048);
  for (const shift of [0, 11, 22]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const b = ((hashes[i] as number) >>> shift) & 2047;
      counts[b] = (counts[b] as number) + 1;
    }
    let sum = 0;
    for (let b = 0; b < 2048; b++) {
      const c = counts[b] as number;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const entry = order[i] as number;
      const b = ((hashes[entry] as number) >>> shift) & 2047;
      const at = counts[b] as number;
      next[at] = entry;
      counts[b] = at + 1;
    }
    [order, next] = [next, order];
  }
  return order;
}

/** A one-deletion table's arrays (to store and restore it). */
export interface DeletionParts {
  hashes: Uint32Array;
  termIds: Ids;
  skips: Uint8Array;
  cap: number;
}

/**
 * SymSpell one-deletion table: every key that is a term or the term less one character finds the term. The same
 * behaviour as a Map from each key string to the first `cap` terms (with repeats) that produced it, in insertion
 * order, at a fraction of the memory: entries are (hash, term, skipped position) sorted by hash then insertion.
 */
export class DeletionTable {
  private readonly hashes: Uint32Array;
  private readonly termIds: Ids;
  private readonly skips: Uint8Array;
  private readonly cap: number;

  /** `term(id)` for each id in `ids` (insertion order), each at most 254 code units long; or a table's parts. */
  constructor(term: ((id: number) => string) | DeletionParts, ids: readonly number[] = [], cap = 16) {
    if (typeof term !== 'function') {
      this.hashes = term.hashes;
      this.termIds = term.termIds;
      this.skips = term.skips;
      this.cap = term.cap;
      return;
    }
    this.cap = cap;
    let n = 0;
    const texts = ids.map(term);
    for (const t of texts) n += t.length + 1;
    const entryHash = new Uint32Array(n);
    const entryTerm = new Int32Array(n);
    const entrySkip = new Uint8Array(n);
    let e = 0;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as number;
      const t = texts[k] as string;
      // hashSkipping(t, skip) for skip = -1, 0, …: the hash of the prefix before `skip` is carried forward, so only
      // the suffix after it is hashed again (the same values, half the work).
      let prefix = 0x811c9dc5;
      for (let skip = 0; skip < t.length; skip++) {
        let h = prefix;
        for (let j = skip + 1; j < t.length; j++) {
          h ^= t.charCodeAt(j);
          h = Math.imul(h, 0x01000193);
        }
        const at = e + 1 + skip;
        entryHash[at] = h >>> 0;
        entryTerm[at] = id;
        entrySkip[at] = skip;
        prefix ^= t.charCodeAt(skip);
        prefix = Math.imul(prefix, 0x01000193);
      }
      entryHash[e] = prefix >>> 0;
      entryTerm[e] = id;
      entrySkip[e] = NO_SKIP;
      e += t.length + 1;
    }
    // Entries by hash, ties in insertion order (a stable radix sort).
    const order = sortByHash(entryHash);
    this.hashes = new Uint32Array(n);
    const termIds = new Int32Array(n);
    this.skips = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const entry = order[i] as number;
      this.hashes[i] = entryHash[entry] as number;
      termIds[i] = entryTerm[entry] as number;
      this.skips[i] = entrySkip[entry] as number;
    }
    let maxId = 0;
    for (const id of ids) if (id > maxId) maxId = id;
    this.termIds = narrow(termIds, maxId + 1);
  }

  /** Term ids stored under `key`, in insertion order, at most `cap` entries counted with repeats. */
  lookup(key: string, term: (id: number) => string, out: (id: number) => void): void {
    const h = hashSkipping(key, -1);
    let lo = 0;
    let hi = this.hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.hashes[mid] as number) < h) lo = mid + 1;
      else hi = mid;
    }
    let count = 0;
    for (let i = lo; i < this.hashes.length && this.hashes[i] === h && count < this.cap; i++) {
      const id = this.termIds[i] as number;
      const skip = this.skips[i] as number;
      if (!isDeletion(term(id), skip === NO_SKIP ? -1 : skip, key)) continue;
      out(id);
      count++;
    }
  }

  get bytes(): number {
    return this.hashes.byteLength + this.termIds.byteLength + this.skips.byteLength;
  }

  parts(): DeletionParts {
    return { hashes: this.hashes, termIds: this.termIds, skips: this.skips, cap: this.cap };
  }
}

/** A vocabulary's arrays: the terms as one string, their offsets, and the hash table (a power of two long). */
export interface VocabularyParts {
  text: string;
  starts: Int32Array;
  table: Int32Array;
}

/**
 * An immutable set of terms with dense ids, as one flat string with offsets and an open-addressing hash table: about
 * a third of the bytes of a Map from strings (no string header or map entry per term).
 */
export class Vocabulary {
  private readonly text: string;
  private readonly starts: Int32Array;
  /** id + 1 at the slot of the term's hash (linear probing); 0: empty. */
  private readonly table: Int32Array;
  private readonly mask: number;

  /** `terms` in id order, distinct; or a vocabulary's parts. */
  constructor(terms: readonly string[] | VocabularyParts) {
    if (!Array.isArray(terms)) {
      const parts = terms as VocabularyParts;
      this.text = parts.text;
      this.starts = parts.starts;
      this.table = parts.table;
      this.mask = parts.table.length - 1;
      return;
    }
    const list = terms as readonly string[];
    this.text = list.join('');
    this.starts = new Int32Array(list.length + 1);
    let at = 0;
    list.forEach((t, i) => {
      this.starts[i] = at;
      at += t.length;
    });
    this.starts[list.length] = at;
    let capacity = 16;
    while (capacity < list.length * 2) capacity *= 2;
    this.table = new Int32Array(capacity);
    this.mask = capacity - 1;
    list.forEach((t, i) => {
      let slot = hashSkipping(t, -1) & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = i + 1;
    });
  }

  get size(): number {
    return this.starts.length - 1;
  }

  /** The term's id, or -1. */
  id(term: string): number {
    let slot = hashSkipping(term, -1) & this.mask;
    for (;;) {
      const v = this.table[slot] as number;
      if (v === 0) return -1;
      const start = this.starts[v - 1] as number;
      if ((this.starts[v] as number) - start === term.length && this.text.startsWith(term, start)) return v - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  term(id: number): string {
    return this.text.slice(this.starts[id] as number, this.starts[id + 1] as number);
  }

  get bytes(): number {
    return 16 + 2 * this.text.length + this.starts.byteLength + this.table.byteLength;
  }

  parts(): VocabularyParts {
    return { text: this.text, starts: this.starts, table: this.table };
  }
}
