// Per-resource detail from the reference: resource names, short names (captures), verbs,
// categories, singular names and subresources (upstream all-APIs discovery documents).
import type { GroupModel, ResourceModel } from "../discovery/model";
import { modelFromAggregated, versionFromResourceList } from "../discovery/read";
import type { Reference } from "./reference";
import { minorNumber } from "./versions";

export interface Detail { resource: ResourceModel; from: string }

interface UpstreamDoc { file: string; groups: GroupModel[] }

/** Groups whose resources are one storage served under two names (rule cohabiting-resources). */
export const COHABITING: Record<string, string> = { extensions: "networking.k8s.io" };

export class ResourceDetails {
  private readonly names = new Map<string, string>(); // "group/kind" -> resource
  private readonly older: UpstreamDoc[];
  private readonly newer: UpstreamDoc[];

  constructor(private readonly ref: Reference) {
    for (const rows of ref.captures.values()) for (const r of rows) this.names.set(`${r.group}/${r.kind}`, r.name);
    // resource.k8s.io in the 1.31-era document is a transitional set that never shipped (README caveat).
    this.older = [
      { file: "upstream-discovery/api__v1.json", groups: [{ name: "", versions: [versionFromResourceList(ref.upstream.coreV1)] }] },
      { file: "upstream-discovery/aggregated_v2.json", groups: modelFromAggregated(ref.upstream.aggregated).filter((g) => g.name !== "resource.k8s.io") },
    ];
    this.newer = [{ file: "upstream-discovery/aggregated_v2.newer.json", groups: modelFromAggregated(ref.upstream.aggregatedNewer) }];
    for (const doc of [...this.older, ...this.newer]) for (const g of doc.groups) for (const v of g.versions) for (const r of v.resources) {
      if (!this.names.has(`${g.name}/${r.kind}`)) this.names.set(`${g.name}/${r.kind}`, r.resource);
    }
  }

  /** Plural resource name of a kind, from the captures or the upstream documents. */
  resourceName(group: string, kind: string): string | null {
    const partner = COHABITING[group];
    return this.names.get(`${group}/${kind}`) ?? (partner ? this.names.get(`${partner}/${kind}`) ?? null : null);
  }

  /** Kinds that an upstream document lists as top-level resources of group/version. */
  upstreamKinds(group: string, version: string): Set<string> {
    const kinds = new Set<string>();
    for (const doc of [...this.older, ...this.newer]) for (const g of doc.groups) if (g.name === group) {
      for (const v of g.versions) if (v.version === version) for (const r of v.resources) kinds.add(r.kind);
    }
    return kinds;
  }

  /**
   * Upstream detail for a served resource: same group/version first, then the same resource in
   * another version of the group (one storage serves every version), then its cohabiting group.
   * The document closest to the release is preferred.
   */
  detail(minor: string, group: string, version: string, resource: string): Detail | null {
    const docs = minorNumber(minor) >= 33 ? [...this.newer, ...this.older] : [...this.older, ...this.newer];
    const partner = COHABITING[group];
    for (const g of partner ? [group, partner] : [group]) {
      for (const sameVersion of [true, false]) {
        for (const doc of docs) for (const gm of doc.groups) if (gm.name === g) for (const v of gm.versions) {
          if (sameVersion !== (v.version === version)) continue;
          const r = v.resources.find((x) => x.resource === resource);
          if (r) return { resource: r, from: g === group && sameVersion ? doc.file : `${doc.file} (${g ? `${g}/` : ""}${v.version})` };
        }
      }
    }
    return null;
  }

  /** Short names kubectl showed for group/resource in the capture of this release, else null. */
  capturedShortNames(minor: string, group: string, resource: string): string[] | null {
    const row = this.ref.captures.get(minor)?.find((r) => r.group === group && r.name === resource);
    return row ? row.shortNames : null;
  }
}
