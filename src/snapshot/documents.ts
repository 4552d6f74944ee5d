// Which documents a snapshot holds and where each lives, both as a URL path on a
// kube-apiserver and as a file inside a snapshot folder. One table, used by the build,
// the capture, the validator, the KV seeder and the worker.
import type { z } from "zod";
import {
  APIGroup, APIGroupDiscoveryList, APIGroupList, APIResourceList, APIVersions, AggregatedForm,
  RootPaths, VersionInfo,
} from "../discovery/types";

/** "legacy" is the plain application/json form; the others are aggregated discovery forms. */
export type DocumentForm = "legacy" | AggregatedForm;

export interface DocumentRef {
  /** The request path on the apiserver, e.g. "/apis/apps/v1". */
  path: string;
  form: DocumentForm;
}

const GROUP = "[a-z0-9]([-a-z0-9.]*[a-z0-9])?";
const VERSION = "[a-z]([-a-z0-9]*[a-z0-9])?";
const API_GROUP = new RegExp(`^/apis/(${GROUP})$`);
const API_GROUP_VERSION = new RegExp(`^/apis/(${GROUP})/(${VERSION})$`);
const CORE_VERSION = new RegExp(`^/api/(${VERSION})$`);
// Custom resource groups (captured clusters) may use any DNS-1123 subdomain and version
// string accepted by apiextensions: the version pattern above covers what Kubernetes allows.

/** The schema a document at `ref` must satisfy. */
export function schemaFor(ref: DocumentRef): z.ZodType {
  if (ref.form !== "legacy") return APIGroupDiscoveryList;
  if (ref.path === "/version") return VersionInfo;
  if (ref.path === "/") return RootPaths;
  if (ref.path === "/api") return APIVersions;
  if (ref.path === "/apis") return APIGroupList;
  if (CORE_VERSION.test(ref.path) || API_GROUP_VERSION.test(ref.path)) return APIResourceList;
  if (API_GROUP.test(ref.path)) return APIGroup;
  throw new Error(`not a discovery document path: ${ref.path}`);
}

/** True for the paths that may carry an aggregated form. */
export function isAggregatable(path: string): boolean {
  return path === "/api" || path === "/apis";
}

/** File name of a document inside a snapshot folder (POSIX separators). */
export function fileFor(ref: DocumentRef): string {
  const base = ref.path === "/" ? "root" : ref.path === "/version" ? "version" : ref.path.slice(1);
  return ref.form === "legacy" ? `${base}.json` : `aggregated/${ref.form}/${base}.json`;
}

/** Inverse of fileFor. */
export function refForFile(file: string): DocumentRef {
  const m = /^(?:aggregated\/(v2|v2beta1)\/)?(.+)\.json$/.exec(file);
  if (!m) throw new Error(`not a snapshot document file: ${file}`);
  const form: DocumentForm = (m[1] as AggregatedForm | undefined) ?? "legacy";
  const base = m[2]!;
  const path = base === "root" ? "/" : base === "version" ? "/version" : `/${base}`;
  const ref = { path, form };
  schemaFor(ref); // throws for files that are not documents
  if (form !== "legacy" && !isAggregatable(path)) throw new Error(`aggregated form only exists for /api and /apis: ${file}`);
  return ref;
}

/** Stable identity of a document within a snapshot, e.g. "legacy /apis/apps/v1". */
export function documentKey(ref: DocumentRef): string {
  return `${ref.form} ${ref.path}`;
}

export function groupVersionPath(group: string, version: string): string {
  return group === "" ? `/api/${version}` : `/apis/${group}/${version}`;
}

/** Inverse of groupVersionPath: "apps/v1" for "/apis/apps/v1", "v1" for "/api/v1"; null for other documents. */
export function groupVersionOfPath(path: string): string | null {
  const core = CORE_VERSION.exec(path);
  if (core) return core[1]!;
  const named = API_GROUP_VERSION.exec(path);
  return named ? `${named[1]}/${named[3]}` : null;
}
