// nginx (Debian's package) on loopback serving the recorded answers as static files: what a plain
// file server does with the same bytes on this machine. Installed with apt-get when missing.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Recorded } from "./floor-worker";
import { freePort } from "./free-port";
import { childrenNamed } from "./proc";

const NGINX = "/usr/sbin/nginx";

export interface RunningNginx { url: string; pathOf: (i: number) => string; pid: number | null; stop: () => Promise<void> }

/** Installs Debian's nginx if it is missing; returns a reason when that is not possible. */
export function ensureNginx(): string | null {
  if (existsSync(NGINX)) return null;
  const apt = (args: string[]) => spawnSync("apt-get", args, { stdio: "ignore", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" }, timeout: 180_000 }).status === 0;
  if (!apt(["install", "-y", "-q", "nginx"]) && !(apt(["update", "-q"]) && apt(["install", "-y", "-q", "nginx"]))) {
    return "nginx is not installed and `apt-get install -y nginx` failed (run the bench as root, or install nginx)";
  }
  return existsSync(NGINX) ? null : `apt-get installed nginx but ${NGINX} is missing`;
}

/** Serves recorded[i] at /r/<i> (any method: POST is answered as GET of the same file). */
export async function startNginx(recorded: Recorded[]): Promise<RunningNginx> {
  const dir = mkdtempSync(join(tmpdir(), "kds-nginx-"));
  chmodSync(dir, 0o755); // nginx's workers run as www-data when the bench runs as root
  for (const sub of ["files", "tmp"]) mkdirSync(join(dir, sub));
  const port = await freePort();
  const locations = recorded.map((r, i) => {
    writeFileSync(join(dir, "files", String(i)), r.body);
    const type = (r.headers["content-type"] ?? "application/octet-stream").replaceAll('"', "");
    return `    location = /r/${i} { default_type "${type}"; alias ${join(dir, "files", String(i))}; error_page 405 =200 $uri; }`;
  });
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `  ${t}_temp_path ${join(dir, "tmp", t)};`);
  writeFileSync(join(dir, "nginx.conf"), [
    "daemon off;", "worker_processes 1;", `pid ${join(dir, "nginx.pid")};`, `error_log ${join(dir, "error.log")} error;`,
    "events { worker_connections 1024; }",
    "http {", "  access_log off;", "  sendfile on;", "  keepalive_requests 1000000;", ...temp,
    `  server {`, `    listen 127.0.0.1:${port};`, ...locations, "  }", "}", "",
  ].join("\n"));
  const master = spawn(NGINX, ["-c", join(dir, "nginx.conf"), "-p", dir, "-e", join(dir, "error.log")], { stdio: "ignore" });
  const exited = new Promise<void>((ok) => master.on("exit", () => ok()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => { master.kill("SIGQUIT"); await exited; rmSync(dir, { recursive: true, force: true }); };
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/r/0`)).ok) {
        const workers = [...childrenNamed("nginx", master.pid!)];
        return { url, pathOf: (n) => `/r/${n}`, pid: workers.length === 1 ? workers[0]! : null, stop };
      }
    } catch { /* not listening yet */ }
    if (master.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const log = existsSync(join(dir, "error.log")) ? readFileSync(join(dir, "error.log"), "utf8") : "";
  await stop();
  throw new Error(`nginx did not start: ${log.slice(-2000)}`);
}
