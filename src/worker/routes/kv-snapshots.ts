// The diff, timeline and check routes' view of the published snapshots, over the worker's KV
// helpers (../store): the catalog's list and aliases, each snapshot's index and the lifecycle table.
import type { SnapshotEntry, SnapshotSource } from "../../diff/snapshot-index";
import { releaseHistoryOf, type ReleaseHistory } from "../../timeline/history";
import { resolveSnapshot, type Catalog } from "../../store/catalog";
import type { Env } from "../env";
import { getCatalog, getFieldIndex, getIndex, getLifecycle, StoreUnavailable } from "../store";

export interface KvSnapshots extends SnapshotSource {
  catalog(): Promise<Catalog>;
  /** The id an id or alias ("v1.29", "1.29.2", "latest") names, or null. */
  resolve(name: string): Promise<string | null>;
  /** The release history of the published catalog, built once per catalog generation in this isolate. */
  history(): Promise<ReleaseHistory>;
}

// Depends only on the published catalog: rebuilding it from every index cost each check ~17 ms of CPU.
let history: { generation: string; kv: KVNamespace; value: Promise<ReleaseHistory> } | undefined;

export function kvSnapshots(env: Env): KvSnapshots {
  const source: KvSnapshots = {
    catalog: () => getCatalog(env),
    async list(): Promise<SnapshotEntry[]> {
      return (await getCatalog(env)).snapshots.map(({ id, kubernetesVersion, provenance, gitVersion }) => ({ id, kubernetesVersion, provenance, gitVersion }));
    },
    async resolve(name) {
      return resolveSnapshot(await getCatalog(env), name)?.id ?? null;
    },
    async index(id) {
      const entry = resolveSnapshot(await getCatalog(env), id);
      // Callers resolve ids first, so an id the catalog lacks is a catalog that changed under them.
      if (!entry) throw new StoreUnavailable(`snapshot ${id} is no longer published`);
      return { id: entry.id, kubernetesVersion: entry.kubernetesVersion, groups: await getIndex(env, entry), unknownResources: entry.unknownResources };
    },
    async fields(id) {
      const entry = resolveSnapshot(await getCatalog(env), id);
      if (!entry) throw new StoreUnavailable(`snapshot ${id} is no longer published`);
      return entry.fields ? getFieldIndex(env, entry.fields) : null;
    },
    lifecycle: async () => getLifecycle(env, await getCatalog(env)),
    async history() {
      const { generation } = await getCatalog(env);
      if (history?.generation === generation && history.kv === env.SNAPSHOTS) return history.value;
      const value = releaseHistoryOf(source);
      const entry = history = { generation, kv: env.SNAPSHOTS, value };
      // A failed build (a store error) is not kept: the next request tries again.
      value.catch(() => { if (history === entry) history = undefined; });
      return value;
    },
  };
  return source;
}
