import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Logger } from '../log.ts';
import type { EmbeddedFirestore } from './embedded.ts';

/**
 * Local mode's data across restarts, like the Firebase emulators' `--import` / `--export-on-exit`: the embedded
 * emulator's documents are saved as one JSON file in a folder (`LOCAL_DATA_DIR`, default ./data/local) on a clean stop
 * and periodically when something changed, and loaded at the next start. Written to a temporary file and renamed, so a
 * crash during a save leaves the previous save whole. A crash loses what changed since the last save.
 *
 * `@firestore-emulator/server` can export its state (`toJSON`) but has no import, so loading writes each document back
 * through the emulator's own write path. Field values round-trip exactly (bytes as base64); a document's create and
 * update times become the load time.
 */
const FILE = 'firestore.json';
const FORMAT = 1;

interface FieldJson {
  type: string;
  value: unknown;
}
interface NodeJson {
  path: string;
  fields?: Record<string, FieldJson>;
  collections?: Record<string, { documents: Record<string, NodeJson> }>;
}
interface SavedDocument {
  path: string;
  fields: Record<string, unknown>;
}
interface SavedFile {
  format: number;
  savedAt: string;
  documents: SavedDocument[];
}

/** A v1 `Value` in the form its `fromObject` takes, except bytes, kept as `{ bytes_base64 }`. */
function encode(field: FieldJson): unknown {
  switch (field.type) {
    case 'bytes_value':
      return { bytes_base64: Buffer.from(field.value as Uint8Array).toString('base64') };
    case 'array_value':
      return { array_value: { values: (field.value as FieldJson[]).map(encode) } };
    case 'map_value':
      return { map_value: { fields: encodeFields(field.value as Record<string, FieldJson>) } };
    case 'null_value':
      return { null_value: 0 };
    default:
      return { [field.type]: field.value };
  }
}

function encodeFields(fields: Record<string, FieldJson>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, encode(v)]));
}

function decode(value: unknown): unknown {
  const v = value as Record<string, unknown>;
  if ('bytes_base64' in v) return { bytes_value: new Uint8Array(Buffer.from(String(v.bytes_base64), 'base64')) };
  if ('array_value' in v) return { array_value: { values: ((v.array_value as { values?: unknown[] }).values ?? []).map(decode) } };
  if ('map_value' in v) return { map_value: { fields: decodeFields((v.map_value as { fields?: Record<string, unknown> }).fields ?? {}) } };
  return v;
}

function decodeFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, decode(v)]));
}

/** Every existing document of the emulator (a path with only subcollections under it is not a document). */
function documentsOf(emulator: EmbeddedFirestore): SavedDocument[] {
  const out: SavedDocument[] = [];
  const visit = (node: NodeJson) => {
    if (node.fields && emulator.state.getDocument(node.path).metadata.hasExist) {
      out.push({ path: node.path, fields: encodeFields(node.fields) });
    }
    for (const collection of Object.values(node.collections ?? {})) {
      for (const doc of Object.values(collection.documents)) visit(doc);
    }
  };
  const state = emulator.state.toJSON() as { projects: Record<string, { databases: Record<string, NodeJson> }> };
  for (const project of Object.values(state.projects)) {
    for (const database of Object.values(project.databases)) visit(database);
  }
  return out;
}

export interface LocalData {
  readonly dir: string;
  /** Loads the saved documents into the emulator; false when there is no saved data (a first start). */
  load(): Promise<boolean>;
  /** Saves now, whatever changed. */
  save(): Promise<void>;
  /** Saves if anything was written since the last save or load. */
  saveIfChanged(): Promise<boolean>;
}

export function localData(dir: string, emulator: EmbeddedFirestore, log: Logger): LocalData {
  const file = path.join(dir, FILE);
  let savedAt = -1;
  let saving: Promise<void> | undefined;

  const save = async () => {
    const mutations = emulator.mutations();
    const content: SavedFile = { format: FORMAT, savedAt: new Date().toISOString(), documents: documentsOf(emulator) };
    await mkdir(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(content));
    await rename(tmp, file);
    savedAt = mutations;
    log.info({ documents: content.documents.length }, 'local data saved');
  };
  // One save at a time: a periodic save and the stop's save never interleave their files.
  const serialised = () => {
    const run = (saving ?? Promise.resolve()).then(save, save);
    saving = run.finally(() => {
      if (saving === run) saving = undefined;
    });
    return run;
  };

  return {
    dir,
    async load() {
      if (!existsSync(file)) return false;
      const saved = JSON.parse(await readFile(file, 'utf8')) as SavedFile;
      if (saved.format !== FORMAT) throw new Error(`${file}: unknown format ${String(saved.format)}`);
      // The emulator's protobuf classes (its own dependency), to write through its own write path.
      const emulatorRequire = createRequire(createRequire(import.meta.url).resolve('@firestore-emulator/server'));
      const { Write } = emulatorRequire('@firestore-emulator/proto/dist/google/firestore/v1/write') as {
        Write: { fromObject(o: unknown): unknown };
      };
      const state = emulator.state as unknown as { writeV1Document(date: Date, write: unknown): unknown };
      const now = new Date();
      for (const doc of saved.documents) state.writeV1Document(now, Write.fromObject({ update: { name: doc.path, fields: decodeFields(doc.fields) } }));
      savedAt = emulator.mutations();
      log.info({ documents: saved.documents.length, dir }, 'local data loaded');
      return true;
    },
    save: serialised,
    async saveIfChanged() {
      if (emulator.mutations() === savedAt) return false;
      await serialised();
      return true;
    },
  };
}
