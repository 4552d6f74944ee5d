// What an upgrade newly deprecates: kinds the target release serves whose lifecycle deprecation
// falls after the source release and no later than the target.
import type { SnapshotIndex } from "../diff/snapshot-index";
import type { LifecycleEntry } from "../snapshot/lifecycle";
import { minorNumber } from "../snapshot/ids";
import { lifecycleFor, type ReleaseHistory } from "./history";

export function deprecationsBetween(history: ReleaseHistory, from: SnapshotIndex, to: SnapshotIndex): LifecycleEntry[] {
  const [a, b] = [minorNumber(from.kubernetesVersion), minorNumber(to.kubernetesVersion)];
  return to.groups.flatMap((g) => g.versions.flatMap((v) => v.resources.flatMap((r) => {
    const e = lifecycleFor(history, g.name, v.version, r.kind);
    return e?.deprecated && minorNumber(e.deprecated) > a && minorNumber(e.deprecated) <= b ? [e] : [];
  })));
}
