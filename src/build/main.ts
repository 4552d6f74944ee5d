// npm run snapshots:build -- [--reference <dir>] [--out <dir>] [--captured <dir>]
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeSnapshot } from "../snapshot/fs";
import { toFile } from "../snapshot/wire";
import { buildAll } from "./build";
import { capturedReleases, type CapturedRelease } from "./captured";
import { fieldTries } from "./fields/build-field-index";
import { FIELD_INDEX_UNKNOWN, fieldIndexFile } from "./fields/field-index-file";
import { loadFieldTrees } from "./fields/field-trees";
import { loadReference } from "./reference";

const { values } = parseArgs({ options: { reference: { type: "string", default: "../shared/k8s-reference" }, out: { type: "string", default: "snapshots" }, captured: { type: "string" } } });
const out = resolve(values.out!);
const ref = loadReference(resolve(values.reference!));
const result = buildAll(ref);
const fieldTrees = loadFieldTrees(resolve(values.reference!));
const tries = fieldTries(fieldTrees);
const captured = values.captured ? await capturedReleases(resolve(values.captured)) : new Map<string, CapturedRelease>();
mkdirSync(out, { recursive: true });
for (const s of result.snapshots) {
  const real = captured.get(s.minor);
  if (real) process.stderr.write(`${s.minor}: from the capture ${real.manifest.id}\n`);
  const base = real?.manifest ?? s.manifest;
  const fields = await fieldIndexFile(tries, fieldTrees, s.minor);
  const withFields = { ...base, id: s.minor, unknown: [...base.unknown, ...FIELD_INDEX_UNKNOWN], fields: fields.entry };
  const manifest = await writeSnapshot(join(out, s.minor), withFields, real?.docs ?? s.docs, [{ file: fields.entry.file, text: fields.text }]);
  const counts = manifest.documents.length;
  process.stderr.write(`${s.minor}: ${counts} documents, ${s.decisions.filter((d) => d.served).length} served kinds, ${manifest.unknown.length} unknown fields, field index ${fields.entry.bytes} bytes\n`);
}
writeFileSync(join(out, "lifecycle.json"), toFile(result.lifecycle));
process.stderr.write(`lifecycle.json: ${result.lifecycle.entries.length} entries, ${result.lifecycle.disagreements.length} Pluto disagreements\n`);
process.stderr.write(`default-on betas introduced after 1.23 (from captures): ${[...result.defaultOnBetas].map(([gv, m]) => `${gv} (seen ${m})`).join(", ") || "none"}\n`);
