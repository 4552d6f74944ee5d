// One capture: walk the server's discovery, then write a validated snapshot folder.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { writeSnapshot } from "../snapshot/fs";
import { SNAPSHOT_ID, type Manifest } from "../snapshot/manifest";
import { CaptureError } from "./errors";
import { createClient, type Connection, type RequestPolicy } from "./http";
import { capturedManifest, minorOf } from "./manifest";
import { redact, secretsOf } from "./redact";
import { walkDiscovery, type ProgressEvent } from "./walk";

export interface CaptureOptions {
  connection: Connection;
  policy: RequestPolicy;
  concurrency: number;
  /** Snapshot id; default: the server's minor, e.g. "1.29". */
  id?: string;
  /** Output folder; default: <snapshotsRoot>/<id>. */
  out?: string;
  snapshotsRoot: string;
  /** Replace an existing snapshot folder. */
  force: boolean;
  client: string;
  now: () => Date;
  onProgress?: (event: ProgressEvent) => void;
}

export interface CaptureResult { dir: string; manifest: Manifest; server: string }

/** Refuses to replace a folder unless forced, and even then only one that is empty or a snapshot. */
export function assertWritable(dir: string, force: boolean): void {
  if (!existsSync(dir)) return;
  const entries = readdirSync(dir);
  if (!entries.length) return;
  if (!force) throw new CaptureError(`${dir} already exists; pass --force to replace it, or choose another --id/--out`, true);
  if (!entries.includes("manifest.json")) throw new CaptureError(`${dir} is not a snapshot folder (no manifest.json); refusing to replace it even with --force`, true);
}

export function checkId(id: string): string {
  if (!SNAPSHOT_ID.test(id)) throw new CaptureError(`--id ${JSON.stringify(id)} is not a snapshot id (lowercase letters, digits, "-" and ".", at most 63)`, true);
  return id;
}

/** The server as recorded and printed: scheme, host, port and path prefix; never user info, query or fragment. */
export function publicServer(server: URL): string {
  return `${server.origin}${server.pathname}`.replace(/\/$/, "");
}

export async function captureSnapshot(opts: CaptureOptions): Promise<CaptureResult> {
  if (opts.id !== undefined) checkId(opts.id);
  if (opts.out !== undefined) assertWritable(opts.out, opts.force);
  const client = createClient(opts.connection, opts.policy);
  const secrets = secretsOf(opts.connection);
  let walked;
  try {
    walked = await walkDiscovery(client, { concurrency: opts.concurrency, onProgress: opts.onProgress });
  } catch (err) {
    throw err instanceof CaptureError ? new CaptureError(redact(err.message, secrets), err.usage) : err;
  } finally {
    client.close();
  }
  const id = opts.id ?? minorOf(walked.version);
  const dir = opts.out ?? join(opts.snapshotsRoot, id);
  assertWritable(dir, opts.force);
  const server = publicServer(opts.connection.server);
  // Unknown reasons quote the server's Status messages, which may echo a credential back.
  const unknown = walked.unknown.map((u) => ({ ...u, reason: redact(u.reason, secrets) }));
  const manifest = capturedManifest({
    id, version: walked.version, aggregatedDiscovery: walked.aggregatedDiscovery, unknown,
    server, capturedAt: opts.now(), client: opts.client,
  });
  return { dir, server, manifest: await writeSnapshot(dir, manifest, walked.documents) };
}
