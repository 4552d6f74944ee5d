// The diff, timeline and check routes' view of the published snapshots, over the worker's KV
// helpers (../store): the catalog's list and aliases, index/<id> and the lifecycle table.
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
      const groups = entry && await getIndex(env, entry.id);
      // The catalog lists it, so a missing index means a half-published store.
      if (!entry || !groups) throw new StoreUnavailable(`the index of snapshot ${id} is not published`);
      return { id: entry.id, kubernetesVersion: entry.kubernetesVersion, groups };
    },
    async fields(id) {
      const entry = resolveSnapshot(await getCatalog(env), id);
      if (!entry?.fields) return null;
      const index = await getFieldIndex(env, entry.id);
      if (!index) throw new StoreUnavailable(`the field index of snapshot ${id} is not published`);
      return index;
    },
    async lifecycle() {
      const table = await getLifecycle(env);
      if (!table) throw new StoreUnavailable("the lifecycle table is not published");
      return table;
    },
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
