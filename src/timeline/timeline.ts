// Timelines: in which releases a group/version/resource is served, and its lifecycle facts
// ("available since 1.19, deprecated in 1.19, removed in 1.22, use networking.k8s.io/v1 Ingress").
import * as z from "zod";
import { groupVersion } from "../discovery/model";
import { LifecycleEntry } from "../snapshot/lifecycle";
import { lifecycleFor, namesResource, type ReleaseHistory } from "./history";

// The schemas are the JSON of GET /v1/timeline (and its OpenAPI description).
const Served = z.object({
  /** Releases serving it, oldest first. */
  servedIn: z.array(z.string()),
  firstServed: z.string().nullable(),
  lastServed: z.string().nullable(),
  /** The first release after lastServed that no longer serves it (null while still served or never served). */
  notServedFrom: z.string().nullable(),
});
export type Served = z.infer<typeof Served>;

export const ResourceTimeline = Served.extend({
  resource: z.string().nullable(),
  kind: z.string(),
  /** Short names any release gives it (kubectl's `ing`, `deploy`, `cj`). */
  shortNames: z.array(z.string()),
  lifecycle: LifecycleEntry.omit({ group: true, version: true, kind: true, resource: true }).nullable(),
}).strict();
export type ResourceTimeline = z.infer<typeof ResourceTimeline>;

export const VersionTimeline = Served.extend({
  version: z.string(),
  groupVersion: z.string(),
  resources: z.array(ResourceTimeline),
}).strict();
export type VersionTimeline = z.infer<typeof VersionTimeline>;

export const APITimeline = z.object({
  kind: z.literal("APITimeline"),
  group: z.string(),
  /** The releases the timeline covers, oldest first. */
  releases: z.array(z.string()),
  versions: z.array(VersionTimeline),
}).strict();
export type APITimeline = z.infer<typeof APITimeline>;

function served(history: ReleaseHistory, ids: Set<string>): Served {
  const servedIn = history.releases.filter((id) => ids.has(id));
  const last = servedIn.at(-1) ?? null;
  const after = last === null ? [] : history.releases.slice(history.releases.indexOf(last) + 1);
  return { servedIn, firstServed: servedIn[0] ?? null, lastServed: last, notServedFrom: after[0] ?? null };
}

function lifecycleFacts(e: LifecycleEntry | undefined): ResourceTimeline["lifecycle"] {
  if (!e) return null;
  const { group: _g, version: _v, kind: _k, resource: _r, ...facts } = e;
  return facts;
}

/** Every resource a group/version ever had in a release or in the lifecycle facts, keyed by kind. */
function versionTimeline(history: ReleaseHistory, group: string, version: string): VersionTimeline {
  const gv = groupVersion(group, version);
  const byKind = new Map<string, { resource: string | null; shortNames: Set<string>; ids: Set<string> }>();
  const gvIds = new Set<string>();
  for (const id of history.releases) {
    const resources = history.served.get(id)?.get(gv);
    if (!resources) continue;
    gvIds.add(id);
    for (const r of resources) {
      const entry = byKind.get(r.kind) ?? { resource: r.resource, shortNames: new Set<string>(), ids: new Set<string>() };
      entry.resource = r.resource;
      for (const s of r.shortNames ?? []) entry.shortNames.add(s);
      entry.ids.add(id);
      byKind.set(r.kind, entry);
    }
  }
  for (const e of history.lifecycle) {
    if (e.group === group && e.version === version && !byKind.has(e.kind)) byKind.set(e.kind, { resource: e.resource, shortNames: new Set(), ids: new Set() });
  }
  const resources = [...byKind.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([kind, { resource, shortNames, ids }]): ResourceTimeline => ({ resource, kind, shortNames: [...shortNames].sort(), ...served(history, ids), lifecycle: lifecycleFacts(lifecycleFor(history, group, version, kind)) }));
  return { version, groupVersion: gv, ...served(history, gvIds), resources };
}

/** Versions of a group in release order of first appearance, then those only the lifecycle facts know. */
function versionsOf(history: ReleaseHistory, group: string): string[] {
  const versions = new Set<string>();
  for (const id of history.releases) {
    for (const gv of history.served.get(id)?.keys() ?? []) {
      const slash = gv.lastIndexOf("/");
      if ((slash < 0 ? "" : gv.slice(0, slash)) === group) versions.add(slash < 0 ? gv : gv.slice(slash + 1));
    }
  }
  for (const e of history.lifecycle) if (e.group === group) versions.add(e.version);
  return [...versions];
}

/** Timeline of every version of a group; null when no release or lifecycle fact knows the group. */
export function groupTimeline(history: ReleaseHistory, group: string): APITimeline | null {
  const versions = versionsOf(history, group);
  if (!versions.length) return null;
  return { kind: "APITimeline", group, releases: history.releases, versions: versions.map((v) => versionTimeline(history, group, v)) };
}

/** Timeline of one group/version/resource, named by kind, plural, singular or short name; null when unknown. */
export function resourceTimeline(history: ReleaseHistory, group: string, version: string, kindOrResource: string): APITimeline | null {
  if (!versionsOf(history, group).includes(version)) return null;
  const vt = versionTimeline(history, group, version);
  const resources = vt.resources.filter((r) => namesResource(r, kindOrResource));
  if (!resources.length) return null;
  return { kind: "APITimeline", group, releases: history.releases, versions: [{ ...vt, resources }] };
}
