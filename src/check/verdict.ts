// The verdict for one object against one target snapshot. "Served" always comes from the
// target itself; deprecation and planned removal from the lifecycle facts; when and why
// something stopped being served from the release history.
import { groupVersion, splitGroupVersion } from "../discovery/model";
import type { SnapshotIndex } from "../diff/snapshot-index";
import type { LifecycleEntry } from "../snapshot/lifecycle";
import { lifecycleFor, type ReleaseHistory } from "../timeline/history";
import type { ApiRef, Verdict } from "./result";
import { minorNumber } from "../snapshot/ids";

const api = (r: { group: string; version: string; kind: string }): ApiRef => ({ apiVersion: groupVersion(r.group, r.version), kind: r.kind });
const named = (r: ApiRef) => `${r.apiVersion} ${r.kind}`;

/** Releases serving group/version/kind, oldest first. */
function releasesServing(history: ReleaseHistory, gv: string, kind: string): string[] {
  return history.releases.filter((id) => history.served.get(id)?.get(gv)?.some((r) => r.kind === kind));
}

const serves = (target: SnapshotIndex, group: string, version: string, kind: string) =>
  target.groups.find((g) => g.name === group)?.versions.find((v) => v.version === version)?.resources.some((r) => r.kind === kind) ?? false;

/** What to use instead on the target: the lifecycle's replacement when the target serves it, else the
 * target's own version of the same group and kind, else the lifecycle's replacement as a pointer. */
function replacementFor(target: SnapshotIndex, group: string, version: string, kind: string, life: LifecycleEntry | undefined): ApiRef | null {
  const r = life?.replacement;
  if (r && serves(target, r.group, r.version, r.kind)) return api(r);
  const other = target.groups.find((g) => g.name === group)?.versions.find((v) => v.version !== version && v.resources.some((x) => x.kind === kind));
  if (other) return api({ group, version: other.version, kind });
  return r ? api(r) : null;
}

export function verdictFor(apiVersion: string, kind: string, target: SnapshotIndex, history: ReleaseHistory): Verdict {
  const { group, version } = splitGroupVersion(apiVersion);
  const gv = groupVersion(group, version);
  const targetGroup = target.groups.find((g) => g.name === group);
  const served = serves(target, group, version, kind);
  const life = lifecycleFor(history, group, version, kind);
  const lifecycle = life ? { deprecated: life.deprecated, removed: life.removed, source: life.source } : null;
  const replacement = replacementFor(target, group, version, kind, life);
  const use = replacement ? `; use ${named(replacement)}` : "";
  const base = { target: target.id, deprecatedIn: life?.deprecated ?? null, replacement, lifecycle, lastServedIn: null, firstServedIn: null };
  const tMinor = minorNumber(target.kubernetesVersion);

  if (served) {
    if (life?.deprecated && minorNumber(life.deprecated) <= tMinor) {
      const removal = life.removed ? `, removed in ${life.removed}` : "";
      return { ...base, status: "deprecated", removedIn: life.removed, message: `${gv} ${kind} is served by ${target.id} but deprecated since ${life.deprecated}${removal}${use}` };
    }
    return { ...base, status: "served", deprecatedIn: null, removedIn: null, replacement: null, message: `${gv} ${kind} is served by ${target.id}` };
  }

  if (!targetGroup && !history.groups.has(group)) {
    return { ...base, status: "unknown", removedIn: null, replacement: null,
      message: `${target.id} does not serve group ${group} and it is not a Kubernetes built-in group: a custom resource, served only where its CustomResourceDefinition is installed` };
  }

  const serving = releasesServing(history, gv, kind);
  const minor = (id: string) => history.minors.get(id)!;
  const earlier = serving.filter((id) => minor(id) <= tMinor);
  const later = serving.filter((id) => minor(id) > tMinor);
  if (!earlier.length && later.length) {
    return { ...base, status: "not-served", removedIn: null, firstServedIn: later[0]!,
      message: `${gv} ${kind} is not served by ${target.id}: first served in ${later[0]}${use}` };
  }
  const lastServedIn = earlier.at(-1) ?? null;
  const stoppedIn = lastServedIn === null ? null : history.releases[history.releases.indexOf(lastServedIn) + 1] ?? null;
  const removedIn = stoppedIn ?? life?.removed ?? null;
  const why = lastServedIn === null
    ? (removedIn ? `removed in ${removedIn}` : "no release snapshot serves it")
    : `${stoppedIn && minor(stoppedIn) <= tMinor ? `removed in ${stoppedIn}, ` : ""}last served in ${lastServedIn}`;
  const lifeNote = life?.removed && life.removed !== removedIn ? ` (k8s.io/api marks it removed in ${life.removed})` : "";
  return { ...base, status: "not-served", removedIn, lastServedIn, message: `${gv} ${kind} is not served by ${target.id}: ${why}${lifeNote}${use}` };
}
