#!/usr/bin/env node
// npm start: seed the local persisted KV from snapshots/ (only when they changed), then run
// `wrangler dev` on 127.0.0.1:${PORT:-8787}. No Cloudflare account is needed.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.PORT ?? "8787";
const persistTo = join(root, ".wrangler", "state");
const { seedLocalKv } = await tsImport("../src/store/seed-local.ts", import.meta.url);

const seed = await seedLocalKv(join(root, "snapshots"), persistTo);
console.log(seed.seeded
  ? `Seeded local KV from snapshots/: ${seed.keys} keys (${seed.removed} stale removed).`
  : `Local KV already holds these snapshots (generation ${seed.generation.slice(0, 12)}).`);

const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
const wrangler = spawn(join(root, "node_modules", ".bin", "wrangler"),
  ["dev", "--ip", "127.0.0.1", "--port", port, "--persist-to", persistTo, "--show-interactive-dev-session=false"],
  { cwd: root, env, stdio: ["inherit", "pipe", "inherit"] });

const base = `http://127.0.0.1:${port}`;
let announced = false;
wrangler.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Ready on/.test(String(chunk))) {
    announced = true;
    console.log(`
Try:
  curl -i ${base}/k8s/1.29/apis/apps/v1
  curl -s ${base}/v1/versions
  curl -s ${base}/k8s/1.33/helm-api-versions
  curl -s -H 'Accept: application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList' ${base}/k8s/latest/apis
  kubectl --kubeconfig /dev/null --server ${base}/k8s/1.29 api-resources
`);
  }
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => wrangler.kill(signal));
wrangler.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
