import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { Status } from "../../src/discovery/types";
import { SnapshotDiff } from "../../src/diff/types";
import { Catalog } from "../../src/store/catalog";
import { indexKvKey } from "../../src/store/keys";
import { seedSnapshots } from "./lib/seed";
import { fetchWorker } from "./lib/fetch-worker";
import manifest137 from "../../snapshots/1.37/manifest.json";

beforeAll(async () => { await seedSnapshots(); });
const get = (path: string, init?: RequestInit) => fetchWorker(`https://kds.test${path}`, init);

describe("GET /v1/diff", () => {
  it("lists policy/v1beta1 and batch/v1beta1 among the removals of 1.24 -> 1.25", async () => {
    const res = await get("/v1/diff?from=1.24&to=1.25");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    const d = SnapshotDiff.parse(await res.json());
    expect(d.groupVersionsRemoved).toEqual(expect.arrayContaining(["policy/v1beta1", "batch/v1beta1"]));
    expect(d.direction).toBe("upgrade");
  });

  it("names beside the changes of 1.36 -> 1.37 the resources 1.37's manifest leaves open, in every format", async () => {
    const open = manifest137.unknown.filter((u) => "kind" in u);
    expect(open.length).toBeGreaterThan(0);
    const d = SnapshotDiff.parse(await (await get("/v1/diff?from=1.36&to=1.37")).json());
    expect(d.unknownResources).toEqual(open.map((u) => ({ snapshot: "1.37", groupVersion: u.document.replace(/^\/apis?\//, ""), resource: u.field, kind: (u as { kind: string }).kind, reason: u.reason })));
    const text = await (await get("/v1/diff?from=1.36&to=1.37&format=text")).text();
    expect(text).toContain(`  ? certificates.k8s.io/v1 podcertificaterequests (PodCertificateRequest): whether 1.37 serves it is not established: ${open[0]!.reason}\n`);
    expect(await (await get("/v1/diff?from=1.36&to=1.37&format=markdown")).text()).toContain("### Not established");
    const narrowed = SnapshotDiff.parse(await (await get("/v1/diff?from=1.36&to=1.37&group=apps")).json());
    expect(narrowed.unknownResources).toEqual([]);
    const itself = SnapshotDiff.parse(await (await get("/v1/diff?from=1.37&to=1.37")).json());
    expect(itself.unknownResources).toEqual(d.unknownResources);
  });

  it("is empty, not an error, for a snapshot with itself", async () => {
    const d = SnapshotDiff.parse(await (await get("/v1/diff?from=1.29&to=1.29")).json());
    expect([d.groupVersionsAdded, d.groupVersionsRemoved, d.resources, d.preferredVersionChanges]).toEqual([[], [], [], []]);
  });

  it("reads from later than to as a downgrade", async () => {
    const d = SnapshotDiff.parse(await (await get("/v1/diff?from=1.25&to=1.24")).json());
    expect(d.direction).toBe("downgrade");
    expect(d.groupVersionsAdded).toEqual(expect.arrayContaining(["batch/v1beta1"]));
  });

  it("narrows to one group, core included", async () => {
    const d = SnapshotDiff.parse(await (await get("/v1/diff?from=1.24&to=1.25&group=batch")).json());
    expect(d.group).toBe("batch");
    expect(d.groupVersionsRemoved).toEqual(["batch/v1beta1"]);
    expect(SnapshotDiff.parse(await (await get("/v1/diff?from=1.24&to=1.25&group=core")).json()).group).toBe("");
  });

  it("renders markdown and text", async () => {
    const md = await get("/v1/diff?from=1.24&to=1.25&format=markdown");
    expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(await md.text()).toContain("| `batch/v1beta1` | cronjobs | CronJob |");
    const text = await get("/v1/diff?from=1.24&to=1.25&format=text");
    expect(await text.text()).toContain("batch/v1beta1:\n  - cronjobs (CronJob)");
  });

  it("accepts aliases", async () => {
    const d = SnapshotDiff.parse(await (await get("/v1/diff?from=v1.24&to=latest")).json());
    expect(d.from.id).toBe("1.24");
    expect(d.to.id).not.toBe("latest");
  });

  it("computes a diff once and answers revalidation with 304", async () => {
    const first = await get("/v1/diff?from=1.26&to=1.28&format=text");
    const second = await get("/v1/diff?from=1.26&to=1.28&format=markdown");
    expect([first.headers.get("x-kds-diff-cache"), second.headers.get("x-kds-diff-cache")]).toEqual(["miss", "hit"]);
    const etag = first.headers.get("etag")!;
    expect(second.headers.get("etag")).not.toBe(etag);
    const again = await get("/v1/diff?from=1.26&to=1.28&format=text", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
  });

  it("answers 404 Status listing the known snapshots for an unknown id", async () => {
    const res = await get("/v1/diff?from=1.24&to=9.99");
    expect(res.status).toBe(404);
    const s = Status.parse(await res.json());
    expect(s).toMatchObject({ code: 404, reason: "NotFound" });
    expect(s.message).toMatch(/^snapshot 9\.99 not found; known snapshots: 1\.19, /);
  });

  it("answers 400 Status for a missing parameter or an unknown format, in words a person can act on", async () => {
    const messages: Record<string, string> = {
      "from=1.24": 'missing query parameter "to"',
      "to=1.25": 'missing query parameter "from"',
      "from=1.24&to=1.25&format=html": 'query parameter "format" must be one of json, markdown, text, not "html"',
      "from=&to=1.25": 'query parameter "from" is empty',
    };
    for (const [q, message] of Object.entries(messages)) {
      const res = await get(`/v1/diff?${q}`);
      expect(res.status, q).toBe(400);
      expect(Status.parse(await res.json()), q).toMatchObject({ reason: "BadRequest", message });
    }
  });

  it("answers 404 for a group neither snapshot serves, not an empty diff", async () => {
    const res = await get("/v1/diff?from=1.24&to=1.29&group=cert-manager.io");
    expect(res.status).toBe(404);
    expect(Status.parse(await res.json()).message).toBe("neither 1.24 nor 1.29 serves group cert-manager.io");
    expect((await get("/v1/diff?from=1.25&to=1.26&group=flowcontrol.apiserver.k8s.io")).status).toBe(200);
  });

  it("answers 405 to other methods", async () => {
    expect((await get("/v1/diff?from=1.24&to=1.25", { method: "POST" })).status).toBe(405);
  });

  it("answers 503 Status, not a stack trace, when a stored index is invalid", async () => {
    const { index } = Catalog.parse(JSON.parse((await env.SNAPSHOTS.get("catalog"))!)).snapshots.find((s) => s.id === "1.20")!;
    await env.SNAPSHOTS.put(indexKvKey(index), JSON.stringify([{ name: 5 }]));
    const res = await get("/v1/diff?from=1.20&to=1.21");
    expect(res.status).toBe(503);
    expect(Status.parse(await res.json()).message).toBe(`the stored index/${index} differs from its sha256; publish the snapshots again`);
  });
});
