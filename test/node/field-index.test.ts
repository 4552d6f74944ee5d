// The per-release field indexes built from the reference's field-trees: faithful to every path.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FieldIndex } from "../../src/fields/field-index";
import { fieldPaths } from "../../src/fields/field-paths";
import { minorNumber } from "../../src/snapshot/ids";
import { REFERENCE_DIR, snapshot, snapshotIds, SNAPSHOTS_DIR } from "./lib/snapshots";

const reference = JSON.parse(readFileSync(join(REFERENCE_DIR, "field-trees/fields.json"), "utf8")) as Record<string, Record<string, { releases: [string, string][] }>>;
const gates = JSON.parse(readFileSync(join(REFERENCE_DIR, "field-trees/feature-gates.json"), "utf8")) as Record<string, Record<string, string[]>>;
const omitted = JSON.parse(readFileSync(join(REFERENCE_DIR, "field-trees/provenance.json"), "utf8")).omittedByGenerator.paths as Record<string, { releases: [string, string][] }>;
const index = (id: string) => FieldIndex.parse(JSON.parse(readFileSync(join(SNAPSHOTS_DIR, id, "fields.json"), "utf8")));
const inRelease = (runs: [string, string][], id: string) => runs.some(([a, b]) => minorNumber(a) <= minorNumber(id) && minorNumber(id) <= minorNumber(b));

describe("field index", () => {
  it("every release snapshot lists its field index with its hash in the manifest", async () => {
    for (const id of snapshotIds()) {
      const m = (await snapshot(id)).manifest;
      expect(m.fields?.file, id).toBe("fields.json");
      expect(m.fields?.sources.map((s) => s.file)).toEqual(["field-trees/fields.json", "field-trees/feature-gates.json", "field-trees/provenance.json"]);
    }
  });

  for (const id of ["1.19", "1.23", "1.27", "1.37"]) {
    it(`${id}: holds exactly the reference's paths of that release for every kind, plus the generator-omitted fields`, () => {
      const idx = index(id);
      const expected = Object.entries(reference).filter(([, paths]) => Object.values(paths).some((p) => inRelease(p.releases, id))).map(([k]) => k).sort();
      expect(Object.keys(idx.kinds)).toEqual(expected);
      for (const kind of expected) {
        const want = Object.entries(reference[kind]!).filter(([, p]) => inRelease(p.releases, id)).map(([p]) => p);
        for (const [key, o] of Object.entries(omitted)) if (key.startsWith(`${kind} `) && inRelease(o.releases, id)) want.push(key.slice(kind.length + 1));
        expect(fieldPaths(idx, kind).map((f) => f.path).sort(), kind).toEqual(want.sort());
      }
    });
  }

  it("1.27 carries every +featureGate marker of 1.27 at its path", () => {
    const idx = index("1.27");
    const got: Record<string, string[]> = {};
    for (const kind of Object.keys(idx.kinds)) for (const f of fieldPaths(idx, kind)) if (f.gates.length) got[`${kind} ${f.path}`] = f.gates;
    expect(got).toEqual(gates["1.27"]);
    expect(got["v1/Pod spec.containers[].resizePolicy"]).toEqual(["InPlacePodVerticalScaling"]);
  });

  it("a field the release lacks is stored one level deep with the releases that have it", () => {
    const idx = index("1.26");
    const pod = idx.nodes[idx.kinds["v1/Pod"]!]!;
    const container = idx.nodes[idx.nodes[idx.nodes[pod.f!.spec!]!.f!.containers!]!.l!]!;
    expect(idx.nodes[container.f!.resizePolicy!]).toEqual({ r: [["1.27", "1.37"]] });
  });
});
