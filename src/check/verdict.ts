// The verdict for one object against one target snapshot. "Served" always comes from the
// target itself; deprecation and planned removal from the lifecycle facts; when and why
// something is not served from the release history: not yet, off by default, or removed.
import { groupVersion, splitGroupVersion } from "../discovery/model";
import type { SnapshotIndex } from "../diff/snapshot-index";
import { PLUTO_SOURCE, type LifecycleEntry } from "../snapshot/lifecycle";
import { lifecycleFor, type ReleaseHistory } from "../timeline/history";
import { definedVerdict, type CustomResourceDefinitionFacts } from "./custom-resources";
import { knownGroup } from "./known-groups";
import type { ApiRef, Verdict } from "./result";
import { minorNumber } from "../snapshot/ids";

type Gvk = { group: string; version: string; kind: string };
const api = (r: Gvk): ApiRef => ({ apiVersion: groupVersion(r.group, r.version), kind: r.kind });
const named = (r: ApiRef) => `${r.apiVersion} ${r.kind}`;
const minorOf = (n: number) => `1.${n}`;

/** Releases serving group/version/kind, oldest first. */
function releasesServing(history: ReleaseHistory, gv: string, kind: string): string[] {
  return history.releases.filter((id) => history.served.get(id)?.get(gv)?.some((r) => r.kind === kind));
}

const serves = (target: SnapshotIndex, r: Gvk) =>
  target.groups.find((g) => g.name === r.group)?.versions.find((v) => v.version === r.version)?.resources.some((x) => x.kind === r.kind) ?? false;

/**
 * What to use instead, only if the target serves it: the replacements k8s.io/api names (now, then
 * earlier ones), followed down their own replacements; else another version of the same group and
 * kind that the target serves (its preferred one first).
 */
export function replacementFor(target: SnapshotIndex, history: ReleaseHistory, self: Gvk, life: LifecycleEntry | undefined): ApiRef | null {
  const seen = new Set([groupVersion(self.group, self.version) + " " + self.kind]);
  const queue: Gvk[] = life ? [...(life.replacement ? [life.replacement] : []), ...life.earlierReplacements] : [];
  while (queue.length) {
    const r = queue.shift()!;
    const key = groupVersion(r.group, r.version) + " " + r.kind;
    if (seen.has(key)) continue;
    seen.add(key);
    if (serves(target, r)) return api(r);
    const next = lifecycleFor(history, r.group, r.version, r.kind);
    if (next) queue.push(...(next.replacement ? [next.replacement] : []), ...next.earlierReplacements);
  }
  const other = target.groups.find((g) => g.name === self.group)?.versions.find((v) => v.version !== self.version && v.resources.some((x) => x.kind === self.kind));
  return other ? api({ group: self.group, version: other.version, kind: self.kind }) : null;
}

/** Where the lifecycle facts come from, said where Pluto's table supplied some of them. */
function lifecycleSource(life: LifecycleEntry, group: string): string {
  if (!life.source.includes(PLUTO_SOURCE)) return "";
  return life.source.startsWith(PLUTO_SOURCE)
    ? ` (from Pluto's versions.yaml: k8s.io/api does not define ${group})`
    : " (from Pluto's versions.yaml: k8s.io/api has no lifecycle markers for it)";
}

export function verdictFor(apiVersion: string, kind: string, target: SnapshotIndex, history: ReleaseHistory, definitions: CustomResourceDefinitionFacts[] = []): Verdict {
  const { group, version } = splitGroupVersion(apiVersion);
  const self = { group, version, kind };
  const gv = groupVersion(group, version);
  const life = lifecycleFor(history, group, version, kind);
  const lifecycle = life ? { deprecated: life.deprecated, removed: life.removed, source: life.source } : null;
  const base = { target: target.id, deprecatedIn: life?.deprecated ?? null, lifecycle, lastServedIn: null, firstServedIn: null, removedIn: null };
  const tMinor = minorNumber(target.kubernetesVersion);
  const minor = (id: string) => history.minors.get(id)!;
  const lifecycleName = life?.source.includes(PLUTO_SOURCE) ? "Pluto's versions.yaml" : "k8s.io/api's lifecycle";
  /** "removed in X" where the release snapshot of X shows it, "removal planned for X" past the bundled releases. */
  const removal = (removed: string) => {
    const release = history.releases.find((id) => minor(id) === minorNumber(removed));
    if (!release) return minorNumber(removed) > Math.max(...history.minors.values()) ? `removal planned for ${removed}` : `${lifecycleName} removes it in ${removed}`;
    const serving = releasesServing(history, gv, kind);
    if (serving.includes(release)) return `${lifecycleName} removes it in ${removed}, though ${release} still serves it`;
    return serving.length ? `removed in ${removed}` : `${lifecycleName} removes it in ${removed}`;
  };

  if (serves(target, self)) {
    if (life?.deprecated && minorNumber(life.deprecated) <= tMinor) {
      const replacement = replacementFor(target, history, self, life);
      const use = replacement ? `; use ${named(replacement)}` : `; nothing in ${target.id} replaces it`;
      const removed = life.removed ? `; ${removal(life.removed)}` : "";
      return { ...base, status: "deprecated", reason: null, removedIn: life.removed, replacement,
        message: `${gv} ${kind} is served by ${target.id} but deprecated since ${life.deprecated}${removed}${lifecycleSource(life, group)}${use}` };
    }
    return { ...base, status: "served", reason: null, deprecatedIn: null, replacement: null, message: `${gv} ${kind} is served by ${target.id}` };
  }

  const defined = definedVerdict(definitions, group, version, kind);
  if (defined?.served) {
    return { ...base, status: "served", reason: null, replacement: null, message: `${gv} ${kind} is served by ${target.id} once ${defined.by} is installed` };
  }
  if (defined) {
    const best = defined.servedVersions[0];
    const serving = best ? `serves only ${defined.servedVersions.join(", ")}` : "serves no version";
    const unserved = defined.listedUnserved ? ` (${version} is listed with served: false)` : "";
    return { ...base, status: "not-served", reason: "not-served-by-definition", replacement: best ? api({ group, version: best, kind }) : null,
      message: `${gv} ${kind} is not served by ${target.id}: ${defined.by} ${serving}${unserved}; ${best ? `use ${groupVersion(group, best)} ${kind}` : "nothing replaces it"}` };
  }

  const open = target.unknownResources.find((r) => r.groupVersion === gv && r.kind === kind);
  if (open) {
    return { ...base, status: "unknown", reason: "not-established", replacement: null,
      message: `whether ${target.id} serves ${gv} ${kind} is not established: ${open.reason}` };
  }

  if (!target.groups.some((g) => g.name === group) && !history.groups.has(group)) {
    const known = knownGroup(group);
    const unknown = { ...base, status: "unknown" as const, replacement: null };
    if (known?.what === "config-file") {
      return { ...unknown, reason: "config-file", message: `${gv} ${kind} is a configuration file read by ${known.by}, not an object kube-apiserver serves: do not apply it to ${target.id}` };
    }
    if (known?.what === "add-on-api") {
      return { ...unknown, reason: "add-on-api", message: `${gv} ${kind} is served by an add-on, ${known.by}, through an APIService: ${target.id} serves it only where that add-on is installed` };
    }
    return { ...unknown, reason: "custom-resource",
      message: `${target.id} does not serve group ${group} and it is not a Kubernetes built-in group: a custom resource, served only where its CustomResourceDefinition is installed` };
  }

  const replacement = replacementFor(target, history, self, life);
  const use = replacement ? `use ${named(replacement)}` : `nothing in ${target.id} replaces it`;
  const notServed = (reason: "not-yet-served" | "off-by-default" | "removed" | "not-served", why: string, facts: Partial<Verdict> = {}): Verdict =>
    ({ ...base, ...facts, status: "not-served", reason, replacement, message: `${gv} ${kind} is not served by ${target.id}: ${why}; ${use}` });

  const serving = releasesServing(history, gv, kind);
  const earlier = serving.filter((id) => minor(id) <= tMinor);
  const later = serving.filter((id) => minor(id) > tMinor);
  const firstServedIn = later[0] ?? null;
  const servedLater = firstServedIn ? `; first served by default in ${firstServedIn}` : "";

  if (life?.offByDefaultIn.some((m) => minorNumber(m) === tMinor)) {
    const stage = /alpha/.test(version) ? "alpha" : "beta";
    return notServed("off-by-default", `${gv} is ${stage} and off by default in ${minorOf(tMinor)} (enable it with --runtime-config=${gv}=true)${servedLater}`, { firstServedIn });
  }

  // Not yet: nothing up to the target has it (not served, not even off by default, not introduced).
  const firstKnown = Math.min(...[life?.introduced, life?.offByDefaultIn[0], firstServedIn && minorOf(minor(firstServedIn))]
    .filter((m): m is string => !!m).map(minorNumber));
  // No source knowing the kind at all (firstKnown is Infinity) is not "not yet": it falls through to "no release serves it".
  if (!earlier.length && Number.isFinite(firstKnown) && firstKnown > tMinor) {
    const why = firstServedIn
      ? `not yet served; first served in ${firstServedIn}`
      : `not yet in ${minorOf(tMinor)}; k8s.io/api adds it in ${minorOf(firstKnown)}, and no release serves it by default`;
    return notServed("not-yet-served", why, { firstServedIn });
  }

  const lastServedIn = earlier.at(-1) ?? null;
  const stoppedIn = lastServedIn === null ? null : history.releases[history.releases.indexOf(lastServedIn) + 1] ?? null;
  if (lastServedIn && stoppedIn && minor(stoppedIn) <= tMinor) {
    const lifeNote = life?.removed && life.removed !== stoppedIn ? ` (the lifecycle marks it removed in ${life.removed})` : "";
    return notServed("removed", `removed in ${stoppedIn}, last served in ${lastServedIn}${lifeNote}`, { removedIn: stoppedIn, lastServedIn });
  }
  if (life?.removed && minorNumber(life.removed) <= tMinor) {
    const before = lastServedIn ? `last served in ${lastServedIn}` : "no bundled release serves it";
    const by = lifecycleSource(life, group) || " (k8s.io/api lifecycle)";
    return notServed("removed", `removed in ${life.removed}${by}; ${before}`, { removedIn: life.removed, lastServedIn });
  }
  const planned = life?.removed ? `; ${minorNumber(life.removed) > tMinor ? removal(life.removed) : `${lifecycleName} removes it in ${life.removed}`}` : "";
  return notServed("not-served", lastServedIn ? `last served in ${lastServedIn}${planned}` : `no release snapshot serves it${planned}`, { lastServedIn });
}
