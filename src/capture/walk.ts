// Walks every discovery document a kube-apiserver serves: /version, /, /api, /apis, every
// group and every version of every group (not only the preferred one), and /api and /apis in
// each aggregated form the server negotiates. Bodies are kept as parsed (server key order);
// each is validated against its schema as it arrives.
import { AGGREGATED_FORMS, type AggregatedForm, type APIGroup, type APIGroupDiscoveryList, type APIGroupList, type APIResourceList, type APIVersions, type VersionInfo } from "../discovery/types";
import { groupVersion } from "../discovery/model";
import { groupVersionPath, schemaFor, type DocumentRef } from "../snapshot/documents";
import type { SnapshotDocument } from "../snapshot/fs";
import type { Unknown } from "../snapshot/manifest";
import { CaptureError } from "./errors";
import type { DiscoveryClient, HttpResponse } from "./http";
import { acceptAggregated, aggregatedFormOf, isJson } from "./media-type";

/** client-go's Accept for legacy discovery documents. */
const ACCEPT_LEGACY = "application/json, */*";

export type DocumentOutcome = "captured" | "unreadable" | "not served";

export interface ProgressEvent { ref: DocumentRef; outcome: DocumentOutcome; done: number; total: number }

export interface WalkOptions {
  /** Parallel requests for the per-group documents. */
  concurrency: number;
  onProgress?: (event: ProgressEvent) => void;
}

export interface WalkResult {
  version: VersionInfo;
  documents: SnapshotDocument[];
  aggregatedDiscovery: AggregatedForm[];
  unknown: Unknown[];
}

/** "404 NotFound: the server could not find the requested resource", from a Status body when there is one. */
export function describeFailure(res: HttpResponse): string {
  try {
    const status = JSON.parse(res.body.toString("utf8")) as { kind?: unknown; reason?: unknown; message?: unknown };
    if (status.kind === "Status" && typeof status.message === "string") {
      return [res.status, typeof status.reason === "string" && status.reason].filter(Boolean).join(" ") + `: ${status.message}`;
    }
  } catch { /* not JSON: fall through to the bare status */ }
  return `HTTP ${res.status}`;
}

/** The legacy document at a path built from names the server listed, refusing names that are not Kubernetes group or version names. */
function legacyRef(path: string, listedIn: string): DocumentRef {
  const ref = { path, form: "legacy" as const };
  try {
    schemaFor(ref);
  } catch {
    throw new CaptureError(`${listedIn} lists ${JSON.stringify(path)}, which is not a discovery document path (invalid group or version name)`);
  }
  return ref;
}

/** Parses and validates a 200 answer as the document `ref`, or explains why it is not one. */
function parseDocument(ref: DocumentRef, res: HttpResponse): unknown {
  const what = `GET ${res.url}`;
  if (!isJson(res.contentType)) throw new CaptureError(`${what}: not a discovery answer (Content-Type ${JSON.stringify(res.contentType)}, expected application/json)`);
  let body: unknown;
  try {
    body = JSON.parse(res.body.toString("utf8"));
  } catch {
    throw new CaptureError(`${what}: not a discovery answer (body is not JSON)`);
  }
  const result = schemaFor(ref).safeParse(body);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; ");
    throw new CaptureError(`${what}: not a valid ${ref.form === "legacy" ? "" : `${ref.form} aggregated `}discovery document for ${ref.path}: ${issues}`);
  }
  return body;
}

async function forEachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function walkDiscovery(client: DiscoveryClient, opts: WalkOptions): Promise<WalkResult> {
  const documents: SnapshotDocument[] = [];
  const unknown: Unknown[] = [];
  let done = 0;
  // Known up front: /version, /, /api, /apis and the aggregated probes; per-group documents are added once /api and /apis are read.
  let total = 4 + 2 * AGGREGATED_FORMS.length;
  const report = (ref: DocumentRef, outcome: DocumentOutcome) => opts.onProgress?.({ ref, outcome, done: ++done, total });

  /** A legacy document, or the server's failure answer. */
  async function legacy(ref: DocumentRef): Promise<{ body: unknown } | { failed: HttpResponse }> {
    const res = await client.get(ref.path, ACCEPT_LEGACY);
    if (res.status !== 200) return { failed: res };
    if (aggregatedFormOf(res.contentType)) throw new CaptureError(`GET ${res.url}: answered a plain JSON request with aggregated discovery (${res.contentType})`);
    const body = parseDocument(ref, res);
    documents.push({ ref, body });
    report(ref, "captured");
    return { body };
  }

  /** A document the snapshot cannot do without: any failure ends the capture. */
  async function required(path: string): Promise<unknown> {
    const got = await legacy({ path, form: "legacy" });
    if ("failed" in got) throw new CaptureError(`GET ${got.failed.url}: ${describeFailure(got.failed)} (is --server a kube-apiserver or kubectl proxy?)`);
    return got.body;
  }

  /** A document the server may refuse (RBAC on /, an unavailable aggregated APIService): recorded as unknown. */
  async function optional(ref: DocumentRef): Promise<unknown | undefined> {
    const got = await legacy(ref);
    if ("failed" in got) {
      unknown.push({ document: ref.path, field: "*", reason: `not readable: ${describeFailure(got.failed)}` });
      report(ref, "unreadable");
      return undefined;
    }
    return got.body;
  }

  /** /api or /apis in one aggregated form, or null when the server does not negotiate that form. */
  async function aggregated(path: string, form: AggregatedForm): Promise<unknown | null> {
    const ref = { path, form };
    const res = await client.get(path, acceptAggregated(form));
    if (res.status !== 200 || aggregatedFormOf(res.contentType) !== form) {
      report(ref, "not served");
      return null;
    }
    const body = parseDocument(ref, res) as APIGroupDiscoveryList;
    if (body.apiVersion !== `apidiscovery.k8s.io/${form}`) throw new CaptureError(`GET ${res.url}: Content-Type says ${form} but the body is ${body.apiVersion}`);
    report(ref, "captured");
    return body;
  }

  const version = (await required("/version")) as VersionInfo;
  const api = (await required("/api")) as APIVersions;
  const apis = (await required("/apis")) as APIGroupList;
  await optional({ path: "/", form: "legacy" });

  const aggregatedDiscovery: AggregatedForm[] = [];
  for (const form of AGGREGATED_FORMS) {
    const core = await aggregated("/api", form);
    const groups = await aggregated("/apis", form);
    if (core && groups) {
      documents.push({ ref: { path: "/api", form }, body: core }, { ref: { path: "/apis", form }, body: groups });
      aggregatedDiscovery.push(form);
    } else if (core || groups) {
      unknown.push({ document: core ? "/apis" : "/api", field: "*", reason: `the server negotiates ${form} aggregated discovery for ${core ? "/api" : "/apis"} only; neither is kept in that form` });
    }
  }

  // Every version of every group, not only the preferred one.
  const perGroup: { ref: DocumentRef; describes: (body: unknown) => string; expected: string }[] = [
    ...api.versions.map((v) => ({ ref: legacyRef(groupVersionPath("", v), "/api"), describes: resourceListGroupVersion, expected: v })),
    ...apis.groups.flatMap((g) => [
      { ref: legacyRef(`/apis/${g.name}`, "/apis"), describes: (body: unknown) => (body as APIGroup).name, expected: g.name },
      ...g.versions.map((v) => ({ ref: legacyRef(groupVersionPath(g.name, v.version), "/apis"), describes: resourceListGroupVersion, expected: groupVersion(g.name, v.version) })),
    ]),
  ];
  total += perGroup.length;
  await forEachLimit(perGroup, opts.concurrency, async ({ ref, describes, expected }) => {
    const body = await optional(ref);
    if (body !== undefined && describes(body) !== expected) throw new CaptureError(`GET ${ref.path}: the document describes ${describes(body)}, not ${expected}`);
  });

  unknown.sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : 0));
  return { version, documents, aggregatedDiscovery, unknown };
}

const resourceListGroupVersion = (body: unknown) => (body as APIResourceList).groupVersion;
