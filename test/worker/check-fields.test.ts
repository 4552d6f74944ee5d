/// <reference types="vite/client" />
// POST /v1/check with field checks: findings from the field index published in KV, read once per isolate.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { CheckResult } from "../../src/check/result";
import app from "../../src/worker/index";
import { seedSnapshots } from "./lib/seed";
import resizeAndTraffic from "../fixtures/manifests/fields/resize-and-traffic.yaml?raw";
import { Catalog } from "../../src/store/catalog";
import { fieldsKvKey } from "../../src/store/keys";

beforeAll(async () => { await seedSnapshots(); });

/** The real KV binding, wrapped to record the keys read. */
function counting(kv: KVNamespace) {
  const reads: string[] = [];
  const get = ((key: string, ...rest: unknown[]) => { reads.push(key); return (kv.get as Function).call(kv, key, ...rest); }) as KVNamespace["get"];
  return { env: { SNAPSHOTS: new Proxy(kv, { get: (t, p) => (p === "get" ? get : Reflect.get(t, p, t)) }) }, reads };
}

const post = (query: string, e: object = env) =>
  app.request(`/v1/check?${query}`, { method: "POST", body: resizeAndTraffic, headers: { "content-type": "application/yaml" } }, e);
const fields = async (res: Response) => CheckResult.parse(await res.json()).objects.flatMap((o) => o.fields);

describe("POST /v1/check fields", () => {
  it("reports resizePolicy and trafficDistribution as unknown to 1.26, with path, line and first release", async () => {
    const res = await post("target=1.26&source=web.yaml");
    expect(res.status).toBe(200);
    expect((await fields(res)).map((f) => [f.status, f.path, f.firstKnownIn])).toEqual([
      ["unknown-field", "spec.template.spec.containers[1].resizePolicy", "1.27"],
      ["unknown-field", "spec.trafficDistribution", "1.30"],
    ]);
  });

  it("fields=false turns field checks off", async () => {
    expect(await fields(await post("target=1.26&fields=false"))).toEqual([]);
  });

  it("refuses a fields value other than true or false", async () => {
    expect((await post("target=1.26&fields=maybe")).status).toBe(400);
  });

  it("carries the findings in the text format", async () => {
    expect(await (await post("target=1.31&format=text")).text()).toMatch(/^! .* 1\.31 +GATED FIELD +- +spec\.template\.spec\.containers\[1\]\.resizePolicy of apps\/v1 Deployment needs feature gate InPlacePodVerticalScaling \(off by default in 1\.31/m);
  });

  it("reads a release's field index from KV once per isolate", async () => {
    const { env: counted, reads } = counting(env.SNAPSHOTS);
    await post("target=1.28", counted);
    await post("target=1.28", counted);
    // No earlier test of this file (one isolate) targets 1.28: the first check reads it, the second does not.
    const { fields } = Catalog.parse(JSON.parse((await env.SNAPSHOTS.get("catalog"))!)).snapshots.find((s) => s.id === "1.28")!;
    expect(reads.filter((k) => k.startsWith("fields/"))).toEqual([fieldsKvKey(fields!)]);
  });
});
