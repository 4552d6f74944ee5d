// Verdicts are kept across checks for one release history and target; for a kind the input's own
// CustomResourceDefinitions define, per what those definitions say of it.
import { beforeAll, describe, expect, it } from "vitest";
import { checkManifests } from "../../src/check/check";
import { MAX_CACHED } from "../../src/check/verdict-cache";
import type { SnapshotIndex } from "../../src/diff/snapshot-index";
import type { ReleaseHistory } from "../../src/timeline/history";
import { BUNDLED_SNAPSHOTS, localSnapshots } from "./lib/local-snapshots";

const snapshots = localSnapshots(BUNDLED_SNAPSHOTS);
let history: ReleaseHistory;
let target: SnapshotIndex;
beforeAll(async () => {
  history = await snapshots.history();
  target = await snapshots.index("1.29");
});

const deployment = { source: "a.yaml", text: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n" };
const widget = { source: "w.yaml", text: "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n" };
const widgetCrd = { source: "crd.yaml", text: [
  "apiVersion: apiextensions.k8s.io/v1", "kind: CustomResourceDefinition", "metadata:", "  name: widgets.example.com", "spec:", "  group: example.com",
  "  names: {kind: Widget, plural: widgets}", "  scope: Namespaced", "  versions:", "  - name: v1", "    served: true", "    storage: true", "",
].join("\n") };
const verdictOf = (inputs: { source: string; text: string }[], name: string, t = target, h = history) =>
  checkManifests(inputs, [t], h).objects.find((o) => o.name === name)!.verdicts[0]!;

describe("verdicts across checks", () => {
  it("a second check of the same kind against the same target and history reuses the first verdict", () => {
    expect(verdictOf([deployment], "web")).toBe(verdictOf([deployment], "web"));
  });

  it(`keeps at most ${MAX_CACHED} verdicts per target: made-up kinds push the oldest out, the newest stay`, () => {
    const own = { ...target, groups: [...target.groups] }; // a target of its own, so other tests' verdicts do not count
    const first = verdictOf([deployment], "web", own);
    const kinds = Array.from({ length: MAX_CACHED }, (_, i) => `apiVersion: example.com/v1\nkind: Made${i}\nmetadata: {name: m${i}}\n`).join("---\n");
    const last = checkManifests([{ source: "many.yaml", text: kinds }], [own], history).objects.at(-1)!.verdicts[0]!;
    expect(verdictOf([deployment], "web", own)).not.toBe(first);
    expect(checkManifests([{ source: "one.yaml", text: `apiVersion: example.com/v1\nkind: Made${MAX_CACHED - 1}\nmetadata: {name: x}\n` }], [own], history).objects[0]!.verdicts[0]).toBe(last);
  });

  it("a target sharing another's index under a different id gets its own verdict", () => {
    const renamed = { ...target, id: "prod-eu" };
    const verdict = verdictOf([deployment], "web", renamed);
    expect(verdict.target).toBe("prod-eu");
    expect(verdict.message).toContain("prod-eu");
  });

  it("a kind the input's CustomResourceDefinition defines is judged by what that input defines", () => {
    expect(verdictOf([widgetCrd, widget], "w").status).toBe("served");
    expect(verdictOf([widget], "w").status).toBe("unknown");
    expect(verdictOf([widgetCrd, widget], "w").status).toBe("served");
    const unserved = { ...widgetCrd, text: widgetCrd.text.replace("served: true", "served: false") };
    expect(verdictOf([unserved, widget], "w")).toMatchObject({ status: "not-served", reason: "not-served-by-definition" });
    const renamed = { ...widgetCrd, source: "other-crd.yaml" };
    expect(verdictOf([renamed, widget], "w").message).toContain("other-crd.yaml");
  });

  it("another release history (a new catalog generation) computes verdicts afresh", () => {
    const next: ReleaseHistory = { ...history };
    expect(verdictOf([deployment], "web", target, next)).not.toBe(verdictOf([deployment], "web"));
    expect(verdictOf([deployment], "web", target, next)).toEqual(verdictOf([deployment], "web"));
  });
});
