#!/usr/bin/env node
// npm run publish [-- --dry-run | --local [--persist-to DIR]]: publishes every bundled snapshot to
// the KV namespace bound as SNAPSHOTS (wrangler.toml), safely (src/store/publish.ts): values are
// content-addressed and written first, in batches, with progress; once all are listed, the catalog
// is written alone and last; values neither the new nor the replaced catalog names are deleted
// after it. Interrupted, it can simply be run again: it writes only what is missing.
// --dry-run writes the entries (dist/kv-bulk.json, catalog last) and uploads nothing; --local
// publishes to the local store `wrangler dev` reads, through the same wrangler commands.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { tsImport } from "tsx/esm/api";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values: flags } = parseArgs({ options: { "dry-run": { type: "boolean" }, local: { type: "boolean" }, "persist-to": { type: "string" } } });
const { buildKvEntries } = await tsImport("../src/store/entries.ts", import.meta.url);
const { readSnapshotFiles } = await tsImport("../src/store/files.ts", import.meta.url);
const { publishEntries } = await tsImport("../src/store/publish.ts", import.meta.url);

const entries = await buildKvEntries(readSnapshotFiles(join(root, "snapshots")));
if (flags["dry-run"]) {
  const out = join(root, "dist", "kv-bulk.json");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(entries));
  console.log(`${out}: ${entries.length} KV entries`);
  process.exit(0);
}

const where = flags.local ? ["--local", ...(flags["persist-to"] ? ["--persist-to", flags["persist-to"]] : [])] : ["--remote"];
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
const scratch = mkdtempSync(join(tmpdir(), "kds-publish-"));

function wrangler(args) {
  const r = spawnSync(join(root, "node_modules", ".bin", "wrangler"), ["kv", ...args, "--binding", "SNAPSHOTS", ...where], { cwd: root, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`wrangler kv ${args.slice(0, 2).join(" ")} failed:\n${r.stderr || r.stdout}`);
  return r.stdout;
}
/** wrangler prints JSON after any banner it may print. */
const jsonOf = (text) => JSON.parse(text.slice(text.indexOf("[")));
let fileNo = 0;
function bulk(command, data) {
  const file = join(scratch, `${command}-${fileNo++}.json`);
  writeFileSync(file, JSON.stringify(data));
  wrangler(["bulk", command, file, ...(command === "delete" ? ["--force"] : [])]);
}

const list = () => new Set(jsonOf(wrangler(["key", "list"])).map((k) => k.name));
// Each wrangler call starts wrangler (and locally a workerd). publishEntries reads the old catalog
// and then lists what is stored; the listing get() took answers that next keys() call. Every other
// keys() lists afresh (remote listings lag writes).
let listedByGet = null;
const target = {
  keys: async () => { const keys = listedByGet ?? list(); listedByGet = null; return keys; },
  get: async (key) => ((listedByGet = list()).has(key) ? wrangler(["key", "get", key, "--text"]) : null),
  put: async (batch) => { listedByGet = null; bulk("put", batch); },
  delete: async (keys) => { listedByGet = null; bulk("delete", keys); },
};

try {
  const report = await publishEntries(target, entries, {
    progress: (line) => console.log(`publish: ${line}`),
    // One wrangler call per batch; remote listings may lag the writes by up to a minute.
    batch: 1000,
    confirmAttempts: flags.local ? 1 : 12,
  });
  console.log(`publish: done (${report.written} written, ${report.removed} removed, generation ${report.generation.slice(0, 12)})`);
} catch (e) {
  console.error(`publish: ${e.message}`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
