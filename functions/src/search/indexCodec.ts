import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { FieldSpec, IndexedDoc, IndexParts, SearchDoc } from './build.ts';
import { Vocabulary, type Ids } from './compact.ts';
import { normalizeText } from './normalize.ts';
import { gramsOfKeys, segmentKeysMany } from './tokenize.ts';

/**
 * A built `SearchIndex` as bytes, to store it and load it again instead of building (a cache miss, a cold instance):
 * a small JSON header (documents' identities, name trigrams, array lengths) and the typed arrays as they are, the
 * vocabulary as UTF-16 code units. Loading copies the arrays out, so the blob is not kept.
 *
 * Layout: "SIX" + format byte, u32 header length, u32 CRC-32 of everything after these 12 bytes, header (UTF-8
 * JSON), then each array at a 4-byte boundary.
 */

/**
 * Bump when the index's layout or anything that makes it from documents changes in a way `engineFingerprint`'s
 * probe cannot see (build.ts, compact.ts, FIELD_SPECS' use): stored indices of another format are never read.
 */
export const INDEX_FORMAT = 1;
const MAGIC = [0x53, 0x49, 0x58, INDEX_FORMAT] as const; // "SIX" + format

type ArrayName = 'starts' | 'table' | 'postStart' | 'postDocs' | 'postTfw' | 'docNames' | 'nameStart' | 'nameGrams' | 'gramStart' | 'gramDocs' | 'hashes' | 'termIds' | 'skips' | 'text';
type Kind = 'i32' | 'u16' | 'u32' | 'f32' | 'u8';
type AnyArray = Int32Array | Uint16Array | Uint32Array | Float32Array | Uint8Array;

interface Header {
  docs: Array<[string, IndexedDoc['type'], string]>;
  grams: string[];
  cap: number;
  arrays: Array<[ArrayName, Kind, number]>;
}

const kindOf = (a: AnyArray): Kind =>
  a instanceof Int32Array ? 'i32' : a instanceof Uint16Array ? 'u16' : a instanceof Uint32Array ? 'u32' : a instanceof Float32Array ? 'f32' : 'u8';
const make = { i32: Int32Array, u16: Uint16Array, u32: Uint32Array, f32: Float32Array, u8: Uint8Array } as const;

/** A string's UTF-16 code units, exactly (lone surrogates included, which a text encoder would replace). */
function codeUnits(s: string): Uint16Array {
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const utf16 = new TextDecoder('utf-16le', { fatal: true });

function fromCodeUnits(units: Uint16Array): string {
  try {
    // Fast, and exact for well-formed text (it throws on a lone surrogate rather than replacing it).
    return utf16.decode(units);
  } catch {
    // Below: exact for any code units.
  }
  let s = '';
  for (let i = 0; i < units.length; i += 8192) s += String.fromCharCode(...units.subarray(i, i + 8192));
  return s;
}

export function encodeIndex(parts: IndexParts): Uint8Array {
  const vocab = parts.vocabulary.parts();
  const arrays: Array<[ArrayName, AnyArray]> = [
    ['text', codeUnits(vocab.text)],
    ['starts', vocab.starts],
    ['table', vocab.table],
    ['postStart', parts.postStart],
    ['postDocs', parts.postDocs],
    ['postTfw', parts.postTfw],
    ['docNames', parts.docNames],
    ['nameStart', parts.nameStart],
    ['nameGrams', parts.nameGrams],
    ['gramStart', parts.gramStart],
    ['gramDocs', parts.gramDocs],
    ['hashes', parts.deletions.hashes],
    ['termIds', parts.deletions.termIds],
    ['skips', parts.deletions.skips],
  ];
  const header: Header = {
    docs: parts.docs.map((d) => [d.id, d.type, d.title]),
    grams: parts.grams,
    cap: parts.deletions.cap,
    arrays: arrays.map(([name, a]) => [name, kindOf(a), a.length]),
  };
  const head = new TextEncoder().encode(JSON.stringify(header));
  const align = (n: number) => (n + 3) & ~3;
  let size = align(12 + head.length);
  for (const [, a] of arrays) size = align(size + a.byteLength);
  const out = new Uint8Array(size);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, head.length, true);
  out.set(head, 12);
  let at = align(12 + head.length);
  for (const [, a] of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at = align(at + a.byteLength);
  }
  view.setUint32(8, crc32(out.subarray(12)), true);
  return out;
}

export class IndexFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexFormatError';
  }
}

/** The parts of an encoded index; throws `IndexFormatError` on another format or damaged bytes. */
export function decodeIndex(blob: Uint8Array): IndexParts {
  if (blob.length < 12 || MAGIC.some((b, i) => blob[i] !== b)) throw new IndexFormatError('not a search index of this format');
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const headLength = view.getUint32(4, true);
  if (crc32(blob.subarray(12)) !== view.getUint32(8, true)) throw new IndexFormatError('search index damaged (CRC)');
  const header = JSON.parse(new TextDecoder().decode(blob.subarray(12, 12 + headLength))) as Header;
  const align = (n: number) => (n + 3) & ~3;
  let at = align(12 + headLength);
  const got = new Map<ArrayName, AnyArray>();
  for (const [name, kind, length] of header.arrays) {
    const type = make[kind];
    const bytes = length * type.BYTES_PER_ELEMENT;
    if (at + bytes > blob.length) throw new IndexFormatError('search index truncated');
    // A copy at its own aligned buffer: the blob is not retained.
    const copy = new Uint8Array(bytes);
    copy.set(blob.subarray(at, at + bytes));
    got.set(name, new type(copy.buffer));
    at = align(at + bytes);
  }
  const arr = <T extends AnyArray>(name: ArrayName) => {
    const a = got.get(name);
    if (!a) throw new IndexFormatError(`search index lacks ${name}`);
    return a as T;
  };
  return {
    docs: header.docs.map(([id, type, title]) => ({ id, type, title })),
    vocabulary: new Vocabulary({ text: fromCodeUnits(arr<Uint16Array>('text')), starts: arr<Int32Array>('starts'), table: arr<Int32Array>('table') }),
    postStart: arr<Int32Array>('postStart'),
    postDocs: arr<Ids>('postDocs'),
    postTfw: arr<Float32Array>('postTfw'),
    grams: header.grams,
    docNames: arr<Int32Array>('docNames'),
    nameStart: arr<Int32Array>('nameStart'),
    nameGrams: arr<Ids>('nameGrams'),
    gramStart: arr<Int32Array>('gramStart'),
    gramDocs: arr<Ids>('gramDocs'),
    deletions: { hashes: arr<Uint32Array>('hashes'), termIds: arr<Ids>('termIds'), skips: arr<Uint8Array>('skips'), cap: header.cap },
  };
}

/** Text that exercises normalisation and segmentation: when their behaviour changes, so does the fingerprint. */
const PROBE = 'โครงการส่งเสริมคุณธรรม ๒๕๖๘ มั้ยยย งบประมาณ 30,000 บาท e-Service “NO Gift Policy” อิเล็กทรอนิกส์ ใบอนุญาต';
let fingerprint: string | undefined;

/** What else than the documents decides the index: format, ICU (the segmenter's dictionary), and a probe's tokens. */
export function engineFingerprint(): string {
  if (fingerprint === undefined) {
    const keys = segmentKeysMany([normalizeText(PROBE)]);
    fingerprint = JSON.stringify([INDEX_FORMAT, process.versions.icu ?? '', keys, [...gramsOfKeys(keys[0] ?? [])]]);
  }
  return fingerprint;
}

/**
 * The stored index's key: a hash of the documents it is built from, the fields' weights and the engine. A stored
 * index is used only under the key of the documents at hand, so a plan import, a manual edit, a code or ICU change
 * never serves a stale index, whatever the organisation's version string says.
 */
export function indexKey(docs: SearchDoc[], specs: Record<string, FieldSpec>): string {
  // UTF-16 code units, not UTF-8: Thai text encodes to UTF-8 several times slower, and this runs on every miss.
  return createHash('sha256').update(engineFingerprint()).update(JSON.stringify(specs)).update(JSON.stringify(docs), 'utf16le').digest('base64url').slice(0, 32);
}
