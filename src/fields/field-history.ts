// A kind's fields in the newest release that has it, each with the first release (of those given)
// whose k8s.io/api has it: what a kind's page lists.
import type { SnapshotSource } from "../diff/snapshot-index";
import { fieldKindKey } from "./field-index";
import { fieldPaths } from "./field-paths";

export interface FieldSince { path: string; since: string }

/** `releases` oldest first; [] when no release has a field index for the kind. */
export async function fieldsSince(source: SnapshotSource, releases: string[], apiVersion: string, kind: string): Promise<FieldSince[]> {
  const key = fieldKindKey(apiVersion, kind);
  const first = new Map<string, string>();
  let newest: string[] = [];
  for (const id of releases) {
    const index = await source.fields(id);
    if (!index || index.kinds[key] === undefined) continue;
    newest = fieldPaths(index, key).map((f) => f.path);
    for (const path of newest) if (!first.has(path)) first.set(path, id);
  }
  return newest.map((path) => ({ path, since: first.get(path)! }));
}
