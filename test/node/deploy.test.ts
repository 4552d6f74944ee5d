// Deploying: the worker bundles without any snapshot data in it, and the publish step's bulk
// file holds exactly the KV entries the local seeder writes.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildKvEntries } from "../../src/store/entries";
import { readSnapshotFiles } from "../../src/store/files";
import { sharedWorker } from "./helpers/shared-worker";
import { REPO, snapshot, snapshotIds, SNAPSHOTS_DIR } from "./lib/snapshots";

const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };

describe("deploy", () => {
  // The shared worker runs the bundle `wrangler deploy --dry-run` built (test/node/global-worker.ts).
  it("wrangler deploy --dry-run builds a bundle that carries no snapshot document", async () => {
    const bundle = readFileSync(sharedWorker().bundle, "utf8");
    for (const id of snapshotIds()) {
      const { manifest } = await snapshot(id);
      // No document's bytes are in the bundle: none of their hashes' sources, no group-version document.
      const apps = readFileSync(join(SNAPSHOTS_DIR, id, "apis/apps/v1.json"), "utf8");
      expect(bundle.includes(JSON.stringify(JSON.parse(apps))), id).toBe(false);
      expect(bundle.includes(manifest.documents[0]!.sha256), id).toBe(false);
    }
  });

  // Start-up time on Workers grows with the bundle: minified, and zod imported as a namespace
  // (`import * as z`) so its 360 KB of locales are left out. Bytes, not speed: deterministic.
  it("keeps the bundle within 150 KB gzipped", () => {
    expect(gzipSync(readFileSync(sharedWorker().bundle)).byteLength).toBeLessThanOrEqual(150 * 1024);
  });

  it("npm run publish -- --dry-run writes the same entries the seeder writes, catalog last", async () => {
    execFileSync(process.execPath, [join(REPO, "scripts/publish.mjs"), "--dry-run"], { cwd: REPO, env, stdio: "pipe" });
    const written = JSON.parse(readFileSync(join(REPO, "dist/kv-bulk.json"), "utf8")) as { key: string; value: string }[];
    const expected = await buildKvEntries(readSnapshotFiles(SNAPSHOTS_DIR));
    expect(written.at(-1)!.key).toBe("catalog");
    expect(new Map(written.map((e) => [e.key, e.value]))).toEqual(new Map(expected.map((e) => [e.key, e.value])));
  });
});
