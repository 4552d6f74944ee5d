// Reads discovery documents back into the model. Used to index snapshots (diff, check,
// timelines) and to prove that the legacy and aggregated views of a snapshot agree.
import type { APIGroupDiscoveryList, APIGroupList, APIResourceList, APIVersions } from "./types";
import type { GroupModel, ResourceModel, VersionModel } from "./model";

/** Resolves one legacy document (e.g. "/apis/apps/v1") to its parsed body. */
export type LegacyLookup = (path: string) => unknown;

export function versionFromResourceList(list: APIResourceList): VersionModel {
  const version = list.groupVersion.includes("/") ? list.groupVersion.split("/")[1]! : list.groupVersion;
  const parents = new Map<string, ResourceModel>();
  for (const r of list.resources) {
    if (r.name.includes("/")) continue;
    parents.set(r.name, {
      resource: r.name, kind: r.kind, namespaced: r.namespaced, singularName: r.singularName, verbs: r.verbs,
      ...(r.shortNames?.length ? { shortNames: r.shortNames } : {}),
      ...(r.categories?.length ? { categories: r.categories } : {}),
      ...(r.storageVersionHash ? { storageVersionHash: r.storageVersionHash } : {}),
      subresources: [],
    });
  }
  for (const r of list.resources) {
    const slash = r.name.indexOf("/");
    if (slash < 0) continue;
    const parent = parents.get(r.name.slice(0, slash));
    // A subresource without its parent is possible on aggregated API servers; keep it visible.
    const owner = parent ?? { resource: r.name.slice(0, slash), kind: "", namespaced: r.namespaced, singularName: "", verbs: [], subresources: [] };
    if (!parent) parents.set(owner.resource, owner);
    owner.subresources.push({ subresource: r.name.slice(slash + 1), responseKind: { group: r.group ?? "", version: r.version ?? "", kind: r.kind }, verbs: r.verbs });
  }
  return { version, resources: [...parents.values()] };
}

/**
 * The model of the legacy documents. A group-version listed by /api or /apis whose own document
 * is absent (a captured server that refused it; the manifest lists it as unknown) is left out.
 */
export function modelFromLegacy(lookup: LegacyLookup): GroupModel[] {
  const versionsOf = (paths: { version: string; path: string }[]) =>
    paths.flatMap(({ path }) => {
      const list = lookup(path) as APIResourceList | undefined;
      return list ? [versionFromResourceList(list)] : [];
    });
  const api = lookup("/api") as APIVersions | undefined;
  const apis = lookup("/apis") as APIGroupList | undefined;
  const groups: GroupModel[] = [
    { name: "", versions: versionsOf((api?.versions ?? []).map((v) => ({ version: v, path: `/api/${v}` }))) },
    ...(apis?.groups ?? []).map((g) => ({ name: g.name, versions: versionsOf(g.versions.map((v) => ({ version: v.version, path: `/apis/${g.name}/${v.version}` }))) })),
  ];
  return groups.filter((g) => g.versions.length > 0);
}

export function modelFromAggregated(...lists: APIGroupDiscoveryList[]): GroupModel[] {
  return lists.flatMap((list) => list.items.map((item) => ({
    name: item.metadata.name ?? "",
    versions: item.versions.map((v) => ({
      version: v.version,
      resources: (v.resources ?? []).map((r) => ({
        resource: r.resource, kind: r.responseKind?.kind ?? "", namespaced: r.scope === "Namespaced", singularName: r.singularResource, verbs: r.verbs,
        ...(r.shortNames?.length ? { shortNames: r.shortNames } : {}),
        ...(r.categories?.length ? { categories: r.categories } : {}),
        subresources: (r.subresources ?? []).map((s) => ({ subresource: s.subresource, responseKind: s.responseKind ?? { group: "", version: "", kind: "" }, verbs: s.verbs })),
      })),
    })),
  })));
}
