// The bench's pieces (scripts/bench/): the production bundle runs in workerd through Miniflare over
// KV seeded from snapshots/ (the shared worker is one), and the floor worker gives back the bytes it recorded.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { record, startFloorWorker, type Recorded } from "../../scripts/bench/floor-worker";
import { manifestJsonList, manifestYaml } from "../../scripts/bench/manifests";
import { startBoundWorker } from "../../scripts/bench/check-bound";
import type { MiniflareWorker } from "../../scripts/bench/bundled-worker";
import { cpuMs, rssBytes } from "../../scripts/bench/proc";
import { sharedWorker } from "./helpers/shared-worker";

const LEGACY = { method: "GET", path: "/k8s/1.29/apis/apps/v1", accept: "application/json, */*" };
const CHECK = { method: "POST", path: "/v1/check?target=1.29", accept: "application/json", body: manifestYaml(3) };
const ours = sharedWorker();
let floor: MiniflareWorker, recorded: Recorded;

beforeAll(async () => {
  recorded = await record(ours.url, LEGACY.method, LEGACY.path, LEGACY.accept);
  floor = await startFloorWorker([recorded, await record(ours.url, CHECK.method, CHECK.path, CHECK.accept, CHECK.body)]);
});

/** What a load tool gets: node:http adds no Accept-Encoding, as autocannon does not; the body as sent, not decoded. */
function onTheWire(base: string, r: { method: string; path: string; accept: string; body?: string }): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(base + r.path, { method: r.method, headers: { accept: r.accept, ...(r.body ? { "content-type": "application/yaml" } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => { const { date: _, ...headers } = res.headers; resolve({ status: res.statusCode!, headers, body: Buffer.concat(chunks) }); });
    });
    req.on("error", reject);
    req.end(r.body);
  });
}
afterAll(async () => { await floor?.stop(); });

describe("bench floor worker", () => {
  it("answers a recorded request with the same status, headers and bytes as the production bundle", async () => {
    const [real, fromFloor] = await Promise.all([ours.url, floor.url].map((u) => fetch(u + LEGACY.path, { headers: { accept: LEGACY.accept } })));
    expect(recorded.status).toBe(200);
    expect(fromFloor!.status).toBe(real!.status);
    for (const h of ["content-type", "etag", "cache-control"]) expect(fromFloor!.headers.get(h), h).toBe(real!.headers.get(h));
    expect(Buffer.from(await fromFloor!.arrayBuffer())).toEqual(Buffer.from(await real!.arrayBuffer()));
  });

  it.each([["a discovery document", LEGACY], ["a check", CHECK]])("sends a load tool %s exactly as the production bundle does: no compression the real worker does not pay", async (_, r) => {
    const [real, fromFloor] = await Promise.all([ours.url, floor.url].map((u) => onTheWire(u, r)));
    expect(real!.status).toBe(200);
    expect(real!.headers["content-encoding"]).toBeUndefined();
    expect(fromFloor).toEqual(real);
  });

  it("has a check bound that answers the same bytes as ours from the same manifests sent as JSON", async () => {
    const [objects, check] = [3, { ...CHECK, body: manifestYaml(3) }];
    const recordedCheck = await record(ours.url, check.method, check.path, check.accept, check.body);
    const bound = await startBoundWorker(recordedCheck);
    try {
      const [real, fromBound] = await Promise.all([onTheWire(ours.url, check), onTheWire(bound.url, { ...check, body: manifestJsonList(objects, 0) })]);
      expect(real!.status).toBe(200);
      expect(fromBound).toEqual(real);
    } finally {
      await bound.stop();
    }
  });

  it("answers 304 to the recorded ETag, as the real worker does", async () => {
    const headers = { accept: LEGACY.accept, "if-none-match": recorded.headers.etag! };
    const [real, fromFloor] = await Promise.all([ours.url, floor.url].map((u) => fetch(u + LEGACY.path, { headers })));
    expect([real!.status, fromFloor!.status]).toEqual([304, 304]);
  });

  it("finds the workerd process serving each worker, with CPU time and memory", () => {
    for (const pid of [ours.pid, floor.pid]) {
      expect(pid).not.toBeNull();
      expect(cpuMs(pid!)).toBeGreaterThan(0);
      expect(rssBytes(pid!)).toBeGreaterThan(1024 * 1024);
    }
  });
});
