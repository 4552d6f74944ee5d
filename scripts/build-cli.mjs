#!/usr/bin/env node
// npm run build: bundles the kds CLI (src/cli/bin.ts and everything it imports) into plain
// JavaScript under dist/cli/, so the installed command starts without compiling TypeScript,
// and writes dist/cli/snapshots.json: the bundled snapshots' manifests and discovery models
// (validated here, once), so a check reads one file instead of every discovery document.
// Runs on `npm install` in a clone (prepare) and before `npm pack` (prepack).
import { build } from "esbuild";
import { chmodSync, rmSync, writeFileSync } from "node:fs";
import { tsImport } from "tsx/esm/api";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${root}dist/cli`;
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { kds: "src/cli/bin.ts" },
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  // Dynamic imports (kds capture's HTTP/TLS client) become chunks loaded only when used.
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  banner: { js: "#!/usr/bin/env node" },
  logLevel: "warning",
});
// Executable, so tests and `./dist/cli/kds.mjs` start it through its shebang as npm's bin link does.
chmodSync(`${outdir}/kds.mjs`, 0o755);

const { bundleOfFolder } = await tsImport("../src/cli/snapshot-store.ts", import.meta.url);
writeFileSync(`${outdir}/snapshots.json`, JSON.stringify(await bundleOfFolder(`${root}snapshots`)));
