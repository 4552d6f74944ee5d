// The bench's pieces (scripts/bench/): the production bundle runs in workerd through Miniflare over
// KV seeded from snapshots/, and the floor worker and nginx give back the bytes it recorded.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildProductionBundle } from "../../scripts/bench/bundle";
import { startBundledWorker, type MiniflareWorker } from "../../scripts/bench/bundled-worker";
import { record, startFloorWorker, type Recorded } from "../../scripts/bench/floor-worker";
import { cpuMs, rssBytes } from "../../scripts/bench/proc";
import { SNAPSHOTS_DIR } from "./lib/snapshots";

const LEGACY = { method: "GET", path: "/k8s/1.29/apis/apps/v1", accept: "application/json, */*" };
let work: string, ours: MiniflareWorker, floor: MiniflareWorker, recorded: Recorded;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "kds-bench-test-"));
  const bundle = await buildProductionBundle(join(work, "bundle"));
  ours = await startBundledWorker(bundle.main, SNAPSHOTS_DIR);
  recorded = await record(ours.url, LEGACY.method, LEGACY.path, LEGACY.accept);
  floor = await startFloorWorker([recorded]);
});
afterAll(async () => {
  await floor?.stop();
  await ours?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe("bench floor worker", () => {
  it("answers a recorded request with the same status, headers and bytes as the production bundle", async () => {
    const [real, fromFloor] = await Promise.all([ours.url, floor.url].map((u) => fetch(u + LEGACY.path, { headers: { accept: LEGACY.accept } })));
    expect(recorded.status).toBe(200);
    expect(fromFloor!.status).toBe(real!.status);
    for (const h of ["content-type", "etag", "cache-control"]) expect(fromFloor!.headers.get(h), h).toBe(real!.headers.get(h));
    expect(Buffer.from(await fromFloor!.arrayBuffer())).toEqual(Buffer.from(await real!.arrayBuffer()));
  });

  it("answers 304 to the recorded ETag, as the real worker does", async () => {
    const headers = { accept: LEGACY.accept, "if-none-match": recorded.headers.etag! };
    const [real, fromFloor] = await Promise.all([ours.url, floor.url].map((u) => fetch(u + LEGACY.path, { headers })));
    expect([real!.status, fromFloor!.status]).toEqual([304, 304]);
  });

  it("finds the workerd process serving each worker, with CPU time and memory", () => {
    for (const w of [ours, floor]) {
      expect(w.pid).not.toBeNull();
      expect(cpuMs(w.pid!)).toBeGreaterThan(0);
      expect(rssBytes(w.pid!)).toBeGreaterThan(1024 * 1024);
    }
  });
});
