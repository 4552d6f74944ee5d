// The availability matrix and name search over the bundled release snapshots.
import { beforeAll, describe, expect, it } from "vitest";
import { BUNDLED_SNAPSHOTS, localSnapshots } from "./lib/local-snapshots";
import { availabilityMatrix, type AvailabilityMatrix, type MatrixRow } from "../../src/matrix/availability";
import { selectMatrix } from "../../src/matrix/select";
import type { ReleaseHistory } from "../../src/timeline/history";
import { groupNamed, kindsNamed } from "../../src/timeline/names";

const snapshots = localSnapshots(BUNDLED_SNAPSHOTS);
let history: ReleaseHistory;
let matrix: AvailabilityMatrix;
beforeAll(async () => { history = await snapshots.history(); matrix = availabilityMatrix(history); });

const cell = (rows: MatrixRow[], name: string, release: string) => {
  const row = rows.find((r) => (r.kind === null ? r.groupVersion : `${r.groupVersion} ${r.kind}`) === name);
  if (!row) throw new Error(`no row ${name}`);
  return row.cells[matrix.releases.indexOf(release)];
};

describe("availability matrix", () => {
  it("has one column per bundled release, oldest first", () => {
    expect(matrix.releases).toEqual(snapshots.ids);
  });

  it("marks policy/v1beta1 PodDisruptionBudget deprecated but served in 1.24 and not served from 1.25", () => {
    expect(cell(matrix.resources, "policy/v1beta1 PodDisruptionBudget", "1.24")).toBe("deprecated");
    expect(cell(matrix.resources, "policy/v1beta1 PodDisruptionBudget", "1.25")).toBe("absent");
    expect(cell(matrix.groupVersions, "policy/v1beta1", "1.25")).toBe("absent");
  });

  it("has flowcontrol.apiserver.k8s.io/v1 first served in 1.29", () => {
    const row = matrix.groupVersions.find((r) => r.groupVersion === "flowcontrol.apiserver.k8s.io/v1")!;
    expect(matrix.releases[row.cells.findIndex((c) => c === "served")]).toBe("1.29");
  });

  it("agrees with every release's index on what is served", async () => {
    for (const id of matrix.releases) {
      const served = new Set((await snapshots.index(id)).groups.flatMap((g) => g.versions.map((v) => (g.name ? `${g.name}/${v.version}` : v.version))));
      const i = matrix.releases.indexOf(id);
      const marked = matrix.groupVersions.filter((r) => r.cells[i] === "served" || r.cells[i] === "deprecated").map((r) => r.groupVersion);
      expect(new Set(marked)).toEqual(served);
    }
  });

  it("marks a beta introduced after 1.24 off by default in the releases that define it (networking.k8s.io/v1beta1 IPAddress, 1.31–1.36)", () => {
    const states = matrix.releases.map((id) => [id, cell(matrix.resources, "networking.k8s.io/v1beta1 IPAddress", id)]);
    expect(states.filter(([, s]) => s === "off").map(([id]) => id)).toEqual(["1.31", "1.32", "1.33", "1.34", "1.35", "1.36"]);
  });

  it("narrows to groups and a release range, dropping rows empty in that range", () => {
    const s = selectMatrix(matrix, { view: "resources", groups: ["policy"], from: "1.25", to: "1.27", kind: undefined });
    expect(s.columns.map((i) => matrix.releases[i])).toEqual(["1.25", "1.26", "1.27"]);
    expect(s.rows.map((r) => `${r.groupVersion} ${r.kind}`)).toEqual(["policy/v1 PodDisruptionBudget"]);
  });

  it("refuses a range bound that is not a release", () => {
    expect(() => selectMatrix(matrix, { view: "group-versions", groups: [], from: "1.2", to: null })).toThrow(/release 1.2 is not in the matrix/);
  });
});

describe("names", () => {
  it("finds a kind by kind, plural, singular and short name", () => {
    for (const name of ["Ingress", "ingress", "ingresses", "ing"]) expect(kindsNamed(history, name), name).toEqual(["Ingress"]);
    expect(kindsNamed(history, "hpa")).toEqual(["HorizontalPodAutoscaler"]);
    expect(kindsNamed(history, "cronjobs")).toEqual(["CronJob"]);
    expect(kindsNamed(history, "nothing-like-this")).toEqual([]);
  });

  it("finds a group and a group/version", () => {
    expect(groupNamed(history, "policy")).toEqual({ group: "policy", version: null });
    expect(groupNamed(history, "policy/v1beta1")).toEqual({ group: "policy", version: "v1beta1" });
    expect(groupNamed(history, "core")).toEqual({ group: "", version: null });
    expect(groupNamed(history, "example.com/v1")).toBeNull();
  });
});
