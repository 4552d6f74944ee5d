// The local seeder behind `npm start`: writes the persisted KV that `wrangler dev` reads, skips
// the work when the snapshots are unchanged, and re-seeds (dropping stale keys) when they change.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { afterAll, describe, expect, it } from "vitest";
import { buildKvEntries } from "../../src/store/entries";
import { readSnapshotFiles } from "../../src/store/files";
import { KV_BINDING, KV_NAMESPACE_ID, seedLocalKv } from "../../src/store/seed-local";
import { SNAPSHOTS_DIR } from "./lib/snapshots";

const work = mkdtempSync(join(tmpdir(), "kds-seed-"));
const snapshots = join(work, "snapshots"), persist = join(work, "state");
for (const f of ["1.28", "1.29", "lifecycle.json"]) cpSync(join(SNAPSHOTS_DIR, f), join(snapshots, f), { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every key and value in the persisted namespace, read as wrangler dev would. */
async function storedKv(): Promise<Map<string, string>> {
  const mf = new Miniflare({ modules: true, script: "export default {}", kvNamespaces: { [KV_BINDING]: KV_NAMESPACE_ID }, kvPersist: `${persist}/v3/kv` });
  try {
    const kv = await mf.getKVNamespace(KV_BINDING);
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await kv.list({ cursor });
      names.push(...page.keys.map((k) => k.name));
      cursor = page.list_complete ? undefined : page.cursor;
    } while (cursor);
    return new Map(await Promise.all(names.map(async (n) => [n, (await kv.get(n, "text"))!] as const)));
  } finally {
    await mf.dispose();
  }
}

const expectedEntries = async () => new Map((await buildKvEntries(readSnapshotFiles(snapshots))).map((e) => [e.key, e.value]));

// The steps share one persisted store, in order: first start, unchanged restart, changed snapshots.
describe.sequential("seedLocalKv", () => {
  it("fills an empty store with exactly the entries built from the folder", async () => {
    const result = await seedLocalKv(snapshots, persist);
    expect(result).toMatchObject({ seeded: true, removed: 0 });
    expect(await storedKv()).toEqual(await expectedEntries());
  });
  it("leaves the store alone when the snapshots are unchanged", async () => {
    const result = await seedLocalKv(snapshots, persist);
    expect(result.seeded).toBe(false);
  });
  it("re-seeds when a snapshot is removed, keeping its values while the replaced catalog may still be read", async () => {
    const before = await storedKv();
    rmSync(join(snapshots, "1.28"), { recursive: true });
    const result = await seedLocalKv(snapshots, persist);
    expect(result).toMatchObject({ seeded: true, removed: 0 });
    const after = await storedKv();
    expect(JSON.parse(after.get("catalog")!).snapshots.map((s: { id: string }) => s.id)).toEqual(["1.29"]);
    for (const key of before.keys()) if (key !== "catalog") expect(after.get(key), key).toBe(before.get(key));
  });
  it("deletes values named by neither the new catalog nor the one it replaces, on the next publish", async () => {
    const named = await expectedEntries();
    const stale = [...(await storedKv()).keys()].filter((k) => !named.has(k));
    expect(stale.length).toBeGreaterThan(0); // 1.28's documents that 1.29 does not share
    writeFileSync(join(snapshots, "lifecycle.json"), readFileSync(join(snapshots, "lifecycle.json"), "utf8") + "\n");
    const result = await seedLocalKv(snapshots, persist);
    expect(result).toMatchObject({ seeded: true, removed: stale.length });
    expect(await storedKv()).toEqual(await expectedEntries());
  });
});
