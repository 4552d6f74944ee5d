// Test access to the bundled snapshots and the public reference they are built from.
import { join, resolve } from "node:path";
import type { GroupModel } from "../../../src/discovery/model";
import { loadReference, type Reference } from "../../../src/build/reference";
import { documentKey, type DocumentForm } from "../../../src/snapshot/documents";
import { modelOfDocuments } from "../../../src/snapshot/model";
import { listSnapshotIds, loadSnapshot, type LoadedSnapshot } from "../../../src/snapshot/fs";

export const REPO = resolve(import.meta.dirname, "../../..");
export const SNAPSHOTS_DIR = join(REPO, "snapshots");
export const REFERENCE_DIR = resolve(process.env.KDS_REFERENCE ?? join(REPO, "../shared/k8s-reference"));

let reference: Reference | undefined;
export function reference_(): Reference {
  return (reference ??= loadReference(REFERENCE_DIR));
}

const loaded = new Map<string, Promise<LoadedSnapshot>>();
export function snapshot(id: string): Promise<LoadedSnapshot> {
  if (!loaded.has(id)) loaded.set(id, loadSnapshot(join(SNAPSHOTS_DIR, id)));
  return loaded.get(id)!;
}

export const snapshotIds = (): string[] => listSnapshotIds(SNAPSHOTS_DIR);

export function hasDoc(s: LoadedSnapshot, path: string, form: DocumentForm = "legacy"): boolean {
  return s.documents.has(documentKey({ path, form }));
}

/** A document's parsed body; throws when the snapshot lacks it. */
export function doc<T = any>(s: LoadedSnapshot, path: string, form: DocumentForm = "legacy"): T {
  const d = s.documents.get(documentKey({ path, form }));
  if (!d) throw new Error(`${s.manifest.id} has no ${form} ${path}`);
  return d.body as T;
}

export function model(s: LoadedSnapshot): GroupModel[] {
  return modelOfDocuments(s.documents);
}

/** Group/versions served by a snapshot, e.g. "apps/v1", "v1". */
export function servedGroupVersions(s: LoadedSnapshot): Set<string> {
  return new Set(model(s).flatMap((g) => g.versions.map((v) => (g.name ? `${g.name}/${v.version}` : v.version))));
}

/** Whether a snapshot serves kind at group/version. */
export function serves(s: LoadedSnapshot, group: string, version: string, kind: string): boolean {
  return model(s).some((g) => g.name === group && g.versions.some((v) => v.version === version && v.resources.some((r) => r.kind === kind)));
}
