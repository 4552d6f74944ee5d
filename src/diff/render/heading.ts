// The one-line description of a diff that every human-readable renderer starts with.
import { displayGroup } from "../group-name";
import type { SnapshotDiff } from "../types";

export function diffTitle(d: SnapshotDiff): string {
  const side = (s: SnapshotDiff["from"]) => (s.id === s.kubernetesVersion ? s.id : `${s.id} (Kubernetes ${s.kubernetesVersion})`);
  const scope = d.group === null ? "" : ` in group ${displayGroup(d.group)}`;
  return `API changes${scope} from ${side(d.from)} to ${side(d.to)} (${d.direction})`;
}

/** One line per resource a side's sources leave open, after the changes, which cannot show them. */
export function unknownResourceLines(d: SnapshotDiff): string[] {
  return d.unknownResources.map((r) => `${r.groupVersion} ${r.resource} (${r.kind}): whether ${r.snapshot} serves it is not established: ${r.reason}`);
}

export function describeValue(v: string | boolean | string[]): string {
  return Array.isArray(v) ? (v.length ? v.join(",") : "none") : String(v);
}
