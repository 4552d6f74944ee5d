// Compiles the lifecycle table (introduced / deprecated / removed / replacement per group,
// version and kind) from k8s.io/api's markers across all releases, plus Pluto's table for the
// groups k8s.io/api does not define, and reports where Pluto disagrees with k8s.io/api.
import { PLUTO_SOURCE, type LifecycleEntry, type LifecycleTable } from "../snapshot/lifecycle";
import type { ApiTypeResource, PlutoEntry, Reference } from "./reference";
import type { Decision } from "./served";
import { RULES } from "./rules";
import { minorNumber, toMinor } from "./versions";

export const gvkKey = (group: string, version: string, kind: string) => `${group}/${version}/${kind}`;

/** "apps/v1" -> {group:"apps", version:"v1"}; "v1" -> core. */
function splitPluto(v: string) {
  const i = v.lastIndexOf("/");
  return i < 0 ? { group: "", version: v } : { group: v.slice(0, i), version: v.slice(i + 1) };
}

function factsOf(r: ApiTypeResource) {
  // lifecycleFunctions carry the generator's filled-in deprecated/removed; markers otherwise.
  const f = r.lifecycleFunctions ?? r.lifecycle;
  return f && (f.introduced || f.deprecated || f.removed || f.replacement) ? f : null;
}

export interface CompiledLifecycle {
  table: LifecycleTable;
  byGvk: Map<string, LifecycleEntry>;
  /** Last minor whose k8s.io/api contains the kind (absent for kinds outside k8s.io/api). */
  lastRelease: Map<string, string>;
}

export function compileLifecycle(ref: Reference, resourceNames: (group: string, kind: string) => string | null): CompiledLifecycle {
  const byGvk = new Map<string, LifecycleEntry>();
  const lastRelease = new Map<string, string>();
  for (const [minor, release] of ref.api) {
    for (const pkg of release.groups) {
      for (const r of pkg.resources) {
        const key = gvkKey(pkg.group, pkg.version, r.kind);
        lastRelease.set(key, minor);
        const f = factsOf(r);
        const prev = byGvk.get(key);
        if (!f && prev) continue;
        const replacement = f?.replacement ?? null;
        byGvk.set(key, {
          group: pkg.group, version: pkg.version, kind: r.kind, resource: resourceNames(pkg.group, r.kind),
          introduced: toMinor(f?.introduced), deprecated: toMinor(f?.deprecated), removed: toMinor(f?.removed),
          replacement, earlierReplacements: earlierReplacements(prev, replacement), offByDefaultIn: [],
          source: f ? `k8s.io/api ${release.sourceTag} ${r.lifecycleFunctions ? "lifecycleFunctions" : "markers"}` : `k8s.io/api ${release.sourceTag} (no lifecycle markers)`,
        });
      }
    }
  }

  const disagreements: LifecycleTable["disagreements"] = [];
  for (const p of ref.pluto.filter((e) => e.component === "k8s")) {
    const { group, version } = splitPluto(p.version);
    const key = gvkKey(group, version, p.kind);
    const own = byGvk.get(key);
    const pluto = plutoFacts(p);
    // A capture that still shows the kind served at or after Pluto's removal release contradicts Pluto.
    for (const [minor, rows] of ref.captures) {
      if (pluto.removed && minorNumber(minor) >= minorNumber(pluto.removed) && rows.some((r) => r.group === group && r.version === version && r.kind === p.kind)) {
        disagreements.push({ group, version, kind: p.kind, field: "removed", pluto: pluto.removed, reference: null, source: `captures/${minor}.json shows it served` });
      }
    }
    if (!own) {
      if (group === "apiextensions.k8s.io" || group === "apiregistration.k8s.io") {
        byGvk.set(key, { group, version, kind: p.kind, resource: resourceNames(group, p.kind), ...pluto, earlierReplacements: [], offByDefaultIn: [], source: `${PLUTO_SOURCE} (rule ${RULES.outsideK8sApi.id})` });
      }
      continue;
    }
    // k8s.io/api first; Pluto only fills what it leaves unsaid (rbac v1alpha1 has no markers), and says so.
    const filled = (["deprecated", "removed"] as const).filter((field) => own[field] === null && pluto[field] !== null);
    for (const field of filled) own[field] = pluto[field];
    if (filled.length) own.source += `; ${filled.join(" and ")} from ${PLUTO_SOURCE}`;
    for (const field of ["deprecated", "removed"] as const) {
      if (pluto[field] !== own[field]) {
        disagreements.push({ group, version, kind: p.kind, field, pluto: pluto[field], reference: own[field], source: own.source });
      }
    }
  }
  const entries = [...byGvk.values()].sort((a, b) => (gvkKey(a.group, a.version, a.kind) < gvkKey(b.group, b.version, b.kind) ? -1 : 1));
  return { table: { kind: "LifecycleTable", entries, disagreements }, byGvk, lastRelease };
}

type Gvk = NonNullable<LifecycleEntry["replacement"]>;
const sameGvk = (a: Gvk, b: Gvk) => a.group === b.group && a.version === b.version && a.kind === b.kind;

/** The replacements named before this release, newest first, without the one named now. */
function earlierReplacements(prev: LifecycleEntry | undefined, now: Gvk | null): Gvk[] {
  const named = [...(prev?.replacement ? [prev.replacement] : []), ...(prev?.earlierReplacements ?? [])];
  return named.filter((r, i) => (!now || !sameGvk(r, now)) && named.findIndex((x) => sameGvk(x, r)) === i);
}

/** Records, per kind, the releases whose default apiserver leaves it off although k8s.io/api has it. */
export function recordOffByDefault(life: CompiledLifecycle, minor: string, decisions: Decision[]): void {
  for (const d of decisions.filter((x) => x.offByDefault)) life.byGvk.get(gvkKey(d.group, d.version, d.kind))?.offByDefaultIn.push(minor);
}

function plutoFacts(p: PlutoEntry) {
  const replacement = p["replacement-api"] ? { ...splitPluto(p["replacement-api"]), kind: p.kind } : null;
  return { introduced: null, deprecated: toMinor(p["deprecated-in"]), removed: toMinor(p["removed-in"]), replacement };
}

export function isRemovedBy(entry: LifecycleEntry | undefined, minor: string): boolean {
  return !!entry?.removed && minorNumber(entry.removed) <= minorNumber(minor);
}
