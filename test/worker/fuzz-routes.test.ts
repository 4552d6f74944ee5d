// Seeded property-based requests against every route: random methods, paths, queries, headers and
// bodies. Whatever arrives, the answer is never a 500 nor a stack trace; every error is either a
// Kubernetes Status whose code is the HTTP status (JSON routes), a CheckResult (the check's 422), or
// an HTML page (the /ui pages); and no error may be cached. `npm test` runs a few hundred cases
// with a fixed seed; `npm run fuzz` runs many more with a fresh seed (printed on failure).
import { env } from "cloudflare:test";
import fc from "fast-check";
import { beforeAll, describe, it } from "vitest";
import { Status } from "../../src/discovery/types";
import { fetchWorker } from "./lib/fetch-worker";
import { seedSnapshots } from "./lib/seed";

beforeAll(async () => { await seedSnapshots(); });

const RUNS = Number(env.FUZZ_RUNS) || 300;
const SEED = env.FUZZ_SEED ? Number(env.FUZZ_SEED) : env.FUZZ_RUNS ? Date.now() : 20261129;

const ROUTES = [
  "/", "/healthz", "/k8s", "/k8s/1.29", "/k8s/latest/apis", "/k8s/v1.25/api/v1", "/k8s/1.22/apis/apps/v1", "/k8s/1.29/helm-api-versions",
  "/v1/versions", "/v1/diff", "/v1/timeline/apps", "/v1/timeline/core/v1/pods", "/v1/check", "/v1/matrix", "/v1/openapi.json",
  "/embed/matrix", "/embed/kinds/Deployment", "/embed/diff", "/badge/apps/v1/Deployment.svg",
  "/ui/search", "/ui/versions/1.29", "/ui/matrix", "/ui/kinds/Ingress", "/ui/diff", "/ui/check",
];
const QUERY_NAMES = ["target", "from", "to", "group", "format", "fail-on", "source", "fields", "field", "q", "kind", "version", "releases", "x"];
const NASTY = ["", "%", "%zz", "%2F", "..", "../..", "%00", "1.29", "v1.29", "latest", "9.99", "core", "apps", "json", "text", "sarif", "true", "false",
  "a".repeat(300), "1.29,1.29,1.29", "☃", "\u202e", "<script>", "' OR 1=1", "-1", "1e20", "NaN", "null", "{}", "[]"];

const text = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 }));
// Mostly encoded, sometimes raw percent signs (malformed escapes are part of the point).
const segment = fc.oneof(text.map(encodeURIComponent), fc.constantFrom("%", "%zz", "%E0%A4%A", "%2e%2e", "%00"));
const path = fc.oneof(
  fc.constantFrom(...ROUTES),
  fc.tuple(fc.constantFrom(...ROUTES), fc.array(segment, { maxLength: 4 })).map(([r, segs]) => [r.replace(/\/$/, ""), ...segs].join("/")),
  fc.array(segment, { maxLength: 5 }).map((segs) => "/" + segs.join("/")),
);
const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_NAMES), text), text), { maxLength: 5 })
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&"));
const headers = fc.record({
  accept: fc.option(fc.constantFrom("application/json", "*/*", "text/html", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList", "application/yaml;q=0", "image/png", ",,;;q=x", "application/json;v=v2beta1;g=apidiscovery.k8s.io;as=APIGroupDiscoveryList;q=0.5")),
  // Header values in ASCII, as browsers send them (fetch refuses others).
  "if-none-match": fc.option(fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("*", 'W/"x"', '"', "W/", '"0000"'))),
  "content-type": fc.option(fc.constantFrom("application/yaml", "application/json", "text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "image/png", "multipart/form-data", ";;")),
  "content-length": fc.option(fc.constantFrom("abc", "-1", "1e9", "0", "99999999999")),
}, { requiredKeys: [] });
const body = fc.oneof(
  text,
  fc.constantFrom("apiVersion: v1\nkind: Pod\n", "---\n---\n", "{\"kind\":\"List\",\"items\":[1,{}]}", "[[[[[[[[", "a: &a [*a]", "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nkind: A\r\n--x--\r\n"),
  fc.uint8Array({ maxLength: 64 }),
);
const request = fc.record({
  method: fc.constantFrom("GET", "GET", "GET", "HEAD", "POST", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"),
  path, query, headers, body,
});

const STACK = /\n\s+at \S|\bat \S+:\d+:\d+|(?:Type|Range|Syntax|Reference)Error/;

describe("any request", () => {
  it(`is answered without a 500, a stack trace or a cacheable error (${RUNS} cases, seed ${SEED})`, async () => {
    await fc.assert(fc.asyncProperty(request, async (r) => {
      const hs = Object.fromEntries(Object.entries(r.headers).filter(([, v]) => v !== null && v !== undefined)) as Record<string, string>;
      const withBody = r.method !== "GET" && r.method !== "HEAD";
      const res = await fetchWorker(`https://kds.test${r.path}${r.query ? `?${r.query}` : ""}`, { method: r.method, headers: hs, body: withBody ? r.body : undefined });
      const what = `${r.method} ${r.path}?${r.query} -> ${res.status}`;
      const payload = await res.text();
      if (res.status >= 500 && res.status !== 503) throw new Error(`${what}: ${payload.slice(0, 300)}`);
      if (STACK.test(payload)) throw new Error(`${what}: stack trace in body: ${payload.slice(0, 300)}`);
      if (res.status < 400) return;
      if (res.headers.get("cache-control") !== "no-store") throw new Error(`${what}: error with Cache-Control ${res.headers.get("cache-control")}`);
      if (r.method === "HEAD") return;
      const type = res.headers.get("content-type") ?? "";
      if (type.startsWith("text/html")) return;
      const json = JSON.parse(payload) as { kind?: string };
      if (res.status === 422 && json.kind === "CheckResult") return;
      const status = Status.safeParse(json);
      if (!status.success || status.data.code !== res.status) throw new Error(`${what}: not a Status with code ${res.status}: ${payload.slice(0, 300)}`);
    }), { numRuns: RUNS, seed: SEED, endOnFailure: true });
  }, 600_000);
});
