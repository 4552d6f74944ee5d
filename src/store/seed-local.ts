// Seeds a local, persisted KV namespace (the one `wrangler dev` reads) from a snapshots folder,
// through Miniflare's KV, the way `npm run publish` fills the real one (./publish.ts). Skips the
// work when the published generation is already there.
import { Miniflare } from "miniflare";
import { buildKvEntries } from "./entries";
import { readSnapshotFiles } from "./files";
import { namespaceTarget, publishEntries } from "./publish";

export const KV_BINDING = "SNAPSHOTS";
/** The namespace id in wrangler.toml; Miniflare names the local namespace's folder after it. */
export const KV_NAMESPACE_ID = "k8s-discovery-snapshots";

export interface SeedResult { seeded: boolean; keys: number; removed: number; generation: string }

/** `persistTo` is the folder given to `wrangler dev --persist-to` (default .wrangler/state). */
export async function seedLocalKv(snapshotsDir: string, persistTo: string): Promise<SeedResult> {
  const entries = await buildKvEntries(readSnapshotFiles(snapshotsDir));
  const mf = new Miniflare({
    modules: true, script: "export default { fetch() { return new Response(null, { status: 404 }); } }",
    kvNamespaces: { [KV_BINDING]: KV_NAMESPACE_ID }, kvPersist: `${persistTo}/v3/kv`,
  });
  try {
    const r = await publishEntries(namespaceTarget(await mf.getKVNamespace(KV_BINDING) as unknown as KVNamespace), entries);
    return { seeded: !r.unchanged, keys: entries.length, removed: r.removed, generation: r.generation };
  } finally {
    await mf.dispose();
  }
}
