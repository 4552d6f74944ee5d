// Test access to a snapshots/ folder as a lazily loaded, validated SnapshotSource (by default the
// repository's). The kds command itself reads the prebuilt bundle (src/cli/snapshot-store.ts); the
// tests of the pure cores read the folder as it is now.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { indexOfSnapshot, type SnapshotEntry, type SnapshotIndex, type SnapshotSource } from "../../../src/diff/snapshot-index";
import { listSnapshotIds, loadSnapshot } from "../../../src/snapshot/fs";
import { FieldIndex } from "../../../src/fields/field-index";
import { LifecycleTable } from "../../../src/snapshot/lifecycle";
import { Manifest } from "../../../src/snapshot/manifest";
import { releaseHistoryOf, type ReleaseHistory } from "../../../src/timeline/history";

export const BUNDLED_SNAPSHOTS = fileURLToPath(new URL("../../../snapshots", import.meta.url));

export interface LocalSnapshots extends SnapshotSource {
  dir: string;
  ids: string[];
  history(): Promise<ReleaseHistory>;
}

export function localSnapshots(dir: string): LocalSnapshots {
  if (!existsSync(dir)) throw new Error(`snapshot folder ${dir} does not exist`);
  const ids = listSnapshotIds(dir);
  const indexes = new Map<string, Promise<SnapshotIndex>>();
  const fieldIndexes = new Map<string, Promise<FieldIndex | null>>();
  const source: LocalSnapshots = {
    dir, ids,
    // Manifests only: listing must not read and hash every document.
    list: async () => ids.map((id): SnapshotEntry => {
      const m = Manifest.parse(JSON.parse(readFileSync(join(dir, id, "manifest.json"), "utf8")));
      return { id: m.id, kubernetesVersion: m.kubernetesVersion, provenance: m.provenance.kind, gitVersion: m.gitVersion };
    }),
    index: (id) => {
      if (!indexes.has(id)) indexes.set(id, loadSnapshot(join(dir, id)).then(indexOfSnapshot));
      return indexes.get(id)!;
    },
    fields: (id) => {
      if (!fieldIndexes.has(id)) fieldIndexes.set(id, (async () => {
        const m = Manifest.parse(JSON.parse(readFileSync(join(dir, id, "manifest.json"), "utf8")));
        return m.fields ? FieldIndex.parse(JSON.parse(readFileSync(join(dir, id, m.fields.file), "utf8"))) : null;
      })());
      return fieldIndexes.get(id)!;
    },
    lifecycle: async () => LifecycleTable.parse(JSON.parse(readFileSync(join(dir, "lifecycle.json"), "utf8"))),
    history: () => releaseHistoryOf(source),
  };
  return source;
}
