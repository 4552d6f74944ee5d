// --extra-snapshots N: a temporary snapshots folder holding the bundled snapshots plus N synthetic
// copies of one of them under new ids. The copies are labelled synthetic in their manifest
// (captured by "kds bench", a note saying so) and exist only in the temporary folder.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Manifest } from "../../src/snapshot/manifest";

export function withSyntheticSnapshots(snapshotsDir: string, copyOf: string, count: number): string {
  const dir = join(mkdtempSync(join(tmpdir(), "kds-bench-snapshots-")), "snapshots");
  cpSync(snapshotsDir, dir, { recursive: true });
  const original = Manifest.parse(JSON.parse(readFileSync(join(snapshotsDir, copyOf, "manifest.json"), "utf8")));
  for (let i = 1; i <= count; i++) {
    const id = `synthetic-${String(i).padStart(3, "0")}`;
    cpSync(join(snapshotsDir, copyOf), join(dir, id), { recursive: true });
    const manifest: Manifest = {
      ...original, id,
      provenance: { kind: "captured", server: `synthetic copy of ${copyOf}`, capturedAt: new Date(0).toISOString(), client: "kds bench" },
      notes: [`Synthetic: a copy of snapshot ${copyOf} made by npm run bench -- --extra-snapshots; not real data.`],
    };
    writeFileSync(join(dir, id, "manifest.json"), JSON.stringify(Manifest.parse(manifest), null, 2) + "\n");
  }
  return dir;
}
