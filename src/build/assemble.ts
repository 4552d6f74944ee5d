// Builds one release's discovery model from the reference: served kinds -> resources with
// detail -> groups in the apiserver's order. Records where every part came from and what is unknown.
import type { GroupModel, ResourceModel, VersionModel } from "../discovery/model";
import type { Unknown } from "../snapshot/manifest";
import type { ResourceDetails } from "./details";
import type { CompiledLifecycle } from "./lifecycle";
import type { Reference } from "./reference";
import { AGGREGATOR_GROUP, API_SERVICE_PRIORITIES, RULES, singularNamesServed } from "./rules";
import type { Decision } from "./served";
import { storageFact } from "./storage-hash";
import { subresourcesServed } from "./subresources";
import { compareKubeAwareVersions } from "./versions";

export interface AssembledRelease {
  groups: GroupModel[];
  unknown: Unknown[];
  /** Values filled by inference rather than read from a source. */
  inferred: Unknown[];
  /** Where the storage version hashes came from: source -> count. */
  hashSources: Map<string, number>;
  notes: string[];
  rules: Set<string>;
}

/** Verbs of a +genclient type without discovery detail anywhere in the reference. */
const GENCLIENT_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

export function assembleRelease(ref: Reference, details: ResourceDetails, life: CompiledLifecycle, minor: string, decisions: Decision[]): AssembledRelease {
  const unknown: Unknown[] = [];
  const inferred: Unknown[] = [];
  const hashSources = new Map<string, number>();
  const notes: string[] = [];
  const rules = new Set<string>([RULES.alphaOff.id, RULES.removedNotServed.id, RULES.betaOffFrom124.id, RULES.outsideK8sApi.id, RULES.noVerbsNotServed.id,
    RULES.storageVersionHash.id, RULES.gatedSubresources.id, RULES.featureGateDefaults.id, RULES.singularNames.id, RULES.cohabiting.id, RULES.apiServicePriorities.id, RULES.aggregatorGroupFirst.id]);
  const versions = new Map<string, VersionModel>(); // "group/version"
  const releaseKinds = ref.api.get(minor)!;

  for (const d of decisions.filter((x) => x.served)) {
    const resource = details.resourceName(d.group, d.kind);
    const gvLabel = `${d.group || "core"}/${d.version}`;
    if (!resource) {
      notes.push(`${gvLabel} ${d.kind}: no resource name for this kind in the captures or upstream documents; not listed.`);
      continue;
    }
    const documentPath = d.group === "" ? `/api/${d.version}` : `/apis/${d.group}/${d.version}`;
    const detail = details.detail(minor, d.group, d.version, resource);
    const base = detail?.resource;
    if (base && base.namespaced !== d.namespaced) throw new Error(`${minor} ${gvLabel} ${resource}: scope differs between k8s.io/api and ${detail!.from}`);
    let verbs = base?.verbs;
    if (!verbs) {
      const gc = releaseKinds.groups.find((p) => p.group === d.group && p.version === d.version)?.resources.find((r) => r.kind === d.kind)?.genclient;
      verbs = gc?.onlyVerbs ?? GENCLIENT_VERBS.filter((v) => !gc?.skipVerbs?.includes(v));
      unknown.push({ document: documentPath, field: `${resource}.verbs`, reason: "no discovery document in the reference lists this resource; verbs are the +genclient client verb set" });
      unknown.push({ document: documentPath, field: `${resource}.subresources`, reason: "no discovery document in the reference lists this resource" });
      unknown.push({ document: documentPath, field: `${resource}.categories`, reason: "no discovery document in the reference lists this resource" });
    }
    const shortNames = details.capturedShortNames(minor, d.group, resource) ?? base?.shortNames ?? [];
    const singularName = singularNamesServed(minor) ? base?.singularName ?? null : "";
    if (singularName === null) unknown.push({ document: documentPath, field: `${resource}.singularName`, reason: "no discovery document in the reference lists this resource" });
    const storage = storageFact(ref, life, minor, d.group, d.version, d.kind, resource, verbs);
    if ("none" in storage && verbs.includes("watch")) unknown.push({ document: documentPath, field: `${resource}.storageVersionHash`, reason: `storage version not established: ${storage.none}` });
    if ("hash" in storage) hashSources.set(storage.from, (hashSources.get(storage.from) ?? 0) + 1);
    if ("hash" in storage && storage.disagreement) notes.push(storage.disagreement);
    if ("hash" in storage && storage.inferred) inferred.push({ document: documentPath, field: `${resource}.storageVersionHash`, reason: storage.inferred });
    const model: ResourceModel = {
      resource, kind: d.kind, namespaced: d.namespaced, singularName: singularName ?? "", verbs,
      ...(shortNames.length ? { shortNames } : {}),
      ...(base?.categories?.length ? { categories: base.categories } : {}),
      ...("hash" in storage ? { storageVersionHash: storage.hash } : {}),
      subresources: subresourcesServed(ref, minor, d.group, d.kind, base?.subresources ?? []),
    };
    const key = `${d.group}/${d.version}`;
    if (!versions.has(key)) versions.set(key, { version: d.version, resources: [] });
    versions.get(key)!.resources.push(model);
  }

  return { groups: orderGroups(versions, notes), unknown, inferred, hashSources, notes, rules };
}

/** Orders groups and versions as kube-aggregator does (rules aggregator-group-first, apiservice-priorities). */
function orderGroups(versions: Map<string, VersionModel>, notes: string[]): GroupModel[] {
  const groupPriority = new Map<string, number>();
  for (const [gv, [gp]] of Object.entries(API_SERVICE_PRIORITIES)) {
    const group = gv.slice(0, gv.lastIndexOf("/"));
    groupPriority.set(group, Math.max(groupPriority.get(group) ?? 0, gp));
  }
  const services: { group: string; version: string; gp: number; vp: number }[] = [];
  for (const [key, v] of versions) {
    const group = key.slice(0, key.lastIndexOf("/"));
    if (group === "" || group === AGGREGATOR_GROUP) continue;
    const row = API_SERVICE_PRIORITIES[key];
    if (!row) {
      const gp = groupPriority.get(group);
      if (gp === undefined) throw new Error(`${key} is served but has no APIService priority and its group has none: add a cited row to rules.ts`);
      notes.push(`${key}: no APIService priority row in the cited sources; ordered with its group's priority ${gp} and after the group's versions that have one.`);
      services.push({ group, version: v.version, gp, vp: 0 });
    } else services.push({ group, version: v.version, gp: row[0], vp: row[1] });
  }
  services.sort((a, b) => b.gp - a.gp || cmp(`${a.version}.${a.group}`, `${b.version}.${b.group}`));
  const groupOrder = [...new Set(services.map((s) => s.group))];
  const byVersionPriority = (group: string) => services.filter((s) => s.group === group)
    .sort((a, b) => b.vp - a.vp || compareKubeAwareVersions(a.version, b.version)).map((s) => versions.get(`${group}/${s.version}`)!);
  const core = versions.get("/v1");
  const aggregator = [...versions.entries()].filter(([k]) => k.startsWith(`${AGGREGATOR_GROUP}/`)).map(([, v]) => v).sort((a, b) => compareKubeAwareVersions(a.version, b.version));
  return [
    ...(core ? [{ name: "", versions: [core] }] : []),
    ...(aggregator.length ? [{ name: AGGREGATOR_GROUP, versions: aggregator }] : []),
    ...groupOrder.map((group) => ({ name: group, versions: byVersionPriority(group) })),
  ];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
