// storageVersionHash as kube-apiserver computes it (rule storage-version-hash): from upstream's own
// table where the reference has one for the release, else inferred from the storage versions the
// tables of earlier and later releases record; null where neither settles it.
import { createHash } from "node:crypto";
import type { CompiledLifecycle } from "./lifecycle";
import { gvkKey } from "./lifecycle";
import type { Reference } from "./reference";
import { compareKubeAwareVersions, minorNumber, stabilityOf } from "./versions";

export function storageVersionHash(group: string, version: string, kind: string): string {
  return createHash("sha256").update(`${group}/${version}/${kind}`).digest().subarray(0, 8).toString("base64");
}

/** Where a hash came from: a reference file, an established rule, or an inference (with its reasoning). */
export type StorageFact =
  | { hash: string; storage: string; from: string; inferred: string | null; disagreement?: string }
  | { none: string };

const gvString = (group: string, version: string) => (group ? `${group}/${version}` : version);

/** The storage version an upstream table records for group/kind in a release, or null. */
function tableStorageVersion(ref: Reference, minor: string, group: string, kind: string): string | null {
  for (const gvk of ref.storageHashes.get(minor)?.storage.values() ?? []) {
    const parts = gvk.split("/");
    const [g, v, k] = parts.length === 2 ? ["", parts[0]!, parts[1]!] : [parts[0]!, parts[1]!, parts[2]!];
    if (g === group && k === kind) return v;
  }
  return null;
}

export function storageFact(ref: Reference, life: CompiledLifecycle, minor: string, group: string, version: string, kind: string, resource: string, verbs: string[]): StorageFact {
  if (!verbs.includes("watch")) return { none: "not an etcd-backed resource (no watch verb)" };
  const table = ref.storageHashes.get(minor);
  const key = `${gvString(group, version)}/${resource}`;
  const fromTable = table?.hashes.get(key);
  if (table && fromTable) {
    const certainty = table.certainty.split(":")[0];
    const storage = table.storage.get(key) ?? "";
    const rule = group === "" ? null : inferStorageVersion(ref, life, minor, group, version, kind);
    const disagreement = rule && "version" in rule && `${group}/${rule.version}/${kind}` !== storage
      ? `${table.file} records ${key} stored as ${storage}, where the inference rule alone gives ${group}/${rule.version}; the table is used.` : undefined;
    return { hash: fromTable, storage, from: `${table.file} (upstream data.go at ${table.commit.slice(0, 8)}, tied to ${minor} by content, certainty ${certainty})`, inferred: null, ...(disagreement ? { disagreement } : {}) };
  }
  if (group === "") return { hash: storageVersionHash("", "v1", kind), storage: `v1/${kind}`, from: "rule storage-version-hash (core resources are stored as v1)", inferred: null };
  if (group === "events.k8s.io" && kind === "Event") return { hash: storageVersionHash("", "v1", "Event"), storage: "v1/Event", from: "rule cohabiting-resources", inferred: null };
  const inferred = inferStorageVersion(ref, life, minor, group, version, kind);
  if ("none" in inferred) return inferred;
  const why = table ? `${table.file} does not list ${key}; ${inferred.why}` : inferred.why;
  return { hash: storageVersionHash(group, inferred.version, kind), storage: `${group}/${inferred.version}/${kind}`, from: "rule storage-version-hash (inferred)", inferred: why };
}

function inferStorageVersion(ref: Reference, life: CompiledLifecycle, minor: string, group: string, version: string, kind: string): { version: string; why: string } | { none: string } {
  const m = minorNumber(minor);
  const previous = `1.${m - 1}`;
  const has = (release: string, g: string, v: string) =>
    ref.api.get(release)?.groups.some((p) => p.group === g && p.version === v && p.resources.some((r) => r.kind === kind)) ?? false;
  const versionsIn = (release: string) => (ref.api.get(release)?.groups ?? []).filter((p) => p.resources.some((r) => r.kind === kind));
  const versionsOf = (release: string) => [...new Set(versionsIn(release).filter((p) => p.group === group).map((p) => p.version))];

  const served = (g: string, v: string) => {
    const removed = life.byGvk.get(gvkKey(g, v, kind))?.removed;
    return !removed || minorNumber(removed) > minorNumber(previous);
  };
  const alive = (v: string) => served(group, v);
  // One storage can serve a kind under two groups (cohabiting resources): then this group's versions do not settle it.
  const elsewhere = [...versionsIn(previous), ...versionsIn(minor)].filter((p) => p.group !== group && served(p.group, p.version)).map((p) => p.groupVersion);
  if (elsewhere.length) return { none: `kind ${kind} also exists in ${[...new Set(elsewhere)].join(", ")}` };
  const inK8sApi = versionsOf(minor).length > 0;
  let candidates: string[];
  if (inK8sApi) {
    // The storage version must be readable by this release and the previous one.
    const both = versionsOf(minor).filter((v) => has(previous, group, v));
    candidates = both.length ? both : versionsOf(minor);
    // Alpha versions rank lowest: a non-alpha version the previous release has outranks them; and an
    // alpha one is not taken over the release's own newer beta or GA version (alpha data has no guarantees).
    if (candidates.some((v) => stabilityOf(v) !== "alpha")) candidates = candidates.filter((v) => stabilityOf(v) !== "alpha");
    else if (versionsOf(minor).some((v) => stabilityOf(v) !== "alpha")) return { none: `only alpha versions in ${previous} (${candidates.map((v) => `${group}/${v}`).join(", ")}) beside ${minor}'s own ${versionsOf(minor).filter((v) => stabilityOf(v) !== "alpha").map((v) => `${group}/${v}`).join(", ")}` };
  } else {
    // Groups outside k8s.io/api: the captures (v1) and the lifecycle table know their versions.
    const captured = [...ref.captures.values()].flat().filter((r) => r.group === group && r.kind === kind).map((r) => r.version);
    candidates = [...new Set([version, ...captured, ...life.table.entries.filter((e) => e.group === group && e.kind === kind).map((e) => e.version)])].filter(alive);
  }

  // Storage versions only move forward: bounded by the tables of the nearest earlier and later releases.
  const introduced = (v: string) => {
    for (const [release] of ref.api) if (has(release, group, v)) return minorNumber(release);
    return Infinity;
  };
  const older = (a: string, b: string) => introduced(a) - introduced(b) || compareKubeAwareVersions(b, a);
  const tableMinors = [...ref.storageHashes.keys()].map(minorNumber).sort((a, b) => a - b);
  const before = tableMinors.filter((t) => t < m).at(-1);
  const after = tableMinors.find((t) => t > m);
  const lower = before === undefined ? null : tableStorageVersion(ref, `1.${before}`, group, kind);
  const upper = after === undefined ? null : tableStorageVersion(ref, `1.${after}`, group, kind);
  const bounded = candidates.filter((v) => (lower === null || older(v, lower) >= 0) && (upper === null || older(v, upper) <= 0));
  const boundsText = [lower && `not older than ${group}/${lower} (storage-hashes/1.${before}.json)`, upper && `not newer than ${group}/${upper} (storage-hashes/1.${after}.json)`].filter(Boolean).join(" and ");
  const servedOnes = bounded.filter(alive);
  const pick = servedOnes.length === 1 ? servedOnes[0]! : bounded.length === 1 ? bounded[0]! : null;
  if (pick === null) return { none: `${bounded.length} candidate storage versions in ${previous}–${minor}: ${bounded.map((v) => `${group}/${v}`).join(", ") || "none"}${boundsText ? ` (${boundsText})` : ""}` };
  return { version: pick, why: `stored as ${group}/${pick}: candidates ${candidates.map((v) => `${group}/${v}`).join(", ")}${boundsText ? `, ${boundsText}` : ""}` };
}
