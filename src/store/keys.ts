// Workers KV key layout, shared by the seeder/publisher (Node) and the worker.
//   catalog                      -> Catalog JSON (snapshot list, aliases, per-document hashes)
//   doc/<id>/<form><path>        -> wire bytes of one discovery document (e.g. doc/1.29/legacy/apis/apps/v1)
//   index/<id>                   -> JSON GroupModel[] of the snapshot (diff, check, timelines)
//   lifecycle                    -> LifecycleTable JSON
//   fields/<id>                  -> FieldIndex JSON of a built release (field checks, field diffs)
import type { DocumentForm } from "../snapshot/documents";

export const CATALOG_KEY = "catalog";
export const LIFECYCLE_KEY = "lifecycle";

export function documentKvKey(id: string, form: DocumentForm, path: string): string {
  return `doc/${id}/${form}${path}`;
}

export function indexKvKey(id: string): string {
  return `index/${id}`;
}

export function fieldsKvKey(id: string): string {
  return `fields/${id}`;
}
