// The field index each check target is held to: its own, or for a captured cluster (which has none)
// that of the built release of the same minor.
import type { SnapshotIndex, SnapshotSource } from "../diff/snapshot-index";
import type { FieldIndex } from "./field-index";

export async function targetFieldIndexes(source: SnapshotSource, targets: SnapshotIndex[]): Promise<Map<string, FieldIndex>> {
  const releases = new Set((await source.list()).filter((s) => s.provenance === "built").map((s) => s.id));
  const out = new Map<string, FieldIndex>();
  for (const t of targets) {
    const index = (await source.fields(t.id)) ?? (releases.has(t.kubernetesVersion) ? await source.fields(t.kubernetesVersion) : null);
    if (index) out.set(t.id, index);
  }
  return out;
}
