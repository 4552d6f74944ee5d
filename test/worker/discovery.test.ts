// Serving discovery documents as kube-apiserver does: bytes, aliases, headers, errors.
import { beforeAll, describe, expect, it } from "vitest";
import { seedSnapshots, snapshotIds, wire } from "./lib/seed";
import { compareSnapshotIds } from "../../src/snapshot/ids";
import { fetchWorker } from "./lib/fetch-worker";

const BASE = "https://kds.test";
const get = (path: string, headers: Record<string, string> = {}, method = "GET") => fetchWorker(`${BASE}${path}`, { method, headers });
const V2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
const V2BETA1 = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";

beforeAll(async () => { await seedSnapshots(); });

describe("documents", () => {
  it("serves every legacy document of every snapshot byte for byte as stored", async () => {
    for (const id of snapshotIds()) {
      for (const [path, file] of [["/version", "version.json"], ["/", "root.json"], ["/api", "api.json"], ["/api/v1", "api/v1.json"], ["/apis", "apis.json"], ["/apis/apps", "apis/apps.json"], ["/apis/apps/v1", "apis/apps/v1.json"]]) {
        const res = await get(`/k8s/${id}${path}`, { accept: "application/json, */*" });
        expect(res.status, `${id} ${path}`).toBe(200);
        expect(res.headers.get("content-type")).toBe("application/json");
        expect(await res.text(), `${id} ${path}`).toBe(wire(id, file!));
      }
    }
  });
  it("treats a trailing slash as kube-apiserver does (/k8s/1.29/ is the root, /apis/ is /apis)", async () => {
    expect(await (await get("/k8s/1.29/")).text()).toBe(wire("1.29", "root.json"));
    expect(await (await get("/k8s/1.29")).text()).toBe(wire("1.29", "root.json"));
    expect(await (await get("/k8s/1.29/apis/")).text()).toBe(wire("1.29", "apis.json"));
  });
  it("ignores the query string kubectl appends (?timeout=32s)", async () => {
    expect(await (await get("/k8s/1.29/api/v1?timeout=32s")).text()).toBe(wire("1.29", "api/v1.json"));
  });
});

describe("version aliases", () => {
  it("resolves 1.29, v1.29, 1.29.2 and v1.29.2 to the same canonical snapshot", async () => {
    for (const alias of ["1.29", "v1.29", "1.29.2", "v1.29.2"]) {
      const res = await get(`/k8s/${alias}/version`);
      expect(res.status, alias).toBe(200);
      expect(res.headers.get("x-snapshot-id")).toBe("1.29");
      expect(await res.text()).toBe(wire("1.29", "version.json"));
    }
  });
  it("resolves latest to the newest release, with short caching", async () => {
    const ids = snapshotIds().filter((id) => /^1\.\d+$/.test(id)).sort(compareSnapshotIds);
    const res = await get("/k8s/latest/apis");
    expect(res.headers.get("x-snapshot-id")).toBe(ids[ids.length - 1]);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
  });
  it("does not resolve a patch release the snapshot does not record", async () => {
    const res = await get("/k8s/1.29.3/version");
    expect(res.status).toBe(404);
  });
});

describe("aggregated discovery negotiation", () => {
  it("answers a v2-first client (kubectl 1.30+) with v2beta1 from a 1.28 snapshot", async () => {
    const res = await get("/k8s/1.28/apis", { accept: `${V2},${V2BETA1},application/json` });
    expect(res.headers.get("content-type")).toBe(V2BETA1);
    expect(await res.text()).toBe(wire("1.28", "aggregated/v2beta1/apis.json"));
  });
  it("answers a v2-first client with v2 from 1.30", async () => {
    const res = await get("/k8s/1.30/api", { accept: `${V2},${V2BETA1},application/json` });
    expect(res.headers.get("content-type")).toBe(V2);
    expect(await res.text()).toBe(wire("1.30", "aggregated/v2/api.json"));
  });
  it("answers a v2beta1-only client (kubectl 1.29 and older) with legacy JSON from 1.33", async () => {
    const res = await get("/k8s/1.33/apis", { accept: `${V2BETA1},application/json` });
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.text()).toBe(wire("1.33", "apis.json"));
  });
  it("never answers aggregated from 1.26", async () => {
    const res = await get("/k8s/1.26/apis", { accept: `${V2},${V2BETA1},application/json` });
    expect(res.headers.get("content-type")).toBe("application/json");
  });
  it("does not care about parameter order or extra spaces", async () => {
    const res = await get("/k8s/1.31/apis", { accept: "application/json; as=APIGroupDiscoveryList; v=v2; g=apidiscovery.k8s.io, application/json" });
    expect(res.headers.get("content-type")).toBe(V2);
  });
  it("honours q-values before list order", async () => {
    const res = await get("/k8s/1.31/apis", { accept: `${V2};q=0.5, application/json` });
    expect(res.headers.get("content-type")).toBe("application/json");
  });
  it("answers 406 with a Status when no offered media type is served", async () => {
    const res = await get("/k8s/1.26/apis", { accept: V2 });
    expect(res.status).toBe(406);
    expect(await res.json()).toMatchObject({ kind: "Status", apiVersion: "v1", status: "Failure", reason: "NotAcceptable", code: 406 });
    expect((await get("/k8s/1.29/apis/apps/v1", { accept: "application/yaml" })).status).toBe(406);
    expect((await get("/k8s/1.29/apis/apps/v1", { accept: "application/vnd.kubernetes.protobuf" })).status).toBe(406);
  });
  it("varies every discovery answer on Accept", async () => {
    for (const path of ["/apis", "/api/v1", "/version"]) expect((await get(`/k8s/1.29${path}`)).headers.get("vary"), path).toBe("Accept");
  });
});

describe("caching", () => {
  it("sends a strong ETag and answers If-None-Match with 304 and no body", async () => {
    const first = await get("/k8s/1.29/apis/apps/v1");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const again = await get("/k8s/1.29/apis/apps/v1", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
  });
  it("gives each negotiated form its own ETag", async () => {
    const legacy = await get("/k8s/1.30/apis", { accept: "application/json" });
    const v2 = await get("/k8s/1.30/apis", { accept: V2 });
    expect(legacy.headers.get("etag")).not.toBe(v2.headers.get("etag"));
  });
});

describe("errors", () => {
  const expectStatus = async (res: Response, code: number, reason: string) => {
    expect(res.status).toBe(code);
    expect(res.headers.get("content-type")).toBe("application/json");
    const body = await res.json() as Record<string, unknown>;
    expect(body).toMatchObject({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", reason, code });
    expect(typeof body.message).toBe("string");
    return body;
  };
  it("answers an unknown version with 404 naming the known snapshots", async () => {
    const body = await expectStatus(await get("/k8s/1.99/api"), 404, "NotFound");
    expect(body.message).toContain("1.29");
  });
  it("answers an unknown group, group-version or path with 404", async () => {
    await expectStatus(await get("/k8s/1.29/apis/nope.example.com"), 404, "NotFound");
    await expectStatus(await get("/k8s/1.29/apis/apps/v1beta1"), 404, "NotFound");
    await expectStatus(await get("/k8s/1.22/apis/extensions/v1beta1"), 404, "NotFound");
    await expectStatus(await get("/k8s/1.29/openapi/v2"), 404, "NotFound");
    await expectStatus(await get("/nothing-here"), 404, "NotFound");
  });
  it("answers a path the snapshot lacks with 404 whatever the Accept header (kubectl explain asks for protobuf OpenAPI)", async () => {
    for (const accept of ["application/com.github.proto-openapi.spec.v3@v1.0+protobuf", "application/json", "application/yaml", "text/html"]) {
      await expectStatus(await get("/k8s/1.29/openapi/v3", { accept }), 404, "NotFound");
      await expectStatus(await get("/k8s/1.29/apis/nope.example.com/v1", { accept }), 404, "NotFound");
    }
  });
  it("answers a malformed version with 400", async () => {
    await expectStatus(await get("/k8s/1.29%20OR%201/api"), 400, "BadRequest");
  });
  it("answers a path with malformed percent-encoding with 400", async () => {
    await expectStatus(await get("/k8s/1.29/apis/%E0%A4%A"), 400, "BadRequest");
    await expectStatus(await get("/k8s/%ZZ/apis"), 400, "BadRequest");
  });
  it("answers other methods with 405 and Allow", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const res = await get("/k8s/1.29/apis", {}, method);
      await expectStatus(res, 405, "MethodNotAllowed");
      expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    }
  });
});

describe("HEAD, CORS and the service endpoints", () => {
  it("answers HEAD with the GET headers and no body", async () => {
    const res = await get("/k8s/1.29/apis", {}, "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toMatch(/^"/);
    expect(await res.text()).toBe("");
  });
  it("allows any origin to read, and answers preflight", async () => {
    const res = await get("/k8s/1.29/apis", { origin: "https://docs.example" });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const pre = await get("/k8s/1.29/apis", { origin: "https://docs.example", "access-control-request-method": "GET" }, "OPTIONS");
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-methods")).toContain("HEAD");
  });
  it("sends the same CORS headers on a document, its 304, a 404 Status and a preflight", async () => {
    const cors = (res: Response) => [...res.headers].filter(([k]) => k.startsWith("access-control-"));
    const doc = await get("/k8s/1.29/apis/apps/v1");
    const answers = [
      await get("/k8s/1.29/apis/apps/v1", { "if-none-match": doc.headers.get("etag")! }),
      await get("/k8s/1.29/apis/no.such.group/v1"),
      await get("/k8s/1.29/apis/apps/v1", { origin: "https://docs.example", "access-control-request-method": "GET" }, "OPTIONS"),
    ];
    expect(answers.map((r) => r.status)).toEqual([304, 404, 204]);
    expect(cors(doc)).toHaveLength(5);
    for (const res of answers) expect(cors(res)).toEqual(cors(doc));
  });
  it("lists the snapshots at /v1/versions with aliases and counts", async () => {
    const res = await get("/v1/versions");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    const body = await res.json() as { kind: string; items: { id: string; patch: string; aliases: string[]; counts: { groups: number } }[] };
    expect(body.kind).toBe("SnapshotList");
    expect(body.items.map((i) => i.id)).toEqual(snapshotIds().sort(compareSnapshotIds));
    expect(body.items.find((i) => i.id === "1.29")!.aliases).toEqual(["1.29", "v1.29", "1.29.2", "v1.29.2"]);
    expect(body.items.find((i) => i.id === "1.29")!.counts.groups).toBeGreaterThan(15);
    expect(body.items.find((i) => i.id === "1.29")!.patch).toBe("1.29.2");
  });
  it("answers /healthz", async () => {
    expect(await (await get("/healthz")).text()).toBe("ok\n");
  });
});
