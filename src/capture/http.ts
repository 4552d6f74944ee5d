// A small HTTP(S) GET client for talking to a kube-apiserver: server path prefix, bearer token,
// client certificate, CA, insecure-skip-verify, a per-request timeout, retries for transient
// failures and a body size limit. Transport failures throw CaptureError; HTTP statuses are returned.
import http from "node:http";
import https from "node:https";
import { CaptureError } from "./errors";

export interface Connection {
  /** Base URL; a path prefix (e.g. kubectl proxy's or this service's /k8s/<id>) is kept. */
  server: URL;
  token?: string;
  /** PEM bytes. */
  certificateAuthority?: Buffer;
  clientCertificate?: Buffer;
  clientKey?: Buffer;
  insecureSkipTLSVerify: boolean;
  tlsServerName?: string;
}

export interface RequestPolicy {
  timeoutMs: number;
  /** Extra attempts after the first, for transport errors, 429 and 5xx. */
  retries: number;
  /** Delay before the first retry; doubled for each further one. */
  retryDelayMs: number;
  maxBodyBytes: number;
  userAgent: string;
}

export interface HttpResponse { url: string; status: number; contentType: string; body: Buffer }

export interface DiscoveryClient {
  get(path: string, accept: string): Promise<HttpResponse>;
  close(): void;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/** Joins the server's path prefix and a request path without doubling slashes. */
export function urlFor(server: URL, path: string): URL {
  const url = new URL(server);
  url.pathname = server.pathname.replace(/\/+$/, "") + path;
  url.search = "";
  return url;
}

export function createClient(conn: Connection, policy: RequestPolicy): DiscoveryClient {
  const secure = conn.server.protocol === "https:";
  const agent = secure
    ? new https.Agent({
      keepAlive: true,
      ca: conn.certificateAuthority,
      cert: conn.clientCertificate,
      key: conn.clientKey,
      rejectUnauthorized: !conn.insecureSkipTLSVerify,
      servername: conn.tlsServerName,
    })
    : new http.Agent({ keepAlive: true });

  function once(url: URL, accept: string): Promise<HttpResponse> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { accept, "user-agent": policy.userAgent };
      if (conn.token) headers.authorization = `Bearer ${conn.token}`;
      const req = (secure ? https : http).request(url, { method: "GET", agent, headers, signal: AbortSignal.timeout(policy.timeoutMs) }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > policy.maxBodyBytes) {
            // Settle first: the promise ignores the 'end' that destroying the response may still emit.
            reject(new CaptureError(`GET ${url}: response body exceeds ${policy.maxBodyBytes} bytes`));
            req.destroy();
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () => resolve({ url: url.toString(), status: res.statusCode ?? 0, contentType: res.headers["content-type"] ?? "", body: Buffer.concat(chunks) }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    });
  }

  async function get(path: string, accept: string): Promise<HttpResponse> {
    const url = urlFor(conn.server, path);
    let delay = policy.retryDelayMs;
    for (let attempt = 0; ; attempt++) {
      const last = attempt === policy.retries;
      try {
        const res = await once(url, accept);
        if (!RETRYABLE_STATUS.has(res.status) || last) return res;
      } catch (err) {
        if (err instanceof CaptureError) throw err;
        if (last) throw new CaptureError(`GET ${url}: ${describeTransportError(err, policy.timeoutMs)}${policy.retries ? ` (after ${attempt + 1} attempts)` : ""}`);
      }
      await new Promise((r) => setTimeout(r, delay));
      delay *= 2;
    }
  }

  return { get, close: () => agent.destroy() };
}

function describeTransportError(err: unknown, timeoutMs: number): string {
  const e = err as NodeJS.ErrnoException & { name?: string };
  if (e.name === "TimeoutError" || e.name === "AbortError") return `no answer within ${timeoutMs / 1000}s`;
  switch (e.code) {
    case "ECONNREFUSED": return "connection refused (is the server running and the address right?)";
    case "ENOTFOUND": case "EAI_AGAIN": return `host not found (${e.message})`;
    case "DEPTH_ZERO_SELF_SIGNED_CERT": case "SELF_SIGNED_CERT_IN_CHAIN": case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY": case "ERR_TLS_CERT_ALTNAME_INVALID": case "CERT_HAS_EXPIRED":
      return `TLS: the server's certificate is not trusted: ${e.message} (pass --certificate-authority, or --insecure-skip-tls-verify)`;
    case "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED": case "ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE":
      // OpenSSL's message is a multi-line dump; its `reason` is the readable part.
      return `TLS: the server rejected the client certificate: ${(e as { reason?: string }).reason ?? e.message.trim()} (pass --client-certificate and --client-key)`;
    default: return e.message || String(err);
  }
}
