// The local seeder behind npm start: seeds once, skips unchanged snapshots, follows changes.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { seedLocalKv } from "../../src/store/seed-local";
import { SNAPSHOTS_DIR } from "./lib/snapshots";

it("seeds a persisted KV once, skips it while snapshots are unchanged, and re-seeds (dropping stale keys) when they change", async () => {
  const state = mkdtempSync(join(tmpdir(), "kds-seed-state-"));
  const snapshots = mkdtempSync(join(tmpdir(), "kds-seed-snapshots-"));
  cpSync(SNAPSHOTS_DIR, snapshots, { recursive: true });
  try {
    const first = await seedLocalKv(snapshots, state);
    expect(first).toMatchObject({ seeded: true, removed: 0 });
    expect(await seedLocalKv(snapshots, state)).toMatchObject({ seeded: false, generation: first.generation });
    rmSync(join(snapshots, "1.19"), { recursive: true });
    const third = await seedLocalKv(snapshots, state);
    expect(third.seeded).toBe(true);
    expect(third.generation).not.toBe(first.generation);
    expect(third.keys).toBeLessThan(first.keys);
    expect(third.removed).toBe(first.keys - third.keys);
  } finally {
    rmSync(state, { recursive: true, force: true });
    rmSync(snapshots, { recursive: true, force: true });
  }
});
