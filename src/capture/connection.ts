// Where to connect and how to authenticate: kubectl-style flags over an optional kubeconfig.
// Unlike kubectl, an explicit --server without --kubeconfig/--context reads no kubeconfig at all,
// so a capture never sends the default context's credentials to some other server.
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { CaptureError } from "./errors";
import { runExecPlugin } from "./exec-credential";
import type { Connection } from "./http";
import { mergeKubeconfigs, parseKubeconfig, selectContext, type SelectedContext } from "./kubeconfig";

export interface ConnectionFlags {
  server?: string;
  token?: string;
  certificateAuthority?: string;
  clientCertificate?: string;
  clientKey?: string;
  insecureSkipTLSVerify?: boolean;
  tlsServerName?: string;
  kubeconfig?: string;
  context?: string;
}

export interface ConnectionEnv { KUBECONFIG?: string; HOME?: string }

function readFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new CaptureError(`cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, true);
  }
}

/** Kubeconfig files in effect: --kubeconfig, else $KUBECONFIG (a path list), else ~/.kube/config. */
function kubeconfigFiles(flags: ConnectionFlags, env: ConnectionEnv): string[] {
  if (flags.kubeconfig) return [flags.kubeconfig];
  if (flags.server && !flags.context) return [];
  if (env.KUBECONFIG) return env.KUBECONFIG.split(delimiter).filter((p) => p && existsSync(p));
  const home = join(env.HOME ?? homedir(), ".kube", "config");
  return existsSync(home) ? [home] : [];
}

function selectedContext(flags: ConnectionFlags, env: ConnectionEnv): SelectedContext | undefined {
  const files = kubeconfigFiles(flags, env);
  if (!files.length) {
    if (flags.context) throw new CaptureError("--context needs a kubeconfig (--kubeconfig, $KUBECONFIG or ~/.kube/config)", true);
    return undefined;
  }
  const config = mergeKubeconfigs(files.map((f) => parseKubeconfig(readFile(f, "kubeconfig").toString("utf8"), f)));
  return selectContext(config, files.join(delimiter), flags.context);
}

/** Inline `<field>-data` (base64) or the file named by `<field>` of a kubeconfig entry. */
function fromEntry(entry: Record<string, unknown>, field: string, context: string): Buffer | undefined {
  const data = entry[`${field}-data`];
  if (typeof data === "string" && data) {
    const bytes = Buffer.from(data, "base64");
    if (!bytes.length) throw new CaptureError(`context "${context}": ${field}-data is not base64`, true);
    return bytes;
  }
  const path = entry[field];
  return typeof path === "string" && path ? readFile(path, field) : undefined;
}

/** --server text fit to print: user info and query removed, as they can hold credentials. */
const scrubbed = (text: string) => text.replace(/\/\/[^/]*@/, "//[redacted]@").replace(/[?#].*$/s, "");

/** As client-go: a server without a scheme is https when TLS settings are given, http otherwise. */
function parseServer(text: string, tls: boolean): URL {
  let server: URL;
  try {
    server = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `${tls ? "https" : "http"}://${text}`);
  } catch {
    throw new CaptureError(`--server is not a URL: ${scrubbed(text)}`, true);
  }
  if (server.protocol !== "http:" && server.protocol !== "https:") throw new CaptureError(`--server must be an http or https URL, got ${scrubbed(text)}`, true);
  if (server.username || server.password) throw new CaptureError("--server must not carry credentials in the URL; use --token or a client certificate", true);
  // A query string (?token=…, ?access_token=…) would be recorded in the manifest and is never sent.
  if (server.search || server.hash) throw new CaptureError("--server must not carry a query string or fragment (it can hold credentials, and the API paths take none); use --token or a client certificate", true);
  return server;
}

const USE_PROXY = "run kubectl proxy and pass --server http://127.0.0.1:8001";

export async function resolveConnection(flags: ConnectionFlags, env: ConnectionEnv, execTimeoutMs: number): Promise<Connection> {
  const selected = selectedContext(flags, env);
  const context = selected?.context ?? "";
  const cluster = selected?.cluster;
  const user = selected?.user;

  const serverText = flags.server ?? cluster?.server;
  if (!serverText) throw new CaptureError(`no server: pass --server URL (e.g. --server http://127.0.0.1:8001 for kubectl proxy) or --kubeconfig`, true);
  if (cluster?.["proxy-url"] && !flags.server) throw new CaptureError(`context "${context}" uses proxy-url, which kds capture does not support; ${USE_PROXY}`, true);

  const insecureSkipTLSVerify = flags.insecureSkipTLSVerify ?? cluster?.["insecure-skip-tls-verify"] ?? false;
  const certificateAuthority = flags.certificateAuthority
    ? readFile(flags.certificateAuthority, "--certificate-authority")
    : cluster && !flags.insecureSkipTLSVerify ? fromEntry(cluster, "certificate-authority", context) : undefined;
  if (insecureSkipTLSVerify && certificateAuthority) throw new CaptureError("a certificate authority and --insecure-skip-tls-verify exclude each other", true);

  let clientCertificate = flags.clientCertificate ? readFile(flags.clientCertificate, "--client-certificate") : undefined;
  let clientKey = flags.clientKey ? readFile(flags.clientKey, "--client-key") : undefined;
  let token = flags.token;
  if (user && !clientCertificate && !clientKey) {
    clientCertificate = fromEntry(user, "client-certificate", context);
    clientKey = fromEntry(user, "client-key", context);
  }
  if (user && token === undefined) token = user.token ?? (user.tokenFile ? readFile(user.tokenFile, "tokenFile").toString("utf8").trim() : undefined);
  if (user && token === undefined && !clientCertificate) {
    if (user.exec) {
      ({ token, clientCertificate, clientKey } = await runExecPlugin(user.exec, execTimeoutMs));
    } else if (user["auth-provider"] !== undefined || user.username !== undefined) {
      const how = user.username !== undefined ? "a username and password" : "an auth-provider";
      throw new CaptureError(`context "${context}" authenticates with ${how}, which kds capture does not support; ${USE_PROXY}`, true);
    }
  }
  if (!clientCertificate !== !clientKey) throw new CaptureError("a client certificate needs its key, and a key its certificate", true);
  const server = parseServer(serverText, insecureSkipTLSVerify || !!certificateAuthority || !!clientCertificate);
  if (server.protocol === "http:" && (clientCertificate || certificateAuthority)) throw new CaptureError(`TLS settings were given but ${server.origin} is plain http`, true);

  const tlsServerName = flags.tlsServerName ?? cluster?.["tls-server-name"];
  return {
    server,
    insecureSkipTLSVerify,
    ...(token ? { token } : {}),
    ...(certificateAuthority ? { certificateAuthority } : {}),
    ...(clientCertificate && clientKey ? { clientCertificate, clientKey } : {}),
    ...(tlsServerName ? { tlsServerName } : {}),
  };
}
