// A publish stopped at any point (seeded, several points) leaves every reader served one whole
// snapshot set, the one before or the one being published, never a mix; run again, it finishes.
// The stop is injected between single KV writes (each KV write is atomic per key, so a killed
// process leaves the store in one of exactly these states).
import { describe, expect, it } from "vitest";
import { buildKvEntries, type KvEntry } from "../../src/store/entries";
import type { PublishTarget } from "../../src/store/publish";
import { expectedServing, filesOf, kvTarget, publish, rebuilt, served } from "./lib/publish";

class Stopped extends Error {}

/** The real KV target, stopping for good after `budget` single writes or deletes. */
function stoppingAfter(budget: number): PublishTarget {
  const kv = kvTarget();
  const spend = () => { if (budget-- <= 0) throw new Stopped(); };
  return {
    keys: () => kv.keys(),
    get: (key) => kv.get(key),
    async put(entries: KvEntry[]) { for (const e of entries) { spend(); await kv.put([e]); } },
    async delete(keys: string[]) { for (const k of keys) { spend(); await kv.delete([k]); } },
  };
}

/** Seeded, so a failure names the point to replay. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


describe("an interrupted publish", () => {
  it.each([1, 2, 3, 4, 5, 6])("serves the old or the new snapshots whole wherever it stops (seed %i)", async (seed) => {
    const keys = await kvTarget().keys();
    await kvTarget().delete([...keys]);
    // Three generations, so that the interrupted one also deletes what the first alone named.
    const first = filesOf("1.27", "1.28"), old = filesOf("1.28", "1.29");
    const next = await rebuilt(filesOf("1.29", "1.30"), "1.29", "apis/apps/v1.json");
    await publish(first);
    await publish(old);
    const before = await served();
    expect(before).toEqual(await expectedServing(old));

    // Writes of the new values, the catalog, then deletes: stop anywhere among them, or not at all.
    const operations = (await buildKvEntries(next)).length + (await kvTarget().keys()).size;
    const stopAt = Math.floor(mulberry32(seed)() * (operations + 1));
    await publish(next, stoppingAfter(stopAt)).catch((e) => { if (!(e instanceof Stopped)) throw e; });
    const during = await served();
    expect([before.generation, (await expectedServing(next)).generation], `stopped after ${stopAt} of ${operations}`).toContain(during.generation);
    expect(during, `stopped after ${stopAt} of ${operations}`).toEqual(during.generation === before.generation ? before : await expectedServing(next));

    await publish(next);
    expect(await served()).toEqual(await expectedServing(next));
  }, 120_000);
});
