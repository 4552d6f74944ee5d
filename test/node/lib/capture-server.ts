// A loopback kube-apiserver stand-in for capture tests: serves a bundled snapshot's documents
// over HTTP or HTTPS, negotiates aggregated discovery like kube-apiserver (first acceptable
// form in Accept order), and can require a bearer token or a client certificate.
import { once } from "node:events";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import type { TLSSocket } from "node:tls";
import { aggregatedFormOf, aggregatedMediaType, parseMediaType } from "../../../src/capture/media-type";
import { documentKey } from "../../../src/snapshot/documents";
import type { SnapshotDocument } from "../../../src/snapshot/fs";
import { toWire } from "../../../src/snapshot/wire";

export interface ServeOptions {
  /** Only requests with "Authorization: Bearer <token>" are answered; others get 401. */
  token?: string;
  /** Serve HTTPS; with `clientCa`, a client certificate signed by it is required: 403 without, or a failed TLS handshake with `handshake`. */
  tls?: { key: Buffer; cert: Buffer; clientCa?: Buffer; handshake?: boolean };
  /** Per-path error answers (e.g. an unavailable APIService): for the first `times` requests, or all when absent. */
  failures?: Map<string, { status: number; reason: string; message: string; times?: number }>;
  /** Send aggregated bodies labelled plain application/json (a server bug kubectl silently misreads). */
  mislabelAggregated?: boolean;
}

export interface DiscoveryServer { url: string; requests: { path: string; accept: string }[]; stop(): Promise<void> }

function status(code: number, reason: string, message: string): string {
  return toWire({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code });
}

export async function serveDocuments(documents: Iterable<SnapshotDocument>, opts: ServeOptions = {}): Promise<DiscoveryServer> {
  const byKey = new Map([...documents].map((d) => [documentKey(d.ref), d.body]));
  const requests: DiscoveryServer["requests"] = [];
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const accept = req.headers.accept ?? "";
    requests.push({ path, accept });
    const send = (code: number, contentType: string, body: string) => res.writeHead(code, { "content-type": contentType }).end(body);
    if (opts.token !== undefined && req.headers.authorization !== `Bearer ${opts.token}`) return send(401, "application/json", status(401, "Unauthorized", "Unauthorized"));
    if (opts.tls?.clientCa && !(req.socket as TLSSocket).authorized) return send(403, "application/json", status(403, "Forbidden", "forbidden: a client certificate is required"));
    const failure = opts.failures?.get(path);
    if (failure && (failure.times === undefined || requests.filter((r) => r.path === path).length <= failure.times)) return send(failure.status, "application/json", status(failure.status, failure.reason, failure.message));
    for (const range of accept.split(",")) {
      const form = aggregatedFormOf(range);
      const body = form && byKey.get(documentKey({ path, form }));
      if (form && body) return send(200, opts.mislabelAggregated ? "application/json" : aggregatedMediaType(form), toWire(body));
      if (!form && ["application/json", "*/*"].includes(parseMediaType(range).type) && byKey.has(documentKey({ path, form: "legacy" }))) {
        return send(200, "application/json", toWire(byKey.get(documentKey({ path, form: "legacy" }))));
      }
    }
    return send(404, "application/json", status(404, "NotFound", "the server could not find the requested resource"));
  };
  const server = opts.tls
    ? https.createServer({ key: opts.tls.key, cert: opts.tls.cert, ...(opts.tls.clientCa ? { ca: opts.tls.clientCa, requestCert: true, rejectUnauthorized: !!opts.tls.handshake } : {}) }, handler)
    : http.createServer(handler);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `${opts.tls ? "https" : "http"}://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
