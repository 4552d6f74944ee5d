// When each group/version/resource was served, across the release snapshots (built, one per
// minor). Captured clusters are not releases and never enter the history.
import { groupVersion, type ResourceModel } from "../discovery/model";
import type { SnapshotIndex, SnapshotSource } from "../diff/snapshot-index";
import type { LifecycleEntry, LifecycleTable } from "../snapshot/lifecycle";
import { minorNumber } from "../snapshot/ids";

export interface ReleaseHistory {
  /** Release ids, oldest first. */
  releases: string[];
  /** Kubernetes minor of each release. */
  minors: Map<string, number>;
  /** Per release: group/version -> its resources. */
  served: Map<string, Map<string, ResourceModel[]>>;
  groups: Set<string>;
  lifecycle: LifecycleEntry[];
}

export function releaseHistory(releases: SnapshotIndex[], lifecycle: LifecycleTable): ReleaseHistory {
  const ordered = [...releases].sort((a, b) => minorNumber(a.kubernetesVersion) - minorNumber(b.kubernetesVersion));
  const served = new Map(ordered.map((s) => [s.id, new Map(s.groups.flatMap((g) => g.versions.map((v) => [groupVersion(g.name, v.version), v.resources] as const)))]));
  const groups = new Set([...ordered.flatMap((s) => s.groups.map((g) => g.name)), ...lifecycle.entries.map((e) => e.group)]);
  return { releases: ordered.map((s) => s.id), minors: new Map(ordered.map((s) => [s.id, minorNumber(s.kubernetesVersion)])), served, groups, lifecycle: lifecycle.entries };
}

/** The history of every built snapshot a source lists. */
export async function releaseHistoryOf(source: SnapshotSource): Promise<ReleaseHistory> {
  const built = (await source.list()).filter((s) => s.provenance === "built");
  return releaseHistory(await Promise.all(built.map((s) => source.index(s.id))), await source.lifecycle());
}

/** True when `needle` names the resource as kubectl accepts it: its kind in any case (so also its singular name), its plural or a short name. */
export function namesResource(r: { resource: string | null; kind: string; shortNames?: string[] }, needle: string): boolean {
  const n = needle.toLowerCase();
  return r.kind.toLowerCase() === n || r.resource === n || (r.shortNames ?? []).includes(n);
}

export function lifecycleFor(history: ReleaseHistory, group: string, version: string, kind: string): LifecycleEntry | undefined {
  return history.lifecycle.find((e) => e.group === group && e.version === version && e.kind === kind);
}
