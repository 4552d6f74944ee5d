// The catalog: what the worker knows about every published snapshot without reading its
// documents — ids, aliases, counts, provenance and the sha256 (ETag) of every document.
import * as z from "zod";
import { AggregatedForm } from "../discovery/types";
import type { GroupModel } from "../discovery/model";
import { documentKey } from "../snapshot/documents";
import { compareSnapshotIds } from "../snapshot/ids";
import { MINOR, type Manifest } from "../snapshot/manifest";
import { UnknownResource, unknownResourcesOf } from "../snapshot/unknown-resources";

export const CatalogSnapshot = z.object({
  id: z.string(),
  kubernetesVersion: z.string(),
  gitVersion: z.string().nullable(),
  /** Patch release from gitVersion ("1.29.2"), null when unknown. */
  patch: z.string().nullable(),
  provenance: z.enum(["built", "captured"]),
  aggregatedDiscovery: z.array(AggregatedForm),
  counts: z.object({ groups: z.number().int(), groupVersions: z.number().int(), resources: z.number().int() }).strict(),
  aliases: z.array(z.string()),
  /** documentKey(ref) -> sha256 of the wire bytes (stored under doc/<sha256>). */
  documents: z.record(z.string(), z.string()),
  /** sha256 of the field index published under fields/<id>; null when the snapshot has none (captured clusters). */
  fields: z.string().nullable(),
  /** sha256 of the snapshot's GroupModel[] JSON (stored under index/<sha256>). */
  index: z.string(),
  /** Resources the snapshot's sources leave open: checks answer unknown for them, diffs name them.
   * A catalog published before the field existed has none, and stays readable. */
  unknownResources: z.array(UnknownResource).default([]),
}).strict();
export type CatalogSnapshot = z.infer<typeof CatalogSnapshot>;

/** GET /v1/versions: every published snapshot without its document hashes. */
export const SnapshotList = z.object({ kind: z.literal("SnapshotList"), items: z.array(CatalogSnapshot.omit({ documents: true })) }).strict();
export type SnapshotList = z.infer<typeof SnapshotList>;

export const Catalog = z.object({
  kind: z.literal("Catalog"),
  /** Hash of everything published; changes whenever any snapshot does. */
  generation: z.string(),
  snapshots: z.array(CatalogSnapshot),
  /** alias (and id) -> canonical id */
  aliases: z.record(z.string(), z.string()),
  /** sha256 of the LifecycleTable JSON (stored under lifecycle/<sha256>); null when none is published. */
  lifecycle: z.string().nullable(),
}).strict();
export type Catalog = z.infer<typeof Catalog>;

export const LATEST = "latest";

/** Aliases of a snapshot: its id, "v"+minor, and the patch release it records ("1.29.2", "v1.29.2"). */
export function aliasesOf(m: Manifest): string[] {
  const aliases = [m.id];
  if (MINOR.test(m.id)) aliases.push(`v${m.id}`);
  // Only built releases claim their patch: a captured cluster must not take over "1.29.8".
  const patch = /^v(\d+\.\d+\.\d+)$/.exec(m.gitVersion ?? "")?.[1];
  if (m.provenance.kind === "built" && patch) aliases.push(patch, `v${patch}`);
  return aliases;
}

export function countsOf(groups: GroupModel[]): CatalogSnapshot["counts"] {
  return {
    groups: groups.length,
    groupVersions: groups.reduce((n, g) => n + g.versions.length, 0),
    resources: groups.reduce((n, g) => n + g.versions.reduce((k, v) => k + v.resources.length, 0), 0),
  };
}

export interface PublishedSnapshot { manifest: Manifest; groups: GroupModel[]; /** sha256 of the stored index */ index: string }

export function buildCatalog(entries: PublishedSnapshot[], lifecycle: string | null, generation: string): Catalog {
  const snapshots = [...entries].sort((a, b) => compareSnapshotIds(a.manifest.id, b.manifest.id)).map(({ manifest, groups, index }): CatalogSnapshot => ({
    id: manifest.id,
    kubernetesVersion: manifest.kubernetesVersion,
    gitVersion: manifest.gitVersion,
    patch: /^v(\d+\.\d+\.\d+)/.exec(manifest.gitVersion ?? "")?.[1] ?? null,
    provenance: manifest.provenance.kind,
    aggregatedDiscovery: manifest.aggregatedDiscovery,
    counts: countsOf(groups),
    aliases: aliasesOf(manifest),
    documents: Object.fromEntries(manifest.documents.map((d) => [documentKey(d), d.sha256])),
    fields: manifest.fields?.sha256 ?? null,
    index,
    unknownResources: unknownResourcesOf(manifest),
  }));
  // `latest` is the newest Kubernetes release among the built snapshots (custom captures never are).
  const built = snapshots.filter((s) => s.provenance === "built" && MINOR.test(s.id));
  if (built.length) built[built.length - 1]!.aliases.push(LATEST);
  const aliases: Record<string, string> = {};
  for (const s of snapshots) for (const a of s.aliases) {
    if (aliases[a] && aliases[a] !== s.id) throw new Error(`alias ${a} names both ${aliases[a]} and ${s.id}`);
    aliases[a] = s.id;
  }
  return { kind: "Catalog", generation, snapshots, aliases, lifecycle };
}

/** The snapshot an id or alias names exactly ("1.29", "v1.29", "1.29.2", "v1.29.2", "latest", a capture's id). */
export function resolveSnapshot(c: Catalog, alias: string): CatalogSnapshot | undefined {
  const id = c.aliases[alias];
  return id === undefined ? undefined : c.snapshots.find((s) => s.id === id);
}

export interface ResolvedTarget {
  snapshot: CatalogSnapshot;
  /** Set when a patch release the catalog does not record was matched to its minor's release snapshot. */
  byMinor: string | null;
}

/**
 * A check or diff target as users write it: any exact alias, or a patch release of a built minor
 * ("1.29.8", "v1.25.0": what EKS and GKE report), which is checked against that minor's snapshot.
 */
export function resolveTarget(c: Catalog, name: string): ResolvedTarget | undefined {
  const exact = resolveSnapshot(c, name);
  if (exact) return { snapshot: exact, byMinor: null };
  const minor = /^v?(1\.\d+)\.\d+$/.exec(name)?.[1];
  const release = minor === undefined ? undefined : resolveSnapshot(c, minor);
  if (!release || release.provenance !== "built") return undefined;
  return { snapshot: release, byMinor: `${name} is checked against the ${release.id} release snapshot (${release.gitVersion ?? release.kubernetesVersion})` };
}
