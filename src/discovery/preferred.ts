// The resource list `kubectl api-resources` shows: one row per group and resource, at the
// group's preferred version when it serves the resource, else at the first version in server
// order that does (client-go discovery ServerPreferredResources).
import { groupVersion, type GroupModel } from "./model";

export interface PreferredRow { name: string; shortNames: string[]; groupVersion: string; namespaced: boolean; kind: string; verbs: string[]; categories: string[] }

export function preferredResources(groups: GroupModel[]): PreferredRow[] {
  const rows = new Map<string, PreferredRow>();
  for (const g of groups) {
    g.versions.forEach((v, i) => {
      for (const r of v.resources) {
        const key = `${g.name}/${r.resource}`;
        if (rows.has(key) && i !== 0) continue;
        rows.set(key, { name: r.resource, shortNames: r.shortNames ?? [], groupVersion: groupVersion(g.name, v.version), namespaced: r.namespaced, kind: r.kind, verbs: r.verbs, categories: r.categories ?? [] });
      }
    });
  }
  return [...rows.values()];
}
