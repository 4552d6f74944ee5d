// Diffs are pure functions of two immutable snapshots, so each is computed once per isolate,
// keyed by the catalog generation (which changes on every publish); /v1/diff and the diff pages share it.
import { diffSnapshots } from "../diff/diff";
import type { SnapshotDiff } from "../diff/types";
import { fieldChangesOf, type KindFieldChanges } from "../fields/field-diff";
import { remember } from "../lib/bounded-cache";
import type { KvSnapshots } from "./routes/kv-snapshots";

const computed = new Map<string, SnapshotDiff>();
const computedFields = new Map<string, KindFieldChanges[]>();
const COMPUTED_LIMIT = 256;

/** The cache key of a diff: it names the generation, both snapshot ids and the group ("*" for all). */
export async function diffKey(store: KvSnapshots, from: string, to: string, group: string | null): Promise<string> {
  return [(await store.catalog()).generation, from, to, group ?? "*"].join("\n");
}

export async function cachedDiff(store: KvSnapshots, key: string, from: string, to: string, group: string | null): Promise<{ diff: SnapshotDiff; hit: boolean }> {
  const hit = computed.get(key);
  if (hit) return { diff: hit, hit: true };
  const diff = diffSnapshots(await store.index(from), await store.index(to), { group });
  return { diff: remember(computed, COMPUTED_LIMIT, key, diff), hit: false };
}

/** The field changes of the diff named by `key`, computed once like the diff itself. */
export async function cachedFieldChanges(store: KvSnapshots, key: string, from: string, to: string, group: string | null): Promise<KindFieldChanges[]> {
  const hit = computedFields.get(key);
  if (hit) return hit;
  const changes = await fieldChangesOf(store, await store.index(from), await store.index(to), group);
  return remember(computedFields, COMPUTED_LIMIT, key, changes);
}
