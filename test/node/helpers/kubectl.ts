// Runs a real kubectl binary against a server URL, as a user with no kubeconfig would.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const KUBECTL_DIR = process.env.KUBECTL_DIR ?? "/usr/lib/google-cloud-sdk/bin";

export function kubectlPath(minor: string): string {
  const path = join(KUBECTL_DIR, `kubectl.${minor}`);
  // Missing binaries fail the test with a clear message instead of skipping it.
  if (!existsSync(path)) throw new Error(`kubectl ${minor} not found at ${path} (set KUBECTL_DIR)`);
  return path;
}

export interface KubectlResult { code: number; stdout: string; stderr: string }

export function kubectl(minor: string, server: string, args: string[]): Promise<KubectlResult> {
  const dir = mkdtempSync(join(tmpdir(), "kds-kubectl-"));
  const kubeconfig = join(dir, "kubeconfig");
  writeFileSync(kubeconfig, "");
  return new Promise((ok) => {
    execFile(kubectlPath(minor), ["--server", server, "--cache-dir", join(dir, "cache"), ...args],
      { env: { ...process.env, KUBECONFIG: kubeconfig, HOME: dir }, timeout: 60_000 },
      (err, stdout, stderr) => ok({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }));
  });
}

/** Parses kubectl's aligned table output by the header's column offsets. */
export function parseTable(stdout: string): Record<string, string>[] {
  const [header, ...lines] = stdout.split("\n").filter((l) => l.trim());
  if (!header) return [];
  const cols = [...header.matchAll(/\S+/g)].map((m) => ({ name: m[0], start: m.index! }));
  return lines.map((line) => Object.fromEntries(cols.map((c, i) => [c.name, line.slice(c.start, cols[i + 1]?.start ?? line.length).trim()])));
}

/**
 * Request paths kubectl logged at -v=6: "GET http://…/k8s/1.29/apis?timeout=32s 200 OK" (≤ 1.29)
 * or "Response" verb="GET" url="http://…/k8s/1.29/apis?timeout=32s" (1.30+).
 */
export function requestedPaths(stderr: string): string[] {
  return [...stderr.matchAll(/(?:GET |verb="GET" url=")https?:\/\/[^/\s]+(\/[^?\s"]*)/g)].map((m) => m[1]!);
}
