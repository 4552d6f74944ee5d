// Which kinds a default kube-apiserver of a release serves, per group/version, and why.
import type { CompiledLifecycle } from "./lifecycle";
import { gvkKey, isRemovedBy } from "./lifecycle";
import type { ResourceDetails } from "./details";
import type { Reference } from "./reference";
import { RULES } from "./rules";
import { minorNumber, stabilityOf } from "./versions";

export interface ServedKind { group: string; version: string; kind: string; namespaced: boolean }
/** offByDefault: the release's k8s.io/api has the kind, but a default apiserver leaves it off (alpha, or beta under KEP-3136). */
export interface Decision extends ServedKind { served: boolean; offByDefault: boolean; reason: string }

const OUTSIDE_K8S_API = ["apiextensions.k8s.io", "apiregistration.k8s.io"];

/**
 * Beta group/versions that are served by default although their kinds were introduced in 1.24
 * or later: every group/version a default-cluster capture lists at such a beta.
 */
export function deriveDefaultOnBetas(ref: Reference, life: CompiledLifecycle): Map<string, string> {
  const found = new Map<string, string>(); // groupVersion -> first capture minor showing it
  for (const [minor, rows] of ref.captures) {
    for (const row of rows) {
      if (stabilityOf(row.version) !== "beta") continue;
      const introduced = life.byGvk.get(gvkKey(row.group, row.version, row.kind))?.introduced;
      if (introduced && minorNumber(introduced) >= 24 && !found.has(row.groupVersion)) found.set(row.groupVersion, minor);
    }
  }
  return found;
}

export function decideServed(ref: Reference, details: ResourceDetails, life: CompiledLifecycle, defaultOnBetas: Map<string, string>, minor: string): Decision[] {
  const release = ref.api.get(minor);
  if (!release) throw new Error(`no k8s.io/api facts for ${minor}`);
  const decisions: Decision[] = [];
  const decide = (k: ServedKind): Decision => {
    const entry = life.byGvk.get(gvkKey(k.group, k.version, k.kind));
    const stability = stabilityOf(k.version);
    if (isRemovedBy(entry, minor)) return { ...k, served: false, offByDefault: false, reason: `${RULES.removedNotServed.id} (removed ${entry!.removed})` };
    if (stability === "alpha") return { ...k, served: false, offByDefault: true, reason: RULES.alphaOff.id };
    if (stability === "beta") {
      const introduced = entry?.introduced;
      if (introduced && minorNumber(introduced) >= 24) {
        const gv = `${k.group}/${k.version}`;
        return defaultOnBetas.has(gv)
          ? { ...k, served: true, offByDefault: false, reason: `${RULES.betaOffFrom124.id}: exception seen in the ${defaultOnBetas.get(gv)} capture` }
          : { ...k, served: false, offByDefault: true, reason: `${RULES.betaOffFrom124.id} (introduced ${introduced})` };
      }
    }
    return { ...k, served: true, offByDefault: false, reason: stability === "ga" ? "GA" : "beta introduced before 1.24" };
  };

  for (const pkg of release.groups) {
    const upstreamKinds = details.upstreamKinds(pkg.group, pkg.version);
    for (const r of pkg.resources) {
      if (!r.registered) continue;
      if (r.genclient.noVerbs) { decisions.push({ group: pkg.group, version: pkg.version, kind: r.kind, namespaced: r.namespaced, served: false, offByDefault: false, reason: RULES.noVerbsNotServed.id }); continue; }
      decisions.push(decide({ group: pkg.group, version: pkg.version, kind: r.kind, namespaced: r.namespaced }));
    }
    // Registered kinds without +genclient that upstream serves as resources (core Binding).
    const genclient = new Set(pkg.resources.map((r) => r.kind));
    for (const kind of pkg.knownTypes) {
      if (genclient.has(kind) || !upstreamKinds.has(kind)) continue;
      const namespaced = ref.upstream.coreV1.resources.find((x) => x.kind === kind && !x.name.includes("/"))?.namespaced;
      if (pkg.group !== "" || namespaced === undefined) throw new Error(`${minor}: ${pkg.groupVersion} ${kind} is served upstream without +genclient; scope unknown`);
      decisions.push(decide({ group: pkg.group, version: pkg.version, kind, namespaced }));
    }
  }

  // apiextensions.k8s.io and apiregistration.k8s.io: v1 kinds from the captures, other versions from Pluto.
  for (const group of OUTSIDE_K8S_API) {
    const rows = [...ref.captures.values()].flat().filter((r) => r.group === group);
    const kinds = new Map(rows.map((r) => [r.kind, r.namespaced]));
    for (const [kind, namespaced] of kinds) {
      decisions.push(decide({ group, version: "v1", kind, namespaced }));
      for (const entry of life.table.entries.filter((e) => e.group === group && e.kind === kind && e.version !== "v1")) {
        decisions.push(decide({ group, version: entry.version, kind, namespaced }));
      }
    }
  }
  return decisions;
}
