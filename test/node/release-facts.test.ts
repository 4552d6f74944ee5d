// Facts of each release pinned against the reference: core subresources that follow the release,
// version.Info per release, wire details per release, upstream storage version hashes, and a
// manifest that lists every value a snapshot leaves empty.
import { describe, expect, it } from "vitest";
import { doc, hasDoc, model, reference_, snapshot, snapshotIds } from "./lib/snapshots";

const minorOf = (id: string) => Number(id.split(".")[1]);

describe("core subresources follow each release", () => {
  it("lists pods/resize (kind Pod: get, patch, update) from 1.33, when InPlacePodVerticalScaling is on by default, and not before", async () => {
    for (const id of snapshotIds()) {
      const resize = doc(await snapshot(id), "/api/v1").resources.find((r: any) => r.name === "pods/resize");
      if (minorOf(id) >= 33) expect(resize, id).toEqual({ name: "pods/resize", singularName: "", namespaced: true, kind: "Pod", verbs: ["get", "patch", "update"] });
      else expect(resize, id).toBeUndefined();
    }
  });
  it("lists pods/resize in aggregated /api as well from 1.33", async () => {
    for (const id of ["1.33", "1.37"]) {
      const core = doc(await snapshot(id), "/api", "v2").items[0].versions[0].resources.find((r: any) => r.resource === "pods");
      expect(core.subresources.map((s: any) => s.subresource), id).toContain("resize");
    }
    const pods = doc(await snapshot("1.32"), "/api", "v2").items[0].versions[0].resources.find((r: any) => r.resource === "pods");
    expect(pods.subresources.map((s: any) => s.subresource)).not.toContain("resize");
  });
  it("keeps every other core subresource upstream lists in every release", async () => {
    const upstream = reference_().upstream.coreV1.resources.filter((r) => r.name.includes("/")).map((r) => r.name);
    for (const id of snapshotIds()) {
      const names = doc(await snapshot(id), "/api/v1").resources.map((r: any) => r.name);
      for (const name of upstream) expect(names, id).toContain(name);
    }
  });
});

describe("/version per release", () => {
  it("has exactly the fields of version.Info of the release, in declaration order, an empty one only where the manifest lists it", async () => {
    for (const id of snapshotIds()) {
      const s = await snapshot(id);
      const layout = reference_().versionFields.get(id)!;
      const version = doc(s, "/version");
      const unknown = s.manifest.unknown.filter((u) => u.document === "/version").map((u) => u.field);
      expect(layout.fields.filter((f) => f in version || unknown.includes(f)), id).toEqual(layout.fields);
      expect(Object.keys(version), id).toEqual(layout.fields.filter((f) => f in version));
      for (const f of layout.fields) expect(version[f] === undefined || version[f] === "", `${id} ${f}`).toBe(unknown.includes(f));
    }
  });
  it("carries emulation and compatibility versions from 1.33 on, as the real responses report them", async () => {
    expect(doc(await snapshot("1.33"), "/version")).toMatchObject({ gitVersion: "v1.33.0", emulationMajor: "1", emulationMinor: "33", minCompatibilityMajor: "1", minCompatibilityMinor: "32" });
    expect(doc(await snapshot("1.32"), "/version")).not.toHaveProperty("emulationMajor");
  });
  it("serves a real upstream response where the reference has one, never a vendor build", async () => {
    for (const d of reference_().versionDocuments) expect(d.gitVersion).toMatch(/^v\d+\.\d+\.\d+$/);
    for (const id of ["1.33", "1.34", "1.35", "1.36", "1.37"]) {
      const version = doc(await snapshot(id), "/version");
      const real = reference_().versionDocuments.find((d) => d.gitVersion === version.gitVersion);
      expect(real?.info, id).toEqual(version);
    }
    expect(doc(await snapshot("1.37"), "/version").gitVersion).toBe("v1.37.0");
  });
});

describe("wire details per release", () => {
  it("keeps \"creationTimestamp\": null in aggregated group metadata through 1.33 and omits it from 1.34", async () => {
    for (const id of snapshotIds()) {
      const s = await snapshot(id);
      for (const form of ["v2", "v2beta1"] as const) {
        if (!hasDoc(s, "/apis", form)) continue;
        for (const g of doc(s, "/apis", form).items) {
          if (minorOf(id) <= 33) expect(g.metadata, `${id} ${form} ${g.metadata.name}`).toHaveProperty("creationTimestamp", null);
          else expect(g.metadata, `${id} ${form} ${g.metadata.name}`).not.toHaveProperty("creationTimestamp");
        }
      }
    }
  });
});

describe("storage version hashes", () => {
  const hashOf = async (id: string, group: string, version: string, resource: string) =>
    model(await snapshot(id)).find((g) => g.name === group)?.versions.find((v) => v.version === version)?.resources.find((r) => r.resource === resource)?.storageVersionHash;

  it("equal upstream's table for every resource of every release the table covers", async () => {
    for (const [minor, table] of reference_().storageHashes) {
      for (const [key, hash] of table.hashes) {
        const parts = key.split("/");
        const [group, version, resource] = parts.length === 2 ? ["", parts[0]!, parts[1]!] : [parts[0]!, parts[1]!, parts[2]!];
        expect(await hashOf(minor, group, version, resource), `${minor} ${key}`).toBe(hash);
      }
    }
  });
  it("give EndpointSlice the hash of its v1beta1 storage until the tables show v1", async () => {
    const v1beta1 = reference_().storageHashes.get("1.30")!.hashes.get("discovery.k8s.io/v1/endpointslices");
    const v1 = reference_().storageHashes.get("1.31")!.hashes.get("discovery.k8s.io/v1/endpointslices");
    expect(v1beta1).not.toBe(v1);
    for (const id of ["1.26", "1.29", "1.30"]) expect(await hashOf(id, "discovery.k8s.io", "v1", "endpointslices"), id).toBe(v1beta1);
    for (const id of ["1.31", "1.32", "1.37"]) expect(await hashOf(id, "discovery.k8s.io", "v1", "endpointslices"), id).toBe(v1);
  });
  it("give PodDisruptionBudget and HorizontalPodAutoscaler the tables' hashes, the same in every served version", async () => {
    for (const [minor, table] of reference_().storageHashes) {
      expect(await hashOf(minor, "policy", "v1", "poddisruptionbudgets"), minor).toBe(table.hashes.get("policy/v1/poddisruptionbudgets"));
      for (const v of ["v1", "v2"]) expect(await hashOf(minor, "autoscaling", v, "horizontalpodautoscalers"), `${minor} ${v}`).toBe(table.hashes.get("autoscaling/v2/horizontalpodautoscalers"));
    }
  });
  it("flag every hash that no table or established rule gives as inferred, with its reasoning", async () => {
    for (const id of snapshotIds()) {
      const s = await snapshot(id);
      if (reference_().storageHashes.has(id)) continue;
      for (const g of model(s)) for (const v of g.versions) for (const r of v.resources) {
        if (!r.storageVersionHash || g.name === "" || (g.name === "events.k8s.io" && r.kind === "Event")) continue;
        const path = `/apis/${g.name}/${v.version}`;
        expect(s.manifest.inferred, `${id} ${path} ${r.resource}`).toContainEqual(expect.objectContaining({ document: path, field: `${r.resource}.storageVersionHash`, reason: expect.stringContaining("stored as") }));
      }
    }
  });
  it("names where the table and the inference rule disagree instead of choosing silently", async () => {
    expect((await snapshot("1.30")).manifest.notes).toContainEqual(expect.stringMatching(/storage-hashes\/1\.30\.json records discovery\.k8s\.io\/v1\/endpointslices stored as discovery\.k8s\.io\/v1beta1\/EndpointSlice/));
  });
});

describe("the manifest lists every value a snapshot leaves empty", () => {
  it("walks every document: empty /version fields, empty server addresses, missing hashes and singular names are all under unknown", async () => {
    for (const id of snapshotIds()) {
      const s = await snapshot(id);
      const listed = (document: string, field: string) => s.manifest.unknown.some((u) => u.document === document && u.field === field);
      const version = doc(s, "/version");
      for (const [field, value] of Object.entries(version)) if (value === "") expect(listed("/version", field), `${id} /version ${field}`).toBe(true);
      if (doc(s, "/api").serverAddressByClientCIDRs.length === 0) expect(listed("/api", "serverAddressByClientCIDRs"), id).toBe(true);
      for (const g of model(s)) for (const v of g.versions) for (const r of v.resources) {
        const path = g.name ? `/apis/${g.name}/${v.version}` : `/api/${v.version}`;
        if (r.verbs.includes("watch") && !r.storageVersionHash) expect(listed(path, `${r.resource}.storageVersionHash`), `${id} ${path} ${r.resource}`).toBe(true);
        if (minorOf(id) >= 27 && r.singularName === "") expect(listed(path, `${r.resource}.singularName`), `${id} ${path} ${r.resource}`).toBe(true);
      }
    }
  });
});

describe("1.37 from a pre-release tag", () => {
  it("says so in the manifest and lists what public sources record after the tag", async () => {
    const m = (await snapshot("1.37")).manifest;
    expect(m.notes).toContainEqual(expect.stringContaining("pre-release tag v0.37.0-beta.0"));
    expect(m.unknown).toContainEqual(expect.objectContaining({ document: "/apis/certificates.k8s.io/v1", field: "podcertificaterequests" }));
    expect(m.notes).toContainEqual(expect.stringContaining("lifecycle.k8s.io/v1alpha1"));
  });
  it("serves aggregated discovery v2 only, and the legacy documents", async () => {
    const s = await snapshot("1.37");
    expect(s.manifest.aggregatedDiscovery).toEqual(["v2"]);
    expect(hasDoc(s, "/apis", "v2beta1")).toBe(false);
    expect(doc(s, "/apis/storagemigration.k8s.io/v1").resources.map((r: any) => r.name)).toContain("storageversionmigrations");
  });
});

describe("gated subresources", () => {
  it("drops a gated subresource from a release whose gate is off by default even where an upstream document lists it", async () => {
    const { subresourcesServed } = await import("../../src/build/subresources");
    const { versionFromResourceList } = await import("../../src/discovery/read");
    const later = reference_().upstream.later.find((d) => d.coreV1)!;
    const pods = versionFromResourceList(later.coreV1!).resources.find((r) => r.resource === "pods")!;
    expect(pods.subresources.map((s) => s.subresource)).toContain("resize");
    expect(subresourcesServed(reference_(), "1.32", "", "Pod", pods.subresources).map((s) => s.subresource)).not.toContain("resize");
    expect(subresourcesServed(reference_(), "1.33", "", "Pod", pods.subresources).map((s) => s.subresource)).toContain("resize");
  });
});

describe("a real capture as the strongest source", () => {
  it("snapshots:build --captured takes a release whole from a capture of it, and builds the others from the reference", async () => {
    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { execFileSync } = await import("node:child_process");
    const { writeSnapshot } = await import("../../src/snapshot/fs");
    const { REFERENCE_DIR, REPO, SNAPSHOTS_DIR } = await import("./lib/snapshots");
    // A capture of a 1.33 server: the bundled 1.33 documents without pods/resize, recorded as captured.
    const s = await snapshot("1.33");
    const docs = [...s.documents.values()].map((d) => d.ref.path === "/api/v1" && d.ref.form === "legacy"
      ? { ref: d.ref, body: { ...(d.body as any), resources: (d.body as any).resources.filter((r: any) => r.name !== "pods/resize") } } : d);
    const captures = mkdtempSync(join(tmpdir(), "kds-captures-"));
    const { documents: _d, fields: _f, inferred: _i, ...manifest } = s.manifest;
    await writeSnapshot(join(captures, "lab-1.33"), { ...manifest, id: "lab-1.33", provenance: { kind: "captured", server: "https://lab.example:6443", capturedAt: "2026-11-01T00:00:00Z", client: "kds capture" }, unknown: [], notes: [] }, docs);
    const out = mkdtempSync(join(tmpdir(), "kds-build-"));
    execFileSync(process.execPath, [join(REPO, "node_modules/tsx/dist/cli.mjs"), join(REPO, "src/build/main.ts"), "--reference", REFERENCE_DIR, "--out", out, "--captured", captures], { stdio: "pipe" });
    const built = JSON.parse(readFileSync(join(out, "1.33/manifest.json"), "utf8"));
    expect(built).toMatchObject({ id: "1.33", provenance: { kind: "captured", server: "https://lab.example:6443" } });
    expect(built.notes[0]).toContain('capture "lab-1.33"');
    expect(JSON.parse(readFileSync(join(out, "1.33/api/v1.json"), "utf8")).resources.map((r: any) => r.name)).not.toContain("pods/resize");
    expect(readFileSync(join(out, "1.32/manifest.json"), "utf8")).toBe(readFileSync(join(SNAPSHOTS_DIR, "1.32/manifest.json"), "utf8"));
  });
});

describe("the fidelity report", () => {
  it("counts unknown values by kind: /version fields, resource fields, whole resources, files beside the documents", async () => {
    const { countByKind } = await import("../../src/build/fidelity");
    expect(Object.fromEntries(countByKind((await snapshot("1.37")).manifest.unknown))).toMatchObject({
      "resource entry": 1, serverAddressByClientCIDRs: 1, paths: 1, "fields.json feature gate defaults": 1,
    });
    expect(Object.fromEntries(countByKind((await snapshot("1.30")).manifest.unknown))).toMatchObject({ "/version gitCommit": 1 });
  });
});
