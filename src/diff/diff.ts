// Compares the compact indexes of two snapshots. Pure: the worker and the CLI both call it.
import { groupVersion, splitGroupVersion, type GroupModel, type ResourceModel, type VersionModel } from "../discovery/model";
import { refOf, type SnapshotIndex } from "./snapshot-index";
import type { FieldChange, GroupVersionChanges, ResourceChange, ResourceSummary, SnapshotDiff } from "./types";
import { minorNumber } from "../snapshot/ids";

export interface DiffOptions {
  /** Narrow to one group ("" is the core group). */
  group?: string | null;
}

const sorted = (xs: readonly string[] | undefined) => [...(xs ?? [])].sort();
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function fieldChanges(before: ResourceModel, after: ResourceModel): FieldChange[] {
  const changes: FieldChange[] = [];
  if (before.kind !== after.kind) changes.push({ field: "kind", before: before.kind, after: after.kind });
  if (before.namespaced !== after.namespaced) changes.push({ field: "namespaced", before: before.namespaced, after: after.namespaced });
  // Lists compare as sets: discovery order carries no meaning for these fields.
  const lists = [
    ["verbs", before.verbs, after.verbs],
    ["shortNames", before.shortNames, after.shortNames],
    ["categories", before.categories, after.categories],
    ["subresources", before.subresources.map((s) => s.subresource), after.subresources.map((s) => s.subresource)],
  ] as const;
  for (const [field, b, a] of lists) {
    const [sb, sa] = [sorted(b), sorted(a)];
    if (!sameSet(sb, sa)) changes.push({ field, before: sb, after: sa });
  }
  return changes;
}

const summary = (r: ResourceModel): ResourceSummary => ({ resource: r.resource, kind: r.kind });
const byResource = (a: { resource: string }, b: { resource: string }) => (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0);

function versionChanges(gv: string, before: VersionModel | undefined, after: VersionModel | undefined): GroupVersionChanges {
  const was = new Map((before?.resources ?? []).map((r) => [r.resource, r]));
  const now = new Map((after?.resources ?? []).map((r) => [r.resource, r]));
  const added = [...now.values()].filter((r) => !was.has(r.resource)).map(summary).sort(byResource);
  const removed = [...was.values()].filter((r) => !now.has(r.resource)).map(summary).sort(byResource);
  const changed: ResourceChange[] = [];
  for (const [name, r] of now) {
    const old = was.get(name);
    const changes = old ? fieldChanges(old, r) : [];
    if (changes.length) changed.push({ resource: name, kind: r.kind, changes });
  }
  return { groupVersion: gv, added, removed, changed: changed.sort(byResource) };
}

/** Whether group `name` is inside a diff narrowed to `group` (every group when not narrowed). */
const within = (group: string | null | undefined, name: string) => group === null || group === undefined || name === group;

function restrict(groups: GroupModel[], group: string | null | undefined): GroupModel[] {
  return groups.filter((g) => within(group, g.name));
}

export function diffSnapshots(from: SnapshotIndex, to: SnapshotIndex, opts: DiffOptions = {}): SnapshotDiff {
  const before = restrict(from.groups, opts.group);
  const after = restrict(to.groups, opts.group);
  const beforeByName = new Map(before.map((g) => [g.name, g]));
  const afterByName = new Map(after.map((g) => [g.name, g]));

  const groupVersionsOf = (groups: GroupModel[]) => new Map(groups.flatMap((g) => g.versions.map((v) => [groupVersion(g.name, v.version), v] as const)));
  const gvBefore = groupVersionsOf(before);
  const gvAfter = groupVersionsOf(after);

  const preferredVersionChanges = after.flatMap((g) => {
    const old = beforeByName.get(g.name);
    const [was, now] = [old?.versions[0]?.version, g.versions[0]?.version];
    return old && was && now && was !== now ? [{ group: g.name, before: was, after: now }] : [];
  });

  // Group/versions in "to" order, then those only in "from", so output follows server priority.
  const allGroupVersions = [...new Set([...gvAfter.keys(), ...gvBefore.keys()])];
  const resources = allGroupVersions
    .map((gv) => versionChanges(gv, gvBefore.get(gv), gvAfter.get(gv)))
    .filter((c) => c.added.length || c.removed.length || c.changed.length);

  const [a, b] = [minorNumber(from.kubernetesVersion), minorNumber(to.kubernetesVersion)];
  return {
    kind: "SnapshotDiff",
    from: refOf(from),
    to: refOf(to),
    direction: b > a ? "upgrade" : b < a ? "downgrade" : "same-version",
    group: opts.group ?? null,
    groupsAdded: after.filter((g) => !beforeByName.has(g.name)).map((g) => g.name),
    groupsRemoved: before.filter((g) => !afterByName.has(g.name)).map((g) => g.name),
    groupVersionsAdded: [...gvAfter.keys()].filter((gv) => !gvBefore.has(gv)),
    groupVersionsRemoved: [...gvBefore.keys()].filter((gv) => !gvAfter.has(gv)),
    preferredVersionChanges,
    resources,
    unknownResources: (from.id === to.id ? [to] : [from, to]).flatMap((s) => s.unknownResources
      .filter((r) => within(opts.group, splitGroupVersion(r.groupVersion).group))
      .map((r) => ({ snapshot: s.id, ...r }))),
  };
}

export function isEmptyDiff(d: SnapshotDiff): boolean {
  return !d.groupsAdded.length && !d.groupsRemoved.length && !d.groupVersionsAdded.length && !d.groupVersionsRemoved.length
    && !d.preferredVersionChanges.length && !d.resources.length && !d.fields?.length;
}
