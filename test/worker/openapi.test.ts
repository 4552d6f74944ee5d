// /v1/openapi.json: OpenAPI 3.1 generated from the zod schemas, covering every /v1 route the worker has.
import { beforeAll, describe, expect, it } from "vitest";
import app from "../../src/worker/index";
import { CheckQuery } from "../../src/worker/routes/check";
import { seedSnapshots } from "./lib/seed";
import { fetchWorker } from "./lib/fetch-worker";

interface Doc {
  openapi: string;
  paths: Record<string, Record<string, { parameters?: { name: string; in: string; required: boolean }[]; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, { type: string; required?: string[]; properties: Record<string, { const?: string }> }> };
}

let doc: Doc;
let res: Response;
beforeAll(async () => {
  await seedSnapshots();
  res = await fetchWorker("https://kds.test/v1/openapi.json");
  doc = await res.clone().json();
});

describe("GET /v1/openapi.json", () => {
  it("is an OpenAPI 3.1 JSON document", () => {
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(doc.openapi).toBe("3.1.0");
  });

  it("describes every /v1 route the worker serves, with its method", () => {
    const routes = app.routes.filter((r) => r.path.startsWith("/v1/") && ["GET", "POST"].includes(r.method));
    expect(routes.length).toBeGreaterThan(5);
    for (const r of routes) {
      const path = r.path.replace(/\/$/, "").replace(/:([a-z]+)/g, "{$1}");
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path}`).toBeDefined();
    }
  });

  it("takes query parameters from the routes' own zod schemas", () => {
    const diff = doc.paths["/v1/diff"]!.get!.parameters!;
    expect(diff.map((p) => [p.name, p.required])).toEqual([["from", true], ["to", true], ["group", false], ["format", false], ["fields", false]]);
    // A parameter added to the route's schema appears without touching the generator.
    expect(doc.paths["/v1/check"]!.post!.parameters!.map((p) => p.name)).toEqual(Object.keys(CheckQuery.shape));
    expect(Object.keys(CheckQuery.shape)).toEqual(expect.arrayContaining(["target", "source", "format", "fail-on", "fields"]));
    expect(doc.paths["/v1/timeline/{group}/{version}/{name}"]!.get!.parameters!.map((p) => p.name)).toEqual(["group", "version", "name", "format", "field"]);
    expect(doc.paths["/v1/timeline/{group}"]!.get!.parameters!.map((p) => p.name)).toEqual(["group", "format"]);
    expect(doc.paths["/v1/matrix"]!.get!.parameters!.map((p) => p.name)).toEqual(["view", "groups", "from", "to"]);
  });

  it("describes the responses with the schemas that shape them", async () => {
    const { SnapshotDiff, CheckResult, Status, APITimeline, SnapshotList } = doc.components.schemas;
    expect(SnapshotDiff!.properties.kind!.const).toBe("SnapshotDiff");
    expect(CheckResult!.required).toEqual(expect.arrayContaining(["targets", "objects", "errors", "summary"]));
    expect(Status!.properties.kind!.const).toBe("Status");
    expect(APITimeline!.properties.kind!.const).toBe("APITimeline");
    // The live answers carry exactly the properties the document lists.
    const versions = (await (await fetchWorker("https://kds.test/v1/versions")).json()) as { items: Record<string, unknown>[] };
    const item = (SnapshotList!.properties as unknown as { items: { items: { properties: Record<string, unknown> } } }).items.items;
    expect(Object.keys(versions.items[0]!).sort()).toEqual(Object.keys(item.properties).sort());
    const diff = (await (await fetchWorker("https://kds.test/v1/diff?from=1.24&to=1.25&fields=true")).json()) as Record<string, unknown>;
    expect(Object.keys(diff).sort()).toEqual(Object.keys(SnapshotDiff!.properties).sort());
  });
});
