// The CLI's offline source of snapshots: a snapshots/ folder (by default the one bundled with
// the package, found relative to this file so the CLI works from any directory).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { indexOfSnapshot, type SnapshotIndex } from "../diff/snapshot-index";
import { listSnapshotIds, loadSnapshot } from "../snapshot/fs";
import { LifecycleTable } from "../snapshot/lifecycle";
import { releaseHistory, type ReleaseHistory } from "../timeline/history";

export const BUNDLED_SNAPSHOTS = fileURLToPath(new URL("../../snapshots", import.meta.url));

export interface LocalSnapshots {
  dir: string;
  ids: string[];
  index(id: string): Promise<SnapshotIndex>;
  /** Built release snapshots plus lifecycle facts. */
  history(): Promise<ReleaseHistory>;
}

export function localSnapshots(dir: string): LocalSnapshots {
  if (!existsSync(dir)) throw new Error(`snapshot folder ${dir} does not exist`);
  const ids = listSnapshotIds(dir);
  const cache = new Map<string, Promise<{ index: SnapshotIndex; built: boolean }>>();
  const load = (id: string) => {
    let p = cache.get(id);
    if (!p) {
      p = loadSnapshot(join(dir, id)).then((s) => ({ index: indexOfSnapshot(s), built: s.manifest.provenance.kind === "built" }));
      cache.set(id, p);
    }
    return p;
  };
  return {
    dir, ids,
    index: async (id) => (await load(id)).index,
    history: async () => {
      const all = await Promise.all(ids.map(load));
      const lifecycle = LifecycleTable.parse(JSON.parse(readFileSync(join(dir, "lifecycle.json"), "utf8")));
      return releaseHistory(all.filter((s) => s.built).map((s) => s.index), lifecycle);
    },
  };
}
