// Seeds a local, persisted KV namespace (the one `wrangler dev` reads) from a snapshots folder,
// through Miniflare's KV. Skips the work when the published generation is already there.
import { Miniflare } from "miniflare";
import { Catalog } from "./catalog";
import { buildKvEntries } from "./entries";
import { readSnapshotFiles } from "./files";
import { CATALOG_KEY } from "./keys";

export const KV_BINDING = "SNAPSHOTS";
/** The namespace id in wrangler.toml; Miniflare names the local namespace's folder after it. */
export const KV_NAMESPACE_ID = "k8s-discovery-snapshots";

export interface SeedResult { seeded: boolean; keys: number; removed: number; generation: string }

/** `persistTo` is the folder given to `wrangler dev --persist-to` (default .wrangler/state). */
export async function seedLocalKv(snapshotsDir: string, persistTo: string): Promise<SeedResult> {
  const entries = await buildKvEntries(readSnapshotFiles(snapshotsDir));
  const catalog = Catalog.parse(JSON.parse(entries.find((e) => e.key === CATALOG_KEY)!.value));
  const mf = new Miniflare({
    modules: true, script: "export default { fetch() { return new Response(null, { status: 404 }); } }",
    kvNamespaces: { [KV_BINDING]: KV_NAMESPACE_ID }, kvPersist: `${persistTo}/v3/kv`,
  });
  try {
    const kv = await mf.getKVNamespace(KV_BINDING);
    const current = await kv.get(CATALOG_KEY, "text");
    if (current && Catalog.safeParse(JSON.parse(current)).data?.generation === catalog.generation) {
      return { seeded: false, keys: entries.length, removed: 0, generation: catalog.generation };
    }
    // The catalog goes last, so a reader never sees a catalog naming documents not yet written.
    const ordered = [...entries.filter((e) => e.key !== CATALOG_KEY), ...entries.filter((e) => e.key === CATALOG_KEY)];
    for (let i = 0; i < ordered.length; i += 50) await Promise.all(ordered.slice(i, i + 50).map((e) => kv.put(e.key, e.value)));
    const wanted = new Set(entries.map((e) => e.key));
    let removed = 0, cursor: string | undefined;
    do {
      const page: KVNamespaceListResult<unknown, string> = await kv.list({ cursor });
      for (const k of page.keys) if (!wanted.has(k.name)) { await kv.delete(k.name); removed++; }
      cursor = page.list_complete ? undefined : page.cursor;
    } while (cursor);
    return { seeded: true, keys: entries.length, removed, generation: catalog.generation };
  } finally {
    await mf.dispose();
  }
}
