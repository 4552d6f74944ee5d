// npm run snapshots:build -- [--reference <dir>] [--out <dir>]
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeSnapshot } from "../snapshot/fs";
import { toFile } from "../snapshot/wire";
import { buildAll } from "./build";
import { fieldTries } from "./fields/build-field-index";
import { FIELD_INDEX_UNKNOWN, fieldIndexFile } from "./fields/field-index-file";
import { loadFieldTrees } from "./fields/field-trees";
import { loadReference } from "./reference";

const { values } = parseArgs({ options: { reference: { type: "string", default: "../shared/k8s-reference" }, out: { type: "string", default: "snapshots" } } });
const out = resolve(values.out!);
const ref = loadReference(resolve(values.reference!));
const result = buildAll(ref);
const fieldTrees = loadFieldTrees(resolve(values.reference!));
const tries = fieldTries(fieldTrees);
mkdirSync(out, { recursive: true });
for (const s of result.snapshots) {
  const fields = await fieldIndexFile(tries, fieldTrees, s.minor);
  const withFields = { ...s.manifest, unknown: [...s.manifest.unknown, ...FIELD_INDEX_UNKNOWN], fields: fields.entry };
  const manifest = await writeSnapshot(join(out, s.minor), withFields, s.docs, [{ file: fields.entry.file, text: fields.text }]);
  const counts = manifest.documents.length;
  process.stderr.write(`${s.minor}: ${counts} documents, ${s.decisions.filter((d) => d.served).length} served kinds, ${manifest.unknown.length} unknown fields, field index ${fields.entry.bytes} bytes\n`);
}
writeFileSync(join(out, "lifecycle.json"), toFile(result.lifecycle));
process.stderr.write(`lifecycle.json: ${result.lifecycle.entries.length} entries, ${result.lifecycle.disagreements.length} Pluto disagreements\n`);
process.stderr.write(`default-on betas introduced after 1.23 (from captures): ${[...result.defaultOnBetas].map(([gv, m]) => `${gv} (seen ${m})`).join(", ") || "none"}\n`);
