// `npm start` on a fresh checkout: seeds the persisted local KV from snapshots/, serves on
// $PORT and prints URLs that work; restarts reuse the KV unless the snapshots changed.
import { spawn, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { toWire } from "../../src/snapshot/wire";
import { freePort } from "../../scripts/bench/free-port";
import { REPO } from "./lib/snapshots";

// A checkout of the working tree as git sees it (tracked and new files, nothing ignored), with
// the installed node_modules linked in place of `npm install`.
const checkout = mkdtempSync(join(tmpdir(), "kds-checkout-"));
const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: REPO, encoding: "utf8" }).split("\0").filter(Boolean);
for (const f of files) {
  if (!existsSync(join(REPO, f))) continue;
  mkdirSync(dirname(join(checkout, f)), { recursive: true });
  cpSync(join(REPO, f), join(checkout, f));
}
symlinkSync(join(REPO, "node_modules"), join(checkout, "node_modules"));
afterAll(() => rmSync(checkout, { recursive: true, force: true }));

interface Started { url: string; output: () => string; stop: () => Promise<void> }

async function npmStart(): Promise<Started> {
  const port = await freePort();
  // Its own process group, so stopping it reaches npm, node scripts/dev.mjs, wrangler and workerd.
  const child = spawn("npm", ["start"], { cwd: checkout, env: { ...process.env, PORT: String(port) }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c) => { output += c; });
  child.stderr.on("data", (c) => { output += c; });
  const exited = new Promise<void>((ok) => child.on("exit", () => ok()));
  const stop = async () => { if (child.exitCode === null) process.kill(-child.pid!, "SIGTERM"); await exited; };
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240 && child.exitCode === null; i++) {
    if (output.includes("Try:")) return { url, output: () => output, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`npm start did not print its URLs:\n${output}`);
}

const snapshotFile = (id: string, file: string) => toWire(JSON.parse(readFileSync(join(checkout, "snapshots", id, file), "utf8")));

describe.sequential("npm start", () => {
  it("seeds the local KV from snapshots/, serves on $PORT and prints URLs that answer", async () => {
    const dev = await npmStart();
    try {
      expect(dev.output()).toMatch(/Seeded local KV from snapshots\/: \d+ keys/);
      expect(dev.output()).toContain(`Ready on ${dev.url}`);
      const urls = [...dev.output().matchAll(/curl .*?(http:\/\/\S+)/g)].map((m) => m[1]!);
      expect(urls.length).toBeGreaterThanOrEqual(3);
      for (const u of urls) expect((await fetch(u)).status, u).toBe(200);
      expect(await (await fetch(`${dev.url}/k8s/1.29/apis/apps/v1`)).text()).toBe(snapshotFile("1.29", "apis/apps/v1.json"));
    } finally {
      await dev.stop();
    }
  });

  it("keeps the persisted KV on a restart with unchanged snapshots", async () => {
    const dev = await npmStart();
    try {
      expect(dev.output()).toContain("Local KV already holds these snapshots");
      expect(await (await fetch(`${dev.url}/k8s/1.19/version`)).text()).toBe(snapshotFile("1.19", "version.json"));
    } finally {
      await dev.stop();
    }
  });

  it("re-seeds when the snapshots changed, and stops serving a removed one", async () => {
    rmSync(join(checkout, "snapshots", "1.19"), { recursive: true });
    const dev = await npmStart();
    try {
      // 1.19's values stay while the replaced catalog may still be read (test/node/store-seed.test.ts).
      expect(dev.output()).toMatch(/Seeded local KV from snapshots\/: \d+ keys \(\d+ stale removed\)/);
      expect((await fetch(`${dev.url}/k8s/1.19/version`)).status).toBe(404);
      const { items } = await (await fetch(`${dev.url}/v1/versions`)).json() as { items: { id: string }[] };
      expect(items.map((i) => i.id)).not.toContain("1.19");
    } finally {
      await dev.stop();
    }
  });
});
