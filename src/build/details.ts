// Per-resource detail from the reference: resource names, short names (captures), verbs,
// categories, singular names and subresources (upstream all-APIs discovery documents).
import type { GroupModel, ResourceModel } from "../discovery/model";
import { modelFromAggregated, versionFromResourceList } from "../discovery/read";
import type { Reference } from "./reference";
import { minorNumber } from "./versions";

export interface Detail { resource: ResourceModel; from: string }

/** An upstream document and the minor whose development it belongs to. */
interface UpstreamDoc { file: string; era: number; groups: GroupModel[] }

/** Groups whose resources are one storage served under two names (rule cohabiting-resources). */
export const COHABITING: Record<string, string> = { extensions: "networking.k8s.io" };

export class ResourceDetails {
  private readonly names = new Map<string, string>(); // "group/kind" -> resource
  private readonly docs: UpstreamDoc[];

  constructor(private readonly ref: Reference) {
    for (const rows of ref.captures.values()) for (const r of rows) this.names.set(`${r.group}/${r.kind}`, r.name);
    // resource.k8s.io in the 1.31-era document is a transitional set that never shipped (README caveat).
    const core = (coreV1: typeof ref.upstream.coreV1) => [{ name: "", versions: [versionFromResourceList(coreV1)] }];
    this.docs = [
      { file: "upstream-discovery/api__v1.json", era: 31, groups: core(ref.upstream.coreV1) },
      { file: "upstream-discovery/aggregated_v2.json", era: 31, groups: modelFromAggregated(ref.upstream.aggregated).filter((g) => g.name !== "resource.k8s.io") },
      { file: "upstream-discovery/aggregated_v2.newer.json", era: 33, groups: modelFromAggregated(ref.upstream.aggregatedNewer) },
      ...ref.upstream.later.map((d) => ({ file: d.file, era: d.era, groups: d.aggregated ? modelFromAggregated(d.aggregated) : core(d.coreV1!) })),
    ];
    for (const doc of this.docs) for (const g of doc.groups) for (const v of g.versions) for (const r of v.resources) {
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
    for (const doc of this.docs) for (const g of doc.groups) if (g.name === group) {
      for (const v of g.versions) if (v.version === version) for (const r of v.resources) kinds.add(r.kind);
    }
    return kinds;
  }

  /**
   * Upstream detail for a served resource: same group/version first, then the same resource in
   * another version of the group (one storage serves every version), then its cohabiting group.
   * The document closest to the release is preferred (the older one on a tie).
   */
  detail(minor: string, group: string, version: string, resource: string): Detail | null {
    const m = minorNumber(minor);
    const docs = [...this.docs].sort((a, b) => Math.abs(a.era - m) - Math.abs(b.era - m) || a.era - b.era);
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
