// KV access for the worker. The catalog is read at most once per isolate per CATALOG_TTL_MS;
// documents, indexes and the lifecycle table are immutable once published, so they are kept
// in isolate memory (bounded) and hot documents cost no KV read.
import { GroupModels, type GroupModel } from "../discovery/model";
import type { DocumentForm } from "../snapshot/documents";
import { FieldIndex } from "../fields/field-index";
import { LifecycleTable } from "../snapshot/lifecycle";
import { Catalog } from "../store/catalog";
import { CATALOG_KEY, documentKvKey, fieldsKvKey, indexKvKey, LIFECYCLE_KEY } from "../store/keys";
import type { Env } from "./env";

export const CATALOG_TTL_MS = 30_000;
const MAX_CACHED = 2048;

let catalog: { value: Catalog; at: number; kv: KVNamespace } | undefined;
const immutable = new Map<string, unknown>();

function remember<T>(key: string, value: T): T {
  if (immutable.size >= MAX_CACHED) immutable.delete(immutable.keys().next().value!);
  immutable.set(key, value);
  return value;
}

export class StoreUnavailable extends Error {}

export async function getCatalog(env: Env): Promise<Catalog> {
  const now = Date.now();
  if (catalog && catalog.kv === env.SNAPSHOTS && now - catalog.at < CATALOG_TTL_MS) return catalog.value;
  const text = await env.SNAPSHOTS.get(CATALOG_KEY, "text");
  if (text === null) throw new StoreUnavailable("no snapshots are published in this KV namespace (run npm start or npm run publish)");
  const value = parseStored(CATALOG_KEY, text, (t) => Catalog.parse(JSON.parse(t)));
  if (catalog?.value.generation !== value.generation) immutable.clear();
  catalog = { value, at: now, kv: env.SNAPSHOTS };
  return value;
}

async function cachedRead<T>(env: Env, key: string, parse: (text: string) => T): Promise<T | null> {
  if (immutable.has(key)) return immutable.get(key) as T;
  const text = await env.SNAPSHOTS.get(key, "text");
  return text === null ? null : remember(key, parseStored(key, text, parse));
}

/** Stored values are validated on read; a bad one makes the store unavailable, not the worker crash. */
function parseStored<T>(key: string, text: string, parse: (text: string) => T): T {
  try {
    return parse(text);
  } catch {
    throw new StoreUnavailable(`the stored ${key} is invalid; publish the snapshots again`);
  }
}

/** Wire bytes of a document, or null when the store lacks it. */
export function getDocument(env: Env, id: string, form: DocumentForm, path: string): Promise<string | null> {
  return cachedRead(env, documentKvKey(id, form, path), (t) => t);
}

export function getIndex(env: Env, id: string): Promise<GroupModel[] | null> {
  return cachedRead(env, indexKvKey(id), (t) => GroupModels.parse(JSON.parse(t)));
}

/** Read once per isolate (and catalog generation), like every immutable value. */
export function getFieldIndex(env: Env, id: string): Promise<FieldIndex | null> {
  return cachedRead(env, fieldsKvKey(id), (t) => FieldIndex.parse(JSON.parse(t)));
}

export function getLifecycle(env: Env): Promise<LifecycleTable | null> {
  return cachedRead(env, LIFECYCLE_KEY, (t) => LifecycleTable.parse(JSON.parse(t)));
}
