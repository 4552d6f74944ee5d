// Real captures as the strongest source: a `kds capture` of a release replaces the build's own
// result for that release whole (documents and all), with a note saying where it came from.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { listSnapshotIds, loadSnapshot, type SnapshotDocument } from "../snapshot/fs";
import type { Manifest } from "../snapshot/manifest";

export interface CapturedRelease { manifest: Omit<Manifest, "documents">; docs: SnapshotDocument[] }

/** Captures under dir (one folder each, as `kds capture --out` writes them), by the minor they describe. */
export async function capturedReleases(dir: string): Promise<Map<string, CapturedRelease>> {
  const found = new Map<string, CapturedRelease>();
  for (const id of listSnapshotIds(dir)) {
    if (!existsSync(join(dir, id, "manifest.json"))) continue;
    const snap = await loadSnapshot(join(dir, id));
    const { documents: _entries, ...manifest } = snap.manifest;
    if (manifest.provenance.kind !== "captured") continue;
    const minor = manifest.kubernetesVersion;
    if (found.has(minor)) throw new Error(`${dir}: two captures of ${minor} (${found.get(minor)!.manifest.id} and ${id}); keep one`);
    found.set(minor, {
      manifest: { ...manifest, notes: [`Taken whole from the capture "${id}" of ${manifest.provenance.server} (${manifest.provenance.capturedAt}) in place of the build from the reference: a real server is the strongest source.`, ...manifest.notes] },
      docs: [...snap.documents.values()],
    });
  }
  return found;
}
