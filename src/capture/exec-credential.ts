// client-go exec credential plugins (aws eks get-token, gke-gcloud-auth-plugin, kubelogin …),
// which EKS and GKE kubeconfigs use instead of a stored token: run the command, read its
// ExecCredential from stdout.
import { execFile } from "node:child_process";
import * as z from "zod";
import { CaptureError } from "./errors";
import type { ExecConfig } from "./kubeconfig";

const ExecCredential = z.looseObject({
  apiVersion: z.string(),
  kind: z.literal("ExecCredential"),
  status: z.looseObject({
    token: z.string().optional(),
    clientCertificateData: z.string().optional(),
    clientKeyData: z.string().optional(),
  }),
});

export interface ExecResult { token?: string; clientCertificate?: Buffer; clientKey?: Buffer }

export async function runExecPlugin(exec: ExecConfig, timeoutMs: number): Promise<ExecResult> {
  const env = { ...process.env, ...Object.fromEntries((exec.env ?? []).map((e) => [e.name, e.value])) };
  env.KUBERNETES_EXEC_INFO = JSON.stringify({ apiVersion: exec.apiVersion, kind: "ExecCredential", spec: { interactive: false } });
  const stdout = await new Promise<string>((ok, fail) => {
    execFile(exec.command, exec.args ?? [], { env, timeout: timeoutMs, maxBuffer: 1 << 20 }, (err, out, errOut) => {
      if (err) fail(new CaptureError(`credential plugin ${exec.command} failed: ${err.message.trim()}${errOut.trim() ? `: ${errOut.trim()}` : ""}`));
      else ok(out);
    });
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    throw new CaptureError(`credential plugin ${exec.command} did not print JSON`);
  }
  const result = ExecCredential.safeParse(parsed);
  if (!result.success || result.data.apiVersion !== exec.apiVersion) {
    throw new CaptureError(`credential plugin ${exec.command} did not print an ${exec.apiVersion} ExecCredential`);
  }
  const { token, clientCertificateData, clientKeyData } = result.data.status;
  if (!token && !(clientCertificateData && clientKeyData)) throw new CaptureError(`credential plugin ${exec.command} returned neither a token nor a client certificate and key`);
  return {
    ...(token ? { token } : {}),
    ...(clientCertificateData && clientKeyData ? { clientCertificate: Buffer.from(clientCertificateData), clientKey: Buffer.from(clientKeyData) } : {}),
  };
}
