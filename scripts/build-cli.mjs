#!/usr/bin/env node
// npm run build: bundles the kds CLI (src/cli/bin.ts and everything it imports, yaml and zod
// included) into plain JavaScript under dist/cli/, so the installed command compiles no
// TypeScript, resolves no packages at start-up and needs no runtime dependencies; the bundled
// packages' licences go to dist/cli/THIRD-PARTY-LICENSES.txt. It also writes
// dist/cli/snapshots.json: the bundled snapshots' manifests and discovery models (validated
// here, once), so a check reads one file instead of every discovery document.
// Runs on `npm install` in a clone (prepare) and before `npm pack` (prepack).
import { build } from "esbuild";
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tsImport } from "tsx/esm/api";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${root}dist/cli`;
rmSync(outdir, { recursive: true, force: true });
const result = await build({
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
  // yaml is CommonJS and requires Node built-ins; an ES module has no require of its own.
  banner: { js: '#!/usr/bin/env node\nimport { createRequire as kdsCreateRequire } from "node:module";\nconst require = kdsCreateRequire(import.meta.url);' },
  metafile: true,
  logLevel: "warning",
});

// Paths are relative to the root, or lead out of it where node_modules is a symbolic link.
const packages = [...new Set(Object.keys(result.metafile.inputs).flatMap((f) => /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1] ?? []))].sort();
writeFileSync(`${outdir}/THIRD-PARTY-LICENSES.txt`, packages.map((name) => {
  const dir = `${root}node_modules/${name}`;
  const { version, license } = JSON.parse(readFileSync(`${dir}/package.json`, "utf8"));
  const file = readdirSync(dir).find((f) => /^licen[cs]e(\.md|\.txt)?$/i.test(f));
  if (!file) throw new Error(`${name} has no licence file to ship with the bundle`);
  return `${name} ${version} (${license})\n\n${readFileSync(`${dir}/${file}`, "utf8").trim()}\n`;
}).join("\n" + "-".repeat(72) + "\n\n"));
// Executable, so tests and `./dist/cli/kds.mjs` start it through its shebang as npm's bin link does.
chmodSync(`${outdir}/kds.mjs`, 0o755);

const { bundleOfFolder } = await tsImport("../src/cli/snapshot-store.ts", import.meta.url);
writeFileSync(`${outdir}/snapshots.json`, JSON.stringify(await bundleOfFolder(`${root}snapshots`)));
