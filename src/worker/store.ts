// KV access for the worker. The catalog is read at most once per isolate per CATALOG_TTL_MS.
// Every other value is content-addressed: its key holds the sha256 the catalog names, so it is
// checked against that hash before it is served or kept, and kept in isolate memory (bounded)
// under that key: a new publish names new keys, and an old body can never answer for a new ETag.
import { GroupModels, type GroupModel } from "../discovery/model";
import { FieldIndex } from "../fields/field-index";
import { LifecycleTable } from "../snapshot/lifecycle";
import { sha256Hex } from "../snapshot/wire";
import { Catalog, type CatalogSnapshot } from "../store/catalog";
import { CATALOG_KEY, documentKvKey, fieldsKvKey, indexKvKey, lifecycleKvKey } from "../store/keys";
import { remember } from "../lib/bounded-cache";
import type { Env } from "./env";

export const CATALOG_TTL_MS = 30_000;
const MAX_CACHED = 2048;

let catalog: { value: Catalog; at: number; kv: KVNamespace } | undefined;
const verified = new Map<string, unknown>();

/** The store cannot answer now (unreachable, half published or corrupt): a 503 the client may retry. */
export class StoreUnavailable extends Error {}

/** A KV read; a read that throws (KV unreachable, rate limited) makes the store unavailable, not the worker fail. */
async function read(env: Env, key: string): Promise<string | null> {
  try {
    return await env.SNAPSHOTS.get(key, "text");
  } catch {
    throw new StoreUnavailable(`the snapshot store could not be read (${key}); try again shortly`);
  }
}

export async function getCatalog(env: Env): Promise<Catalog> {
  const now = Date.now();
  if (catalog && catalog.kv === env.SNAPSHOTS && now - catalog.at < CATALOG_TTL_MS) return catalog.value;
  const text = await read(env, CATALOG_KEY);
  if (text === null) throw new StoreUnavailable("no snapshots are published in this KV namespace (run npm start or npm run publish)");
  const value = parseStored(CATALOG_KEY, text, (t) => Catalog.parse(JSON.parse(t)));
  catalog = { value, at: now, kv: env.SNAPSHOTS };
  return value;
}

/**
 * The value the catalog names by its sha256: read, checked against the hash, parsed, then kept.
 * Missing or different bytes mean a half-finished or damaged publish: 503, and nothing is kept.
 */
async function readVerified<T>(env: Env, key: string, sha256: string, parse: (text: string) => T): Promise<T> {
  if (verified.has(key)) return verified.get(key) as T;
  const text = await read(env, key);
  if (text === null) throw new StoreUnavailable(`${key}, named by the published catalog, is missing from the store; publish the snapshots again`);
  if ((await sha256Hex(text)) !== sha256) throw new StoreUnavailable(`the stored ${key} differs from its sha256; publish the snapshots again`);
  return remember(verified, MAX_CACHED, key, parseStored(key, text, parse)) as T;
}

/** Stored values are validated on read; a bad one makes the store unavailable, not the worker crash. */
function parseStored<T>(key: string, text: string, parse: (text: string) => T): T {
  try {
    return parse(text);
  } catch {
    throw new StoreUnavailable(`the stored ${key} is invalid; publish the snapshots again`);
  }
}

/** Wire bytes of the document with this sha256 (the catalog's entry for it). */
export function getDocument(env: Env, sha256: string): Promise<string> {
  return readVerified(env, documentKvKey(sha256), sha256, (t) => t);
}

export function getIndex(env: Env, snapshot: CatalogSnapshot): Promise<GroupModel[]> {
  return readVerified(env, indexKvKey(snapshot.index), snapshot.index, (t) => GroupModels.parse(JSON.parse(t)));
}

/** A release's field index, by the sha256 the catalog names for it. */
export function getFieldIndex(env: Env, sha256: string): Promise<FieldIndex> {
  return readVerified(env, fieldsKvKey(sha256), sha256, (t) => FieldIndex.parse(JSON.parse(t)));
}

/** The published lifecycle table; a catalog published without one makes the store unavailable for what needs it. */
export function getLifecycle(env: Env, c: Catalog): Promise<LifecycleTable> {
  if (!c.lifecycle) throw new StoreUnavailable("the lifecycle table is not published");
  return readVerified(env, lifecycleKvKey(c.lifecycle), c.lifecycle, (t) => LifecycleTable.parse(JSON.parse(t)));
}
