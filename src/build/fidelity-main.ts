// npm run snapshots:fidelity -- [--reference <dir>] [--snapshots <dir>]
// Prints, per release, how many capture rows the bundled snapshot matches (releases with a
// capture), then how many values each snapshot leaves unknown or fills by inference, by kind.
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { listSnapshotIds, loadSnapshot } from "../snapshot/fs";
import { modelOfDocuments } from "../snapshot/model";
import { compareWithCapture, countByKind } from "./fidelity";
import { loadReference } from "./reference";

const { values } = parseArgs({ options: { reference: { type: "string", default: "../shared/k8s-reference" }, snapshots: { type: "string", default: "snapshots" } } });
const ref = loadReference(resolve(values.reference!));
const dir = resolve(values.snapshots!);
let total = 0, matching = 0, failed = false;
for (const [minor, rows] of ref.captures) {
  const snap = await loadSnapshot(join(dir, minor));
  const r = compareWithCapture(minor, modelOfDocuments(snap.documents), rows);
  total += r.captureRows; matching += r.matching;
  const ok = r.matching === r.captureRows && r.extra.length === 0;
  failed ||= !ok;
  console.log(`${minor}  ${String(r.matching).padStart(3)}/${r.captureRows} rows match${r.extra.length ? `, ${r.extra.length} extra` : ""}${ok ? "" : "  MISMATCH"}`);
  for (const line of [...r.missing.map((m) => `  missing: ${m}`), ...r.differing.map((d) => `  differs: ${d}`), ...r.extra.map((e) => `  extra:   ${e}`)]) console.log(line);
}
console.log(`total  ${matching}/${total} capture rows match\n`);

const unknownTotals = new Map<string, number>();
let unknownAll = 0, inferredAll = 0;
console.log("release  unknown  inferred  unknown by kind");
for (const id of listSnapshotIds(dir)) {
  const { manifest } = await loadSnapshot(join(dir, id));
  const byKind = countByKind(manifest.unknown);
  for (const [k, n] of byKind) unknownTotals.set(k, (unknownTotals.get(k) ?? 0) + n);
  unknownAll += manifest.unknown.length;
  inferredAll += manifest.inferred?.length ?? 0;
  console.log(`${id.padEnd(8)} ${String(manifest.unknown.length).padStart(7)}  ${String(manifest.inferred?.length ?? 0).padStart(8)}  ${[...byKind].map(([k, n]) => `${k} ${n}`).join(", ")}`);
}
console.log(`total    ${String(unknownAll).padStart(7)}  ${String(inferredAll).padStart(8)}  ${[...unknownTotals].sort(([, a], [, b]) => b - a).map(([k, n]) => `${k} ${n}`).join(", ")}`);
process.exitCode = failed ? 1 : 0;
