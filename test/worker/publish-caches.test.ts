// What the worker keeps in isolate memory must follow a new publish: once the catalog's TTL has
// passed, every answer comes from the new catalog, never from caches built on the old one.
import { env, SELF } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { buildKvEntries } from "../../src/store/entries";
import type { APITimeline } from "../../src/timeline/timeline";
import { CATALOG_TTL_MS } from "../../src/worker/store";
import { SNAPSHOT_FILES, seedSnapshots } from "./lib/seed";

const get = (path: string) => SELF.fetch(`https://kds.test${path}`);
const servedIn = async (path: string) => ((await (await get(path)).json()) as APITimeline).versions[0]!.resources[0]!.servedIn;

async function publish(files: Record<string, string>): Promise<void> {
  const entries = await buildKvEntries(files);
  for (let i = 0; i < entries.length; i += 100) await Promise.all(entries.slice(i, i + 100).map((e) => env.SNAPSHOTS.put(e.key, e.value)));
}
const without = (id: string) => Object.fromEntries(Object.entries(SNAPSHOT_FILES).filter(([f]) => !f.startsWith(`${id}/`)));
/** Moves the worker's clock (same isolate as the test) past the catalog's TTL. */
function afterCatalogTtl(): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + CATALOG_TTL_MS + 1);
}

beforeAll(async () => { await seedSnapshots(); });
afterEach(() => { vi.useRealTimers(); });

describe.sequential("a new publish", () => {
  it("rebuilds the release history that checks and timelines use", async () => {
    expect(await servedIn("/v1/timeline/core/v1/pods")).toContain("1.37");
    await publish(without("1.37"));
    afterCatalogTtl();
    expect(await servedIn("/v1/timeline/core/v1/pods")).not.toContain("1.37");
  }, 60_000);
});
