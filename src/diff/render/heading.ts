// The one-line description of a diff that every human-readable renderer starts with.
import { displayGroup } from "../group-name";
import type { SnapshotDiff } from "../types";

export function diffTitle(d: SnapshotDiff): string {
  const side = (s: SnapshotDiff["from"]) => (s.id === s.kubernetesVersion ? s.id : `${s.id} (Kubernetes ${s.kubernetesVersion})`);
  const scope = d.group === null ? "" : ` in group ${displayGroup(d.group)}`;
  return `API changes${scope} from ${side(d.from)} to ${side(d.to)} (${d.direction})`;
}

export function describeValue(v: string | boolean | string[]): string {
  return Array.isArray(v) ? (v.length ? v.join(",") : "none") : String(v);
}
