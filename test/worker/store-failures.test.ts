// Failing or half-published storage: every such answer is a 503 Status with Retry-After that no
// cache may keep, and nothing wrong is kept in isolate memory, so the next request after the store
// recovers is answered right. Also: validators and ETags as HTTP caches use them.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { Status } from "../../src/discovery/types";
import { Catalog } from "../../src/store/catalog";
import { documentKvKey, indexKvKey } from "../../src/store/keys";
import app from "../../src/worker/index";
import { seedSnapshots } from "./lib/seed";
import { fetchWorker } from "./lib/fetch-worker";

beforeAll(async () => { await seedSnapshots(); });
const get = (path: string, headers: Record<string, string> = {}) => fetchWorker(`https://kds.test${path}`, { headers });
const catalog = async () => Catalog.parse(JSON.parse((await env.SNAPSHOTS.get("catalog"))!));
const sha = async (id: string, key: string) => (await catalog()).snapshots.find((s) => s.id === id)!.documents[key]!;

async function expectUnavailable(res: Response, what: string): Promise<Status> {
  expect(res.status, what).toBe(503);
  expect(res.headers.get("retry-after"), what).toMatch(/^\d+$/);
  expect(res.headers.get("cache-control"), what).toBe("no-store");
  const text = await res.text();
  expect(text, what).not.toMatch(/\bat \S+:\d+|Error:/);
  return Status.parse(JSON.parse(text));
}

/**
 * The real KV binding behind a wrapper whose reads throw, as a Workers KV read throws when KV is
 * unreachable or rate limited. No local runtime makes real KV fail on demand, so the failure is
 * injected at the binding, and the worker itself runs unchanged (the Env is its only input).
 */
function failingReads(kv: KVNamespace): KVNamespace {
  return new Proxy(kv, {
    get(target, prop) {
      if (prop === "get" || prop === "getWithMetadata") return () => Promise.reject(new Error("KV GET failed: 503 Service Unavailable"));
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe("failing storage", () => {
  it("answers 503 with Retry-After, never cacheable, on every route when a KV read throws", async () => {
    const failing = { SNAPSHOTS: failingReads(env.SNAPSHOTS) };
    const requests: [string, RequestInit?][] = [
      ["/k8s/1.29/apis/apps/v1"], ["/k8s/latest/api"], ["/k8s/1.29/helm-api-versions"], ["/v1/versions"],
      ["/v1/diff?from=1.28&to=1.29"], ["/v1/timeline/apps"], ["/v1/check?target=1.29", { method: "POST", body: "apiVersion: v1\nkind: Pod\n" }],
    ];
    for (const [path, init] of requests) {
      const status = await expectUnavailable(await app.request(path, init, failing), path);
      expect(status.message, path).toMatch(/could not be read .*try again/);
    }
  });

  it("answers 503, not 404, for a document the catalog names but the store lacks, and serves it once it is back", async () => {
    const key = documentKvKey(await sha("1.23", "legacy /apis/batch/v1"));
    const bytes = (await env.SNAPSHOTS.get(key))!;
    await env.SNAPSHOTS.delete(key);
    const status = await expectUnavailable(await get("/k8s/1.23/apis/batch/v1"), "missing document");
    expect(status.message).toContain("missing from the store");
    await env.SNAPSHOTS.put(key, bytes);
    expect((await get("/k8s/1.23/apis/batch/v1")).status).toBe(200);
  });

  it("answers 503 for a missing index instead of treating it as empty", async () => {
    const key = indexKvKey((await catalog()).snapshots.find((s) => s.id === "1.22")!.index);
    const bytes = (await env.SNAPSHOTS.get(key))!;
    await env.SNAPSHOTS.delete(key);
    await expectUnavailable(await get("/v1/diff?from=1.22&to=1.23"), "diff");
    await expectUnavailable(await get("/k8s/1.22/helm-api-versions"), "helm-api-versions");
    await expectUnavailable(await fetchWorker("https://kds.test/v1/check?target=1.22", { method: "POST", body: "apiVersion: v1\nkind: Pod\n" }), "check");
    await env.SNAPSHOTS.put(key, bytes);
    expect((await get("/v1/diff?from=1.22&to=1.23")).status).toBe(200);
  });

  it("answers 503 for stored bytes that differ from the catalog's sha256 (an upstream error page), and never keeps them", async () => {
    const key = documentKvKey(await sha("1.24", "legacy /apis/policy/v1"));
    const bytes = (await env.SNAPSHOTS.get(key))!;
    await env.SNAPSHOTS.put(key, "<html>502 Bad Gateway</html>");
    const status = await expectUnavailable(await get("/k8s/1.24/apis/policy/v1"), "corrupt document");
    expect(status.message).toContain("differs from its sha256");
    await env.SNAPSHOTS.put(key, bytes);
    const res = await get("/k8s/1.24/apis/policy/v1");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(bytes);
  });
});

describe("validators", () => {
  it("answers 304 to If-None-Match with the weak form of the ETag, as caches send it back", async () => {
    const etag = (await get("/k8s/1.25/apis/apps/v1")).headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect((await get("/k8s/1.25/apis/apps/v1", { "if-none-match": `W/${etag}` })).status).toBe(304);
    expect((await get("/k8s/1.25/apis/apps/v1", { "if-none-match": `"other", W/${etag}` })).status).toBe(304);
    expect((await get("/k8s/1.25/apis/apps/v1", { "if-none-match": 'W/"other"' })).status).toBe(200);
  });
});
