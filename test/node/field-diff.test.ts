// Field-level diffs and timelines between releases, from the bundled field indexes.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffSnapshots } from "../../src/diff/diff";
import { diffRenderers } from "../../src/diff/render";
import { SnapshotDiff } from "../../src/diff/types";
import { BUNDLED_SNAPSHOTS, localSnapshots } from "./lib/local-snapshots";
import { fieldChangesOf } from "../../src/fields/field-diff";
import { runKdsMain } from "./lib/kds-main";

const snapshots = localSnapshots(BUNDLED_SNAPSHOTS);
async function fieldDiff(from: string, to: string, group: string | null = null): Promise<SnapshotDiff> {
  const [a, b] = [await snapshots.index(from), await snapshots.index(to)];
  return { ...diffSnapshots(a, b, { group }), fields: await fieldChangesOf(snapshots, a, b, group) };
}
const kind = (d: SnapshotDiff, apiVersion: string, k: string) => d.fields!.find((x) => x.apiVersion === apiVersion && x.kind === k);

describe("field diff", () => {
  it("1.26 -> 1.27 adds resizePolicy to the containers of Pod and of every pod template, listed once at its top", async () => {
    const d = await fieldDiff("1.26", "1.27");
    expect(kind(d, "v1", "Pod")!.added).toEqual(expect.arrayContaining(["spec.containers[].resizePolicy", "spec.initContainers[].resizePolicy", "spec.ephemeralContainers[].resizePolicy"]));
    expect(kind(d, "v1", "Pod")!.added).not.toContain("spec.containers[].resizePolicy[].resourceName");
    expect(kind(d, "apps/v1", "Deployment")).toEqual({ apiVersion: "apps/v1", kind: "Deployment", added: ["spec.template.spec.containers[].resizePolicy", "spec.template.spec.ephemeralContainers[].resizePolicy", "spec.template.spec.initContainers[].resizePolicy"], removed: [] });
  });

  it("lists only kinds both releases serve (not k8s.io/api's unserved versions such as apps/v1beta1)", async () => {
    const d = await fieldDiff("1.26", "1.27");
    expect(kind(d, "apps/v1beta1", "Deployment")).toBeUndefined();
  });

  it("lists removed fields: metadata.clusterName leaves every kind in 1.25", async () => {
    expect(kind(await fieldDiff("1.24", "1.25"), "v1", "ConfigMap")!.removed).toEqual(["metadata.clusterName"]);
  });

  it("narrows to a group", async () => {
    const d = await fieldDiff("1.26", "1.27", "apps");
    expect(new Set(d.fields!.map((k) => k.apiVersion))).toEqual(new Set(["apps/v1"]));
  });

  it("renders in json, text and markdown", async () => {
    const d = await fieldDiff("1.26", "1.27", "apps");
    expect(SnapshotDiff.parse(JSON.parse(diffRenderers.json(d))).fields).toEqual(d.fields);
    expect(diffRenderers.text(d)).toContain("apps/v1 Deployment fields:\n  + spec.template.spec.containers[].resizePolicy\n");
    expect(diffRenderers.markdown(d)).toContain("### Fields\n\n| API version | Kind | Field | Change |\n| --- | --- | --- | --- |\n| `apps/v1` | DaemonSet | `spec.template.spec.containers[].resizePolicy` | added |");
  });

  it("kds diff --fields prints them; without --fields it does not", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "kds-fdiff-"));
    const on = await runKdsMain(["diff", "1.26", "1.27", "--fields", "--group", "apps"], { cwd });
    expect(on.code).toBe(0);
    expect(on.stdout).toContain("  + spec.template.spec.containers[].resizePolicy");
    expect((await runKdsMain(["diff", "1.26", "1.27", "--group", "apps"], { cwd })).stdout).not.toContain("resizePolicy");
  });
});

describe("kds timeline --field", () => {
  it("gives a field's releases and gates, a list index read as []", async () => {
    const r = await runKdsMain(["timeline", "core/v1/pods", "--field", "spec.containers[0].resizePolicy"], { cwd: mkdtempSync(join(tmpdir(), "kds-ftl-")) });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^v1 Pod spec.containers\[\].resizePolicy\n  first in 1.27, still in the newest release\n  known in: 1.27, 1.28, /);
    expect(r.stdout).toContain("feature gates: 1.27 InPlacePodVerticalScaling");
  });

  it("exits 2 for a field no release has, or without GROUP/VERSION/KIND", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "kds-ftl-"));
    expect((await runKdsMain(["timeline", "apps/v1/Deployment", "--field", "spec.replicaz"], { cwd })).code).toBe(2);
    expect((await runKdsMain(["timeline", "apps", "--field", "spec.replicas"], { cwd })).code).toBe(2);
  });
});
