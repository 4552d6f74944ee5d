// Round trip: this service serves kube-compatible discovery, so capturing the worker's /k8s/1.29
// (the shared production bundle, real KV seeded from snapshots/) must give back snapshots/1.29 byte for byte.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSnapshot } from "../../src/snapshot/fs";
import { Manifest } from "../../src/snapshot/manifest";
import { sharedWorker } from "./helpers/shared-worker";
import { CAPTURED_AT, documentFiles, runCapture, tempDir, type CaptureRun } from "./lib/capture-cli";
import { SNAPSHOTS_DIR } from "./lib/snapshots";

const PACKAGE_VERSION = (JSON.parse(readFileSync(join(SNAPSHOTS_DIR, "../package.json"), "utf8")) as { version: string }).version;

const worker = sharedWorker();
let out: string;
let run: CaptureRun;
const bundled = () => Manifest.parse(JSON.parse(readFileSync(join(SNAPSHOTS_DIR, "1.29/manifest.json"), "utf8")));
const captured = () => Manifest.parse(JSON.parse(readFileSync(join(out, "1.29/manifest.json"), "utf8")));

beforeAll(async () => {
  out = tempDir("roundtrip");
  run = await runCapture(["--server", `${worker.url}/k8s/1.29`, "--out", join(out, "1.29")]);
});

afterAll(async () => {
  rmSync(out, { recursive: true, force: true });
});

describe("capturing the served 1.29 snapshot", () => {
  it("succeeds with every document and nothing unknown", () => {
    expect(run.stderr).not.toMatch(/kds capture:|warning:/);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`captured 1.29 (v1.29.2) from ${worker.url}/k8s/1.29: ${bundled().documents.length} documents, aggregated discovery: v2beta1, 0 unknown -> ${join(out, "1.29")}\n`);
  });

  it("writes every document file byte-identical to snapshots/1.29", () => {
    expect(documentFiles(join(out, "1.29"))).toEqual(documentFiles(join(SNAPSHOTS_DIR, "1.29")));
  });

  it("writes a manifest equal to the bundled one except provenance, unknown, inferred, notes and the field index", () => {
    const { provenance, unknown, notes, inferred, fields, ...rest } = captured();
    const { provenance: _p, unknown: _u, notes: _n, inferred: _i, fields: _f, ...bundledRest } = bundled();
    expect(rest).toEqual(bundledRest);
    // How the snapshot was made: the capture's own provenance; the build's unknowns and notes
    // describe the reference it was built from, which a server's answers do not carry.
    expect(provenance).toEqual({ kind: "captured", server: `${worker.url}/k8s/1.29`, capturedAt: CAPTURED_AT.toISOString(), client: `kds/${PACKAGE_VERSION}` });
    expect(unknown).toEqual([]);
    expect(notes).toEqual([]);
    expect(inferred).toBeUndefined(); // a capture reads every value from the server: nothing is inferred
    expect(fields).toBeUndefined(); // field trees come from the reference, not from a server's discovery
  });

  it("produces a folder that loads as a valid snapshot", async () => {
    const loaded = await loadSnapshot(join(out, "1.29"));
    expect(loaded.documents.size).toBe(bundled().documents.length);
  });
});

describe.concurrent("capturing served snapshots with other aggregated forms", () => {
  it.each([["1.26", "none"], ["1.30", "v2, v2beta1"], ["1.33", "v2"]])("gives back snapshots/%s byte for byte (aggregated: %s)", async (id, forms) => {
    const again = await runCapture(["--server", `${worker.url}/k8s/${id}`, "--out", join(out, id)]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`aggregated discovery: ${forms},`);
    expect(documentFiles(join(out, id))).toEqual(documentFiles(join(SNAPSHOTS_DIR, id)));
  });
});
