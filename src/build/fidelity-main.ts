// npm run snapshots:fidelity -- [--reference <dir>] [--snapshots <dir>]
// Prints, per release with a capture, how many capture rows the bundled snapshot matches.
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadSnapshot } from "../snapshot/fs";
import { modelOfDocuments } from "../snapshot/model";
import { compareWithCapture } from "./fidelity";
import { loadReference } from "./reference";

const { values } = parseArgs({ options: { reference: { type: "string", default: "../shared/k8s-reference" }, snapshots: { type: "string", default: "snapshots" } } });
const ref = loadReference(resolve(values.reference!));
let total = 0, matching = 0, failed = false;
for (const [minor, rows] of ref.captures) {
  const snap = await loadSnapshot(join(resolve(values.snapshots!), minor));
  const r = compareWithCapture(minor, modelOfDocuments(snap.documents), rows);
  total += r.captureRows; matching += r.matching;
  const ok = r.matching === r.captureRows && r.extra.length === 0;
  failed ||= !ok;
  console.log(`${minor}  ${String(r.matching).padStart(3)}/${r.captureRows} rows match${r.extra.length ? `, ${r.extra.length} extra` : ""}${ok ? "" : "  MISMATCH"}`);
  for (const line of [...r.missing.map((m) => `  missing: ${m}`), ...r.differing.map((d) => `  differs: ${d}`), ...r.extra.map((e) => `  extra:   ${e}`)]) console.log(line);
}
console.log(`total  ${matching}/${total} capture rows match`);
process.exitCode = failed ? 1 : 0;
