// Deploying: the worker bundles without any snapshot data in it, and the publish step's bulk
// file holds exactly the KV entries the local seeder writes.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { Miniflare } from "miniflare";
import { describe, expect, it } from "vitest";
import { buildKvEntries } from "../../src/store/entries";
import { readSnapshotFiles } from "../../src/store/files";
import { KV_BINDING, KV_NAMESPACE_ID } from "../../src/store/seed-local";
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

  // The same wrangler kv commands as a real publish, against a local store: every value listed and
  // read back, the catalog last; run again, it finds everything in place and writes nothing.
  it("npm run publish -- --local publishes with progress, and a second run writes nothing", async () => {
    const state = mkdtempSync(join(tmpdir(), "kds-publish-"));
    try {
      const run = () => execFileSync(process.execPath, [join(REPO, "scripts/publish.mjs"), "--local", "--persist-to", state], { cwd: REPO, env, encoding: "utf8" });
      const first = run();
      const entries = await buildKvEntries(readSnapshotFiles(SNAPSHOTS_DIR));
      expect(first).toContain(`values written: ${entries.length - 1}/${entries.length - 1}`);
      expect(first).toMatch(/catalog [0-9a-f]{12} is live/);
      expect(run()).toMatch(/is already published[\s\S]*done \(0 written, 0 removed/);
      const mf = new Miniflare({ modules: true, script: "export default {}", kvNamespaces: { [KV_BINDING]: KV_NAMESPACE_ID }, kvPersist: join(state, "v3/kv") });
      try {
        const kv = await mf.getKVNamespace(KV_BINDING);
        for (const e of [entries[0]!, entries.at(-1)!]) expect(await kv.get(e.key, "text"), e.key).toBe(e.value);
      } finally {
        await mf.dispose();
      }
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
  }, 300_000);
});

