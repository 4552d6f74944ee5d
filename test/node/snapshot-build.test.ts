// The snapshot build: reproducible, valid, faithful to the captures and the upstream detail.
import { mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAll } from "../../src/build/build";
import { compareWithCapture } from "../../src/build/fidelity";
import { aggregatedFormsFor } from "../../src/build/rules";
import { modelFromAggregated, versionFromResourceList } from "../../src/discovery/read";
import { Manifest } from "../../src/snapshot/manifest";
import { LifecycleTable } from "../../src/snapshot/lifecycle";
import { doc, hasDoc, model, reference_, REFERENCE_DIR, REPO, snapshot, snapshotIds, SNAPSHOTS_DIR } from "./lib/snapshots";

const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));

describe("snapshot build", () => {
  it("bundles a snapshot for every minor from 1.19 to the newest the reference's k8s.io/api holds", () => {
    const minors = [...reference_().api.keys()].filter((m) => Number(m.split(".")[1]) >= 19);
    expect(minors.at(-1)).toBe("1.37");
    expect(snapshotIds()).toEqual(minors);
  });

  it("loads every snapshot: manifest, schemas and content hashes all validate", async () => {
    for (const id of snapshotIds()) {
      const s = await snapshot(id);
      expect(s.manifest.id).toBe(id);
      expect(s.manifest.provenance.kind).toBe("built");
      expect(s.documents.size).toBe(s.manifest.documents.length);
    }
  });

  it("rebuilding from the same reference reproduces the committed snapshots byte for byte", () => {
    const out = mkdtempSync(join(tmpdir(), "kds-build-"));
    execFileSync(process.execPath, [join(REPO, "node_modules/tsx/dist/cli.mjs"), join(REPO, "src/build/main.ts"), "--reference", REFERENCE_DIR, "--out", out], { stdio: "pipe" });
    const rebuilt = files(out).map((f) => relative(out, f)).sort();
    const committed = files(SNAPSHOTS_DIR).map((f) => relative(SNAPSHOTS_DIR, f)).sort();
    expect(rebuilt).toEqual(committed);
    for (const f of committed) expect(readFileSync(join(out, f), "utf8"), f).toBe(readFileSync(join(SNAPSHOTS_DIR, f), "utf8"));
  });

  it("writes lifecycle.json that validates and reports where Pluto disagrees with k8s.io/api", () => {
    const table = LifecycleTable.parse(JSON.parse(readFileSync(join(SNAPSHOTS_DIR, "lifecycle.json"), "utf8")));
    expect(table.disagreements).toContainEqual(expect.objectContaining({ group: "flowcontrol.apiserver.k8s.io", version: "v1beta1", kind: "FlowSchema", field: "removed", pluto: "1.29", reference: "1.26" }));
    expect(table.entries).toContainEqual(expect.objectContaining({ group: "extensions", version: "v1beta1", kind: "Ingress", resource: "ingresses", removed: "1.22", replacement: { group: "networking.k8s.io", version: "v1", kind: "Ingress" } }));
  });

  it("records off by default only for alpha or beta kinds that the release's k8s.io/api has and its snapshot does not serve", async () => {
    const table = LifecycleTable.parse(JSON.parse(readFileSync(join(SNAPSHOTS_DIR, "lifecycle.json"), "utf8")));
    const off = table.entries.filter((e) => e.offByDefaultIn.length);
    expect(off.length).toBeGreaterThan(20);
    for (const e of off) {
      expect(e.version, `${e.group}/${e.version}`).toMatch(/(alpha|beta)\d+$/);
      for (const minor of e.offByDefaultIn) {
        expect(reference_().api.get(minor)!.groups.some((p) => p.group === e.group && p.version === e.version && p.resources.some((r) => r.kind === e.kind))).toBe(true);
        const served = model(await snapshot(minor)).some((g) => g.name === e.group && g.versions.some((v) => v.version === e.version && v.resources.some((r) => r.kind === e.kind)));
        expect(served, `${minor} ${e.group}/${e.version} ${e.kind}`).toBe(false);
      }
    }
  });
});

describe("fidelity to the kubectl api-resources captures", () => {
  for (const minor of ["1.19", "1.20", "1.21", "1.22", "1.23", "1.24", "1.25", "1.26", "1.27", "1.28", "1.29", "1.30", "1.31", "1.32", "1.33"]) {
    it(`${minor} matches its capture row for row`, async () => {
      const report = compareWithCapture(minor, model(await snapshot(minor)), reference_().captures.get(minor)!);
      expect({ missing: report.missing, differing: report.differing, extra: report.extra }).toEqual({ missing: [], differing: [], extra: [] });
      expect(report.matching).toBe(report.captureRows);
    });
  }
});

describe("detail from the upstream all-APIs discovery documents", () => {
  const compareWith = async (minor: string, upstream: ReturnType<typeof modelFromAggregated>) => {
    const ours = model(await snapshot(minor));
    let compared = 0;
    for (const g of upstream) for (const v of g.versions) for (const r of v.resources) {
      const mine = ours.find((x) => x.name === g.name)?.versions.find((x) => x.version === v.version)?.resources.find((x) => x.resource === r.resource);
      if (!mine) continue;
      compared++;
      const pick = (x: typeof r) => ({ verbs: x.verbs, shortNames: x.shortNames ?? [], categories: x.categories ?? [], singularName: x.singularName, subresources: x.subresources, namespaced: x.namespaced, kind: x.kind });
      expect(pick(mine), `${minor} ${g.name}/${v.version} ${r.resource}`).toEqual(pick(r));
    }
    return compared;
  };
  it("1.31 carries the verbs, shortNames, categories and subresources of the 1.31-era document", async () => {
    const ref = reference_();
    const upstream = modelFromAggregated(ref.upstream.aggregated).filter((g) => g.name !== "resource.k8s.io");
    expect(await compareWith("1.31", upstream)).toBeGreaterThan(40);
  });
  it("1.33 carries the detail of the 1.33 API-set document", async () => {
    expect(await compareWith("1.33", modelFromAggregated(reference_().upstream.aggregatedNewer))).toBeGreaterThan(40);
  });
  it("1.31 /api/v1 equals upstream's api__v1.json entry for entry, storageVersionHash included", async () => {
    const ours = doc(await snapshot("1.31"), "/api/v1");
    const sortKeys = (o: object) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
    expect(ours.resources.map(sortKeys)).toEqual(reference_().upstream.coreV1.resources.map(sortKeys));
    expect(versionFromResourceList(ours).resources.length).toBeGreaterThan(15);
  });
});

describe("wire format of a real apiserver", () => {
  it("omits apiVersion from /api, /api/v1 and the extensions group's documents, and keeps Go field order", async () => {
    const s = await snapshot("1.21");
    expect(Object.keys(doc(s, "/api"))).toEqual(["kind", "versions", "serverAddressByClientCIDRs"]);
    expect(Object.keys(doc(s, "/api/v1"))).toEqual(["kind", "groupVersion", "resources"]);
    expect(Object.keys(doc(s, "/apis/extensions/v1beta1"))).toEqual(["kind", "groupVersion", "resources"]);
    expect(Object.keys(doc(s, "/apis/extensions"))).toEqual(["kind", "name", "versions", "preferredVersion"]);
    expect(Object.keys(doc(s, "/apis/apps/v1"))).toEqual(["kind", "apiVersion", "groupVersion", "resources"]);
    expect(Object.keys(doc(s, "/apis/apps"))).toEqual(["kind", "apiVersion", "name", "versions", "preferredVersion"]);
    expect(Object.keys(doc(s, "/apis/apps/v1").resources[0])).toEqual(["name", "singularName", "namespaced", "kind", "verbs", "storageVersionHash"]);
  });
  it("lists apiregistration.k8s.io first in /apis, never the core group, with preferredVersion the first version", async () => {
    for (const id of snapshotIds()) {
      const groups = doc(await snapshot(id), "/apis").groups;
      expect(groups[0].name, id).toBe("apiregistration.k8s.io");
      expect(groups.map((g: any) => g.name), id).not.toContain("");
      for (const g of groups) expect(g.preferredVersion, `${id} ${g.name}`).toEqual(g.versions[0]);
    }
  });
  it("orders a group's versions by the apiserver's version priority (autoscaling v2 before v1 from 1.23)", async () => {
    expect(doc(await snapshot("1.22"), "/apis/autoscaling").versions.map((v: any) => v.version)).toEqual(["v1", "v2beta1", "v2beta2"]);
    expect(doc(await snapshot("1.23"), "/apis/autoscaling").versions.map((v: any) => v.version)).toEqual(["v2", "v1", "v2beta1", "v2beta2"]);
  });
  it("serves exactly the aggregated discovery forms of each release and records them in the manifest", async () => {
    for (const id of snapshotIds()) {
      const s = await snapshot(id);
      expect(s.manifest.aggregatedDiscovery, id).toEqual(aggregatedFormsFor(id));
      for (const form of ["v2", "v2beta1"] as const) {
        expect(hasDoc(s, "/apis", form), `${id} ${form}`).toBe(aggregatedFormsFor(id).includes(form));
      }
    }
    expect(aggregatedFormsFor("1.26")).toEqual([]);
    expect(aggregatedFormsFor("1.28")).toEqual(["v2beta1"]);
    expect(aggregatedFormsFor("1.30")).toEqual(["v2", "v2beta1"]);
    expect(aggregatedFormsFor("1.33")).toEqual(["v2"]);
  });
  it("reports singularName only from 1.27 on", async () => {
    const pods = async (id: string) => doc(await snapshot(id), "/api/v1").resources.find((r: any) => r.name === "pods");
    expect((await pods("1.26")).singularName).toBe("");
    expect((await pods("1.27")).singularName).toBe("pod");
  });
  it("gives events.k8s.io/v1 events the storageVersionHash of core /v1/Event", async () => {
    const s = await snapshot("1.29");
    const core = doc(s, "/api/v1").resources.find((r: any) => r.name === "events");
    const events = doc(s, "/apis/events.k8s.io/v1").resources.find((r: any) => r.name === "events");
    expect(events.storageVersionHash).toBe(core.storageVersionHash);
    expect(events.storageVersionHash).toBeTruthy();
  });
  it("serves the real /version of v1.29.2 for 1.29 and leaves unknown /version fields empty elsewhere, listed in the manifest", async () => {
    expect(doc(await snapshot("1.29"), "/version")).toMatchObject({ gitVersion: "v1.29.2", gitCommit: "4b8e819355d791d96b7e9d9efe4cbafae2311c88", platform: "linux/arm64" });
    const s = await snapshot("1.30");
    expect(doc(s, "/version")).toMatchObject({ major: "1", minor: "30", gitVersion: "v1.30.10", gitCommit: "", buildDate: "" });
    expect(s.manifest.unknown).toContainEqual(expect.objectContaining({ document: "/version", field: "gitCommit" }));
  });
  it("records every storageVersionHash it leaves out as unknown", async () => {
    for (const id of snapshotIds()) {
      const s = await snapshot(id);
      for (const g of model(s)) for (const v of g.versions) for (const r of v.resources) {
        if (r.storageVersionHash || !r.verbs.includes("watch")) continue;
        const path = g.name ? `/apis/${g.name}/${v.version}` : `/api/${v.version}`;
        expect(s.manifest.unknown, `${id} ${path} ${r.resource}`).toContainEqual(expect.objectContaining({ document: path, field: `${r.resource}.storageVersionHash` }));
      }
    }
  });
});

describe("rules derived from the evidence", () => {
  it("derives the default-on beta exceptions from the captures: only flowcontrol.apiserver.k8s.io/v1beta3", () => {
    expect([...buildAll(reference_()).defaultOnBetas.keys()]).toEqual(["flowcontrol.apiserver.k8s.io/v1beta3"]);
  });
  it("serves no beta kind introduced in 1.24 or later except the derived exceptions", async () => {
    const ref = reference_();
    const introduced = new Map<string, string>();
    for (const rel of ref.api.values()) for (const p of rel.groups) for (const r of p.resources) {
      const i = (r.lifecycleFunctions ?? r.lifecycle)?.introduced;
      if (i) introduced.set(`${p.group}/${p.version}/${r.kind}`, i);
    }
    for (const id of snapshotIds()) {
      for (const g of model(await snapshot(id))) for (const v of g.versions) for (const r of v.resources) {
        const i = introduced.get(`${g.name}/${v.version}/${r.kind}`);
        if (!v.version.includes("beta") || !i || Number(i.split(".")[1]) < 24) continue;
        expect(`${g.name}/${v.version}`, `${id} ${r.kind}`).toBe("flowcontrol.apiserver.k8s.io/v1beta3");
      }
    }
  });
  it("every manifest validates and cites the rules it applied", async () => {
    for (const id of snapshotIds()) {
      const m = Manifest.parse((await snapshot(id)).manifest);
      expect(m.provenance.kind === "built" && m.provenance.rules.length).toBeGreaterThan(5);
    }
  });
});
