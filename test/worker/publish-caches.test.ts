// What the worker keeps in isolate memory must follow a new publish: once the catalog's TTL has
// passed, every answer comes from the new catalog, never from caches built on the old one.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { APITimeline } from "../../src/timeline/timeline";
import { sha256Hex } from "../../src/snapshot/wire";
import { filesOf, pastCatalogTtl, publish, rebuilt } from "./lib/publish";
import { SNAPSHOT_FILES, snapshotIds } from "./lib/seed";
import { fetchWorker } from "./lib/fetch-worker";

const get = (path: string, headers: Record<string, string> = {}) => fetchWorker(`https://kds.test${path}`, { headers });
const servedIn = async (path: string) => ((await (await get(path)).json()) as APITimeline).versions[0]!.resources[0]!.servedIn;
const versions = async () => ((await (await get("/v1/versions")).json()) as { items: { id: string }[] }).items.map((i) => i.id);

beforeAll(async () => { await publish(SNAPSHOT_FILES); }, 60_000);
afterEach(() => { vi.useRealTimers(); });

describe.sequential("a new publish", () => {
  it("is read once the catalog's TTL has passed: the catalog is not kept forever", async () => {
    expect(await versions()).toContain("1.37");
    await publish(filesOf(...snapshotIds().filter((id) => id !== "1.37")));
    expect(await versions()).toContain("1.37"); // within the TTL, the isolate's catalog answers
    pastCatalogTtl();
    expect(await versions()).not.toContain("1.37");
  }, 60_000);

  it("rebuilds the release history that checks and timelines use", async () => {
    pastCatalogTtl();
    await publish(SNAPSHOT_FILES);
    pastCatalogTtl();
    expect(await servedIn("/v1/timeline/core/v1/pods")).toContain("1.37");
    await publish(filesOf(...snapshotIds().filter((id) => id !== "1.37")));
    pastCatalogTtl();
    expect(await servedIn("/v1/timeline/core/v1/pods")).not.toContain("1.37");
  }, 60_000);

  it("serves a republished document's new body under its new ETag, never the old body kept in isolate memory", async () => {
    const before = await get("/k8s/1.29/apis/apps/v1");
    const oldEtag = before.headers.get("etag")!, oldBody = await before.text();
    await publish(await rebuilt(filesOf(...snapshotIds()), "1.29", "apis/apps/v1.json"));
    pastCatalogTtl();
    const after = await get("/k8s/1.29/apis/apps/v1");
    const body = await after.text();
    expect(after.headers.get("etag")).not.toBe(oldEtag);
    expect(body).not.toBe(oldBody);
    expect(after.headers.get("etag")).toBe(`"${await sha256Hex(body)}"`);
    expect((await get("/k8s/1.29/apis/apps/v1", { "if-none-match": oldEtag })).status).toBe(200);
  }, 60_000);
});
