import { beforeAll, describe, expect, it } from "vitest";
import { BUNDLED_SNAPSHOTS, localSnapshots } from "./lib/local-snapshots";
import { groupVersion } from "../../src/discovery/model";
import { diffSnapshots, isEmptyDiff } from "../../src/diff/diff";
import type { SnapshotIndex } from "../../src/diff/snapshot-index";
import { SnapshotDiff } from "../../src/diff/types";

const snapshots = localSnapshots(BUNDLED_SNAPSHOTS);
const indexes = new Map<string, SnapshotIndex>();
beforeAll(async () => {
  for (const id of snapshots.ids) indexes.set(id, await snapshots.index(id));
});
const idx = (id: string) => indexes.get(id)!;
const groupVersions = (s: SnapshotIndex) => s.groups.flatMap((g) => g.versions.map((v) => groupVersion(g.name, v.version)));

describe("diff of two snapshots", () => {
  it("bundles enough releases for the stories below", () => {
    expect(snapshots.ids).toEqual(expect.arrayContaining(["1.22", "1.24", "1.25", "1.26", "1.29", "1.32"]));
  });

  it("lists policy/v1beta1 and batch/v1beta1 among the removals of 1.24 -> 1.25", () => {
    const d = diffSnapshots(idx("1.24"), idx("1.25"));
    expect(d.groupVersionsRemoved).toEqual(expect.arrayContaining(["policy/v1beta1", "batch/v1beta1"]));
    const removed = d.resources.find((r) => r.groupVersion === "batch/v1beta1")!.removed;
    expect(removed).toContainEqual({ resource: "cronjobs", kind: "CronJob" });
    expect(d.direction).toBe("upgrade");
  });

  it("lists exactly the group-versions one side serves and the other does not", () => {
    const d = diffSnapshots(idx("1.24"), idx("1.25"));
    const [before, after] = [groupVersions(idx("1.24")), groupVersions(idx("1.25"))];
    expect(new Set(d.groupVersionsRemoved)).toEqual(new Set(before.filter((gv) => !after.includes(gv))));
    expect(new Set(d.groupVersionsAdded)).toEqual(new Set(after.filter((gv) => !before.includes(gv))));
  });

  it("is empty for every snapshot compared with itself", () => {
    for (const id of snapshots.ids) {
      const d = diffSnapshots(idx(id), idx(id));
      expect(isEmptyDiff(d), id).toBe(true);
      expect(d.direction).toBe("same-version");
    }
  });

  it("reads backwards as a downgrade: every addition of from -> to is a removal of to -> from, for every pair", () => {
    for (const a of snapshots.ids) for (const b of snapshots.ids) {
      const up = diffSnapshots(idx(a), idx(b)), down = diffSnapshots(idx(b), idx(a));
      expect(down.groupVersionsRemoved.sort(), `${a} ${b}`).toEqual(up.groupVersionsAdded.sort());
      expect(down.groupsRemoved.sort()).toEqual(up.groupsAdded.sort());
      const added = up.resources.flatMap((r) => r.added.map((x) => `${r.groupVersion} ${x.resource}`)).sort();
      expect(down.resources.flatMap((r) => r.removed.map((x) => `${r.groupVersion} ${x.resource}`)).sort()).toEqual(added);
      if (a !== b && a < b) expect(down.direction).toBe("downgrade");
    }
  });

  it("reports each changed field of a resource with its value before and after", () => {
    // The bundled releases never change a resource in place, so derive a changed copy of a real one.
    const from = idx("1.29");
    const to: SnapshotIndex = structuredClone(from);
    const apps = to.groups.find((g) => g.name === "apps")!.versions[0]!;
    const original = from.groups.find((g) => g.name === "apps")!.versions[0]!.resources.find((r) => r.subresources.length > 1)!;
    const changed = apps.resources.find((r) => r.resource === original.resource)!;
    changed.verbs = changed.verbs.filter((v) => v !== "deletecollection");
    changed.namespaced = !changed.namespaced;
    changed.subresources = changed.subresources.slice(1);
    const d = diffSnapshots(from, to);
    expect(d.resources).toEqual([{
      groupVersion: `apps/${apps.version}`, added: [], removed: [],
      changed: [{ resource: original.resource, kind: original.kind, changes: [
        { field: "namespaced", before: original.namespaced, after: !original.namespaced },
        { field: "verbs", before: [...original.verbs].sort(), after: original.verbs.filter((v) => v !== "deletecollection").sort() },
        { field: "subresources", before: original.subresources.map((x) => x.subresource).sort(), after: original.subresources.slice(1).map((x) => x.subresource).sort() },
      ] }],
    }]);
  });

  it("ignores the order of verbs, short names and categories", () => {
    const to: SnapshotIndex = structuredClone(idx("1.29"));
    for (const g of to.groups) for (const v of g.versions) for (const r of v.resources) r.verbs.reverse();
    expect(isEmptyDiff(diffSnapshots(idx("1.29"), to))).toBe(true);
  });

  it("narrows to one group", () => {
    const d = diffSnapshots(idx("1.24"), idx("1.25"), { group: "batch" });
    expect(d.group).toBe("batch");
    expect(d.groupVersionsRemoved).toEqual(["batch/v1beta1"]);
    expect(d.resources.every((r) => r.groupVersion.startsWith("batch/"))).toBe(true);
  });

  it("produces documents that satisfy the published schema", () => {
    expect(SnapshotDiff.safeParse(diffSnapshots(idx("1.19"), idx(snapshots.ids.at(-1)!))).success).toBe(true);
  });
});
