import { beforeAll, describe, expect, it } from "vitest";
import { Status } from "../../src/discovery/types";
import type { APITimeline } from "../../src/timeline/timeline";
import { seedSnapshots, snapshotIds } from "./lib/seed";
import { compareSnapshotIds } from "../../src/snapshot/ids";
import { fetchWorker } from "./lib/fetch-worker";

beforeAll(async () => { await seedSnapshots(); });
const get = (path: string) => fetchWorker(`https://kds.test${path}`);
const timeline = async (path: string) => (await (await get(path)).json()) as APITimeline;

describe("GET /v1/timeline", () => {
  it("tells until when extensions/v1beta1 Ingress was served, its removal and replacement", async () => {
    const t = await timeline("/v1/timeline/extensions/v1beta1/Ingress");
    const r = t.versions[0]!.resources[0]!;
    expect(r).toMatchObject({ resource: "ingresses", kind: "Ingress", lastServed: "1.21", notServedFrom: "1.22" });
    expect(r.lifecycle).toMatchObject({ removed: "1.22", replacement: { group: "networking.k8s.io", version: "v1", kind: "Ingress" } });
  });

  it("finds a resource by its plural and the core group as core", async () => {
    const t = await timeline("/v1/timeline/core/v1/pods");
    expect(t.group).toBe("");
    expect(t.versions[0]!.resources[0]!.servedIn).toEqual([...snapshotIds()].sort(compareSnapshotIds));
  });

  it("finds resources by kubectl's short names and plurals: ing, deploy, cronjobs", async () => {
    for (const [path, kind] of [["networking.k8s.io/v1/ing", "Ingress"], ["apps/v1/deploy", "Deployment"], ["batch/v1/cronjobs", "CronJob"], ["batch/v1/cj", "CronJob"]] as const) {
      const res = await get(`/v1/timeline/${path}`);
      expect(res.status, path).toBe(200);
      expect(((await res.json()) as APITimeline).versions[0]!.resources.map((r) => r.kind), path).toEqual([kind]);
    }
  });

  it("renders the diff's formats: markdown and text", async () => {
    const md = await get("/v1/timeline/extensions/v1beta1/ing?format=markdown");
    expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const body = await md.text();
    expect(body).toContain("| `extensions/v1beta1` | Ingress | ingresses | 1.19–1.21 | 1.22 | 1.14 | 1.22 | `networking.k8s.io/v1 Ingress` |");
    const text = await (await get("/v1/timeline/extensions/v1beta1/ing?format=text")).text();
    expect(text).toMatch(/^extensions\/v1beta1 +Ingress +1\.19–1\.21 +1\.22 +1\.14 +1\.22 +networking\.k8s\.io\/v1 Ingress$/m);
    const bad = await get("/v1/timeline/batch?format=html");
    expect(bad.status).toBe(400);
    expect(Status.parse(await bad.json()).message).toBe('query parameter "format" must be one of json, markdown, text, not "html"');
  });

  it("covers every version of a group", async () => {
    const t = await timeline("/v1/timeline/policy");
    expect(t.versions.map((v) => v.version)).toEqual(expect.arrayContaining(["v1", "v1beta1"]));
    expect(t.versions.find((v) => v.version === "v1beta1")!.notServedFrom).toBe("1.25");
  });

  it("answers 404 Status for a group or kind nothing knows", async () => {
    for (const path of ["/v1/timeline/cert-manager.io", "/v1/timeline/apps/v1/NoSuchKind"]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(Status.parse(await res.json()).reason).toBe("NotFound");
    }
  });
});
