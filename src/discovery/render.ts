// Renders discovery documents from the model, field by field in Go struct order.
import type { APIGroup, APIGroupDiscoveryList, APIGroupList, APIResource, APIResourceList, AggregatedForm, APIVersions, GroupVersionForDiscovery } from "./types";
import { groupVersion, type GroupModel, type ResourceModel, type VersionModel } from "./model";

export interface RenderOptions {
  /** Groups whose documents carry no apiVersion (kube-apiserver serves extensions this way). */
  groupsWithoutApiVersion: ReadonlySet<string>;
  /** Whether aggregated group metadata carries "creationTimestamp": null. */
  creationTimestampNull: boolean;
}

const byName = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

function gvd(group: string, version: string): GroupVersionForDiscovery {
  return { groupVersion: groupVersion(group, version), version };
}

export function renderAPIVersions(core: GroupModel | undefined): APIVersions {
  return { kind: "APIVersions", versions: (core?.versions ?? []).map((v) => v.version), serverAddressByClientCIDRs: [] };
}

export function renderAPIGroup(g: GroupModel, opts: RenderOptions, inList: boolean): APIGroup {
  const head = inList ? {} : opts.groupsWithoutApiVersion.has(g.name) ? { kind: "APIGroup" as const } : { kind: "APIGroup" as const, apiVersion: "v1" as const };
  const versions = g.versions.map((v) => gvd(g.name, v.version));
  return { ...head, name: g.name, versions, preferredVersion: versions[0]! };
}

export function renderAPIGroupList(groups: GroupModel[], opts: RenderOptions): APIGroupList {
  return { kind: "APIGroupList", apiVersion: "v1", groups: groups.filter((g) => g.name !== "").map((g) => renderAPIGroup(g, opts, true)) };
}

function legacyEntries(r: ResourceModel): APIResource[] {
  const main: APIResource = {
    name: r.resource, singularName: r.singularName, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs,
    ...(r.shortNames?.length ? { shortNames: r.shortNames } : {}),
    ...(r.categories?.length ? { categories: r.categories } : {}),
    ...(r.storageVersionHash ? { storageVersionHash: r.storageVersionHash } : {}),
  };
  const subs = r.subresources.map((s): APIResource => ({
    name: `${r.resource}/${s.subresource}`, singularName: "", namespaced: r.namespaced,
    ...(s.responseKind.group || s.responseKind.version ? { group: s.responseKind.group, version: s.responseKind.version } : {}),
    kind: s.responseKind.kind, verbs: s.verbs,
  }));
  return [main, ...subs];
}

export function renderAPIResourceList(group: string, v: VersionModel, opts: RenderOptions): APIResourceList {
  // The apiserver installs handlers in sorted path order, so subresources follow their parent.
  const resources = [...v.resources].sort(byName((r) => r.resource)).flatMap(legacyEntries).sort(byName((r) => r.name));
  const head = group === "" || opts.groupsWithoutApiVersion.has(group)
    ? { kind: "APIResourceList" as const }
    : { kind: "APIResourceList" as const, apiVersion: "v1" as const };
  return { ...head, groupVersion: groupVersion(group, v.version), resources };
}

export function renderAggregated(groups: GroupModel[], form: AggregatedForm, opts: RenderOptions): APIGroupDiscoveryList {
  return {
    kind: "APIGroupDiscoveryList",
    apiVersion: `apidiscovery.k8s.io/${form}`,
    metadata: {},
    items: groups.map((g) => ({
      metadata: { ...(g.name === "" ? {} : { name: g.name }), ...(opts.creationTimestampNull ? { creationTimestamp: null } : {}) },
      versions: g.versions.map((v) => ({
        version: v.version,
        resources: [...v.resources].sort(byName((r) => r.resource)).map((r) => ({
          resource: r.resource,
          responseKind: { group: "", version: "", kind: r.kind },
          scope: r.namespaced ? ("Namespaced" as const) : ("Cluster" as const),
          singularResource: r.singularName,
          verbs: r.verbs,
          ...(r.shortNames?.length ? { shortNames: r.shortNames } : {}),
          ...(r.categories?.length ? { categories: r.categories } : {}),
          ...(r.subresources.length ? { subresources: r.subresources.map((s) => ({ subresource: s.subresource, responseKind: s.responseKind, verbs: s.verbs })) } : {}),
        })),
        freshness: "Current" as const,
      })),
    })),
  };
}
