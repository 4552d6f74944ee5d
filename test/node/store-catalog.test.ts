// The catalog and the KV entries built from a snapshots folder: aliases, latest, counts, and
// refusal of folders whose files do not match their manifests.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildCatalog, countsOf, LATEST } from "../../src/store/catalog";
import { buildKvEntries } from "../../src/store/entries";
import { readSnapshotFiles } from "../../src/store/files";
import { Catalog } from "../../src/store/catalog";
import { documentKvKey, fieldsKvKey, indexKvKey, keysNamedBy, lifecycleKvKey } from "../../src/store/keys";
import type { Manifest } from "../../src/snapshot/manifest";
import { sha256Hex, toWire } from "../../src/snapshot/wire";
import { model, snapshot, snapshotIds, SNAPSHOTS_DIR } from "./lib/snapshots";

const ALL_FILES = readSnapshotFiles(SNAPSHOTS_DIR);
const filesOf = (...ids: string[]) => Object.fromEntries(Object.entries(ALL_FILES).filter(([f]) => ids.some((id) => f.startsWith(`${id}/`)) || f === "lifecycle.json"));

async function published(id: string) {
  const s = await snapshot(id);
  return { manifest: s.manifest, groups: model(s), index: `index-of-${id}` };
}

/** A custom capture of a cluster, made from a bundled snapshot's documents. */
async function captured(from: string, id: string, kubernetesVersion: string): Promise<{ manifest: Manifest; groups: ReturnType<typeof model>; index: string }> {
  const { manifest, groups } = await published(from);
  return {
    index: `index-of-${id}`,
    manifest: { ...manifest, id, kubernetesVersion, provenance: { kind: "captured", server: "https://cluster.example", capturedAt: "2026-01-01T00:00:00Z", client: "kds capture" } },
    groups,
  };
}

describe("catalog aliases", () => {
  it("names a built snapshot by its id, v-prefixed minor and the patch release it records", async () => {
    const catalog = buildCatalog([await published("1.29")], null, "g");
    expect(catalog.snapshots[0]!.aliases.slice(0, 4)).toEqual(["1.29", "v1.29", "1.29.2", "v1.29.2"]);
    for (const alias of ["1.29", "v1.29", "1.29.2", "v1.29.2"]) expect(catalog.aliases[alias]).toBe("1.29");
  });
  it("points latest at the newest built release, whatever the input order", async () => {
    const catalog = buildCatalog([await published("1.30"), await published("1.28"), await published("1.19")], null, "g");
    expect(catalog.aliases[LATEST]).toBe("1.30");
    expect(catalog.snapshots.map((s) => s.id)).toEqual(["1.19", "1.28", "1.30"]);
  });
  it("resolves a custom capture only by its id, and never makes it latest", async () => {
    const catalog = buildCatalog([await published("1.29"), await captured("1.33", "eks-prod", "1.33")], null, "g");
    expect(catalog.snapshots.find((s) => s.id === "eks-prod")!.aliases).toEqual(["eks-prod"]);
    expect(catalog.aliases[LATEST]).toBe("1.29");
    expect(catalog.aliases["v1.33.0"]).toBeUndefined();
  });
  it("refuses two snapshots claiming the same alias", async () => {
    const entries = [await published("1.29"), await captured("1.29", "1.29.2", "1.29")];
    expect(() => buildCatalog(entries, null, "g")).toThrow("alias 1.29.2 names both 1.29 and 1.29.2");
  });
  it("counts groups, group-versions and resources of the legacy model", async () => {
    const { groups } = await published("1.29");
    const counts = countsOf(groups);
    expect(counts.groups).toBe(groups.length);
    expect(counts.groupVersions).toBe(groups.flatMap((g) => g.versions).length);
    expect(counts.resources).toBe(groups.flatMap((g) => g.versions.flatMap((v) => v.resources)).length);
    expect(counts.groupVersions).toBeGreaterThan(counts.groups);
  });
});

describe("resources a snapshot's sources leave open", () => {
  it("are the manifest's unknown entries that name a resource's kind, by group-version; field-level entries are not", async () => {
    const { manifest } = await snapshot("1.37");
    const entry = buildCatalog([await published("1.37")], null, "g").snapshots[0]!;
    const whole = manifest.unknown.filter((u) => u.kind !== undefined);
    expect(whole.length).toBeGreaterThan(0);
    expect(manifest.unknown.length).toBeGreaterThan(whole.length);
    expect(entry.unknownResources).toEqual(whole.map((u) => ({ groupVersion: u.document.replace(/^\/apis?\//, ""), resource: u.field, kind: u.kind, reason: u.reason })));
  });

  it("are none for a release whose sources settle everything it serves", async () => {
    expect(buildCatalog([await published("1.33")], null, "g").snapshots[0]!.unknownResources).toEqual([]);
  });

  it("read as none from a catalog published before the field existed", async () => {
    const current = buildCatalog([await published("1.37")], null, "g");
    const older = { ...current, snapshots: current.snapshots.map(({ unknownResources: _, ...rest }) => rest) };
    expect(Catalog.parse(JSON.parse(JSON.stringify(older))).snapshots[0]!.unknownResources).toEqual([]);
  });
});

describe("KV entries", () => {
  it("hold every document's wire bytes under its sha256, an index and a field index per snapshot, the lifecycle table and the catalog", async () => {
    const built = await buildKvEntries(filesOf("1.28", "1.29"));
    const entries = new Map(built.map((e) => [e.key, e.value]));
    const catalog = Catalog.parse(JSON.parse(entries.get("catalog")!));
    for (const id of ["1.28", "1.29"]) {
      const s = await snapshot(id);
      for (const d of s.manifest.documents) {
        expect(entries.get(documentKvKey(d.sha256)), `${id} ${d.form} ${d.path}`).toBe(toWire(s.documents.get(`${d.form} ${d.path}`)!.body));
      }
      const { index, fields } = catalog.snapshots.find((c) => c.id === id)!;
      expect(JSON.parse(entries.get(indexKvKey(index))!)).toEqual(model(s));
      expect(fields).toBe(s.manifest.fields!.sha256);
      expect(entries.get(fieldsKvKey(fields!))).toBe(readFileSync(join(SNAPSHOTS_DIR, id, "fields.json"), "utf8"));
    }
    expect(entries.has(lifecycleKvKey(catalog.lifecycle!))).toBe(true);
    expect(catalog.snapshots.map((s) => s.id)).toEqual(["1.28", "1.29"]);
    // Documents the two releases share are stored once; the catalog names exactly what is stored.
    expect(new Set([...entries.keys()].filter((k) => k !== "catalog"))).toEqual(keysNamedBy(catalog));
    for (const [key, value] of entries) if (key !== "catalog") expect(key.endsWith(`/${await sha256Hex(value)}`), key).toBe(true);
    expect(built.at(-1)!.key).toBe("catalog");
  });
  it("refuses a document whose bytes differ from its manifest hash", async () => {
    const files = filesOf("1.29");
    const apps = JSON.parse(files["1.29/apis/apps/v1.json"]!);
    apps.resources.pop();
    files["1.29/apis/apps/v1.json"] = JSON.stringify(apps);
    await expect(buildKvEntries(files)).rejects.toThrow("1.29/apis/apps/v1.json: content differs from the manifest's sha256");
  });
  it("refuses a field index whose bytes differ from its manifest hash", async () => {
    const files = filesOf("1.29");
    files["1.29/fields.json"] = files["1.29/fields.json"]!.replace('"release":"1.29"', '"release":"1.28"');
    await expect(buildKvEntries(files)).rejects.toThrow("1.29/fields.json: content differs from the manifest's sha256");
  });
  it("refuses a snapshot whose manifest names another folder", async () => {
    const files = Object.fromEntries(Object.entries(filesOf("1.29")).map(([f, t]) => [f.replace(/^1\.29\//, "1.30/"), t]));
    await expect(buildKvEntries(files)).rejects.toThrow("manifest id 1.29 differs from its folder");
  });
  it("changes the catalog generation when any file changes, and only then", async () => {
    const generation = async (files: Record<string, string>) => JSON.parse((await buildKvEntries(files)).at(-1)!.value).generation as string;
    const files = filesOf("1.29");
    const before = await generation(files);
    expect(await generation({ ...files })).toBe(before);
    expect(await generation({ ...files, "lifecycle.json": files["lifecycle.json"] + "\n" })).not.toBe(before);
  });
  it("builds entries for every bundled snapshot", async () => {
    const catalog = JSON.parse((await buildKvEntries(ALL_FILES)).at(-1)!.value);
    expect(catalog.snapshots.map((s: { id: string }) => s.id)).toEqual(snapshotIds());
  });
});
