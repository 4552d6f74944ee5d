// Workers KV key layout, shared by the seeder/publisher (Node) and the worker. Every value but the
// catalog is content-addressed (its key holds the sha256 of its bytes), so a publish never
// overwrites a value a reader may be using: it adds the new values, confirms them, then writes
// the catalog that names them, alone and last.
//   catalog               -> Catalog JSON (snapshot list, aliases, the sha256 of every value below)
//   doc/<sha256>          -> wire bytes of one discovery document
//   index/<sha256>        -> JSON GroupModel[] of a snapshot (diff, check, timelines)
//   lifecycle/<sha256>    -> LifecycleTable JSON
//   fields/<sha256>       -> FieldIndex JSON of a built release (field checks, field diffs)
import type { Catalog } from "./catalog";

export const CATALOG_KEY = "catalog";

export function documentKvKey(sha256: string): string {
  return `doc/${sha256}`;
}

export function indexKvKey(sha256: string): string {
  return `index/${sha256}`;
}

export function lifecycleKvKey(sha256: string): string {
  return `lifecycle/${sha256}`;
}

export function fieldsKvKey(sha256: string): string {
  return `fields/${sha256}`;
}

/** Every key a catalog names: what must be in KV before it is written, and kept while readers may hold it. */
export function keysNamedBy(catalog: Catalog): Set<string> {
  const keys = new Set<string>();
  for (const s of catalog.snapshots) {
    for (const sha of Object.values(s.documents)) keys.add(documentKvKey(sha));
    keys.add(indexKvKey(s.index));
    if (s.fields) keys.add(fieldsKvKey(s.fields));
  }
  if (catalog.lifecycle) keys.add(lifecycleKvKey(catalog.lifecycle));
  return keys;
}
