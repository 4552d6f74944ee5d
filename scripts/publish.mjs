#!/usr/bin/env node
// npm run publish [-- --dry-run]: uploads every bundled snapshot to the real KV namespace
// (wrangler.toml binding SNAPSHOTS) with one `wrangler kv bulk put --remote`, then `wrangler deploy`
// ships the worker. --dry-run writes the bulk file (dist/kv-bulk.json) and uploads nothing.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dryRun = process.argv.includes("--dry-run");
const { buildKvEntries } = await tsImport("../src/store/entries.ts", import.meta.url);
const { readSnapshotFiles } = await tsImport("../src/store/files.ts", import.meta.url);

const entries = await buildKvEntries(readSnapshotFiles(join(root, "snapshots")));
// Documents and indexes first, the catalog last: readers never see a catalog naming missing documents.
entries.sort((a, b) => Number(a.key === "catalog") - Number(b.key === "catalog"));
const out = join(root, "dist", "kv-bulk.json");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(entries));
console.log(`${out}: ${entries.length} KV entries`);
if (dryRun) process.exit(0);

const wrangler = join(root, "node_modules", ".bin", "wrangler");
const r = spawnSync(wrangler, ["kv", "bulk", "put", out, "--binding", "SNAPSHOTS", "--remote"], { cwd: root, stdio: "inherit" });
process.exit(r.status ?? 1);
