// KV economy: at most one KV read per request once the catalog is loaded, none for hot documents.
// The real KV binding is wrapped to count reads; nothing is stubbed.
import { env } from "cloudflare:test";
import { beforeAll, expect, it } from "vitest";
import app from "../../src/worker/index";
import { seedSnapshots } from "./lib/seed";

beforeAll(async () => { await seedSnapshots(); });

function counting(kv: KVNamespace) {
  const reads: string[] = [];
  const wrapped = new Proxy(kv, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop !== "get" && prop !== "getWithMetadata") return typeof value === "function" ? value.bind(target) : value;
      return (key: string, ...rest: unknown[]) => { reads.push(key); return (value as Function).call(target, key, ...rest); };
    },
  });
  return { env: { SNAPSHOTS: wrapped }, reads };
}

it("reads a cold document with one KV read, and a hot one or a 304 with none", async () => {
  const { env: counted, reads } = counting(env.SNAPSHOTS);
  const req = (headers: Record<string, string> = {}) => app.request("/k8s/1.27/apis/batch/v1", { headers }, counted);
  const first = await req();
  expect(first.status).toBe(200);
  const afterFirst = reads.filter((k) => k !== "catalog");
  expect(afterFirst).toEqual([`doc/${first.headers.get("etag")!.slice(1, -1)}`]);
  reads.length = 0;
  expect((await req()).status).toBe(200);
  expect(reads).toEqual([]);
  expect((await req({ "if-none-match": first.headers.get("etag")! })).status).toBe(304);
  expect(reads).toEqual([]);
});

it("answers If-None-Match for a document never read in this isolate without reading its body", async () => {
  const { env: counted, reads } = counting(env.SNAPSHOTS);
  const etag = (await app.request("/k8s/1.24/apis/apps/v1", { method: "HEAD" }, env)).headers.get("etag")!;
  const fresh = await app.request("/k8s/1.24/apis/apps/v1", { headers: { "if-none-match": etag } }, counted);
  expect(fresh.status).toBe(304);
  expect(reads.filter((k) => k.startsWith("doc/"))).toEqual([]);
});
