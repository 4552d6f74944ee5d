// Publishing KV entries so that a reader is always served one whole snapshot set, the old or
// the new, never a mix, wherever the publish stops: values are content-addressed (keys.ts), so
// writing them changes nothing a reader sees; once all are confirmed stored, the catalog that
// names them is written alone and last, and only then are values that neither the new catalog
// nor the one it replaced names deleted (readers may still hold the replaced one for a while).
// Run again after a failure, it writes only what is missing: a publish resumes.
import { Catalog } from "./catalog";
import type { KvEntry } from "./entries";
import { CATALOG_KEY, keysNamedBy } from "./keys";

/** The namespace being published to: Workers KV through wrangler, Miniflare's KV, or a binding. */
export interface PublishTarget {
  /** Every key name in the namespace. */
  keys(): Promise<Set<string>>;
  get(key: string): Promise<string | null>;
  put(entries: KvEntry[]): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

export interface PublishOptions {
  progress?: (line: string) => void;
  /** Values written per put. */
  batch?: number;
  /** Listings tried before a missing value fails the publish (remote KV lists are eventually consistent). */
  confirmAttempts?: number;
  wait?: (ms: number) => Promise<void>;
}

export interface PublishReport { generation: string; unchanged: boolean; values: number; written: number; removed: number }

function parseCatalog(text: string | null): Catalog | null {
  if (text === null) return null;
  try {
    return Catalog.parse(JSON.parse(text));
  } catch {
    return null; // a damaged catalog is replaced; it protects no values
  }
}

export async function publishEntries(target: PublishTarget, entries: KvEntry[], opts: PublishOptions = {}): Promise<PublishReport> {
  const { progress = () => {}, batch = 100, confirmAttempts = 1, wait = (ms) => new Promise((r) => setTimeout(r, ms)) } = opts;
  const catalogEntry = entries.find((e) => e.key === CATALOG_KEY);
  if (!catalogEntry) throw new Error("nothing to publish: the entries hold no catalog");
  const next = Catalog.parse(JSON.parse(catalogEntry.value));
  const values = entries.filter((e) => e.key !== CATALOG_KEY);
  const previous = parseCatalog(await target.get(CATALOG_KEY));
  const present = await target.keys();
  const missing = values.filter((e) => !present.has(e.key));
  const report = { generation: next.generation, values: values.length, written: missing.length, removed: 0 };
  if (previous?.generation === next.generation && !missing.length) {
    progress(`catalog ${next.generation.slice(0, 12)} is already published`);
    return { ...report, unchanged: true };
  }
  progress(`${values.length - missing.length} of ${values.length} values already stored; writing ${missing.length}`);
  for (let i = 0; i < missing.length; i += batch) {
    await target.put(missing.slice(i, i + batch));
    progress(`values written: ${Math.min(i + batch, missing.length)}/${missing.length}`);
  }
  let stored = await target.keys();
  for (let attempt = 1; values.some((e) => !stored.has(e.key)); attempt++) {
    const absent = values.filter((e) => !stored.has(e.key));
    if (attempt >= confirmAttempts) throw new Error(`${absent.length} values are not confirmed in the store (e.g. ${absent[0]!.key}); the catalog was not written: publish again to resume`);
    progress(`waiting for ${absent.length} values to be listed`);
    await wait(5_000);
    stored = await target.keys();
  }
  await target.put([catalogEntry]);
  if (parseCatalog(await target.get(CATALOG_KEY))?.generation !== next.generation) {
    throw new Error("the catalog just written does not read back; publish again to resume");
  }
  progress(`catalog ${next.generation.slice(0, 12)} is live: ${next.snapshots.length} snapshots`);
  const keep = new Set([CATALOG_KEY, ...keysNamedBy(next), ...(previous ? keysNamedBy(previous) : [])]);
  const stale = [...stored].filter((k) => !keep.has(k));
  for (let i = 0; i < stale.length; i += batch) await target.delete(stale.slice(i, i + batch));
  if (stale.length) progress(`stale values deleted: ${stale.length}`);
  return { ...report, removed: stale.length, unchanged: false };
}

/** A KV namespace object (a workerd binding, or Miniflare's) as a publish target. */
export function namespaceTarget(kv: KVNamespace): PublishTarget {
  return {
    async keys() {
      const names = new Set<string>();
      let cursor: string | undefined;
      do {
        const page: KVNamespaceListResult<unknown, string> = await kv.list({ cursor });
        for (const k of page.keys) names.add(k.name);
        cursor = page.list_complete ? undefined : page.cursor;
      } while (cursor);
      return names;
    },
    get: (key) => kv.get(key, "text"),
    put: async (entries) => { await Promise.all(entries.map((e) => kv.put(e.key, e.value))); },
    delete: async (keys) => { await Promise.all(keys.map((k) => kv.delete(k))); },
  };
}
