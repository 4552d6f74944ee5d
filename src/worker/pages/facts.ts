// What pages and embeds derive from the cached release facts, shared so a page and its embed agree.
import { selectMatrix, type MatrixSelection, type SelectedMatrix } from "../../matrix/select";
import { resourceTimeline } from "../../timeline/timeline";
import type { SnapshotDiff } from "../../diff/types";
import type { LifecycleEntry } from "../../snapshot/lifecycle";
import { deprecationsBetween } from "../../timeline/deprecations";
import { lifecycleFor, type ReleaseHistory } from "../../timeline/history";
import { replacementFor } from "../../check/verdict";
import type { ApiRef } from "../../check/result";
import { groupVersion, splitGroupVersion } from "../../discovery/model";
import type { SnapshotIndex } from "../../diff/snapshot-index";
import { cachedDiff, diffKey } from "../diff-cache";
import type { Env } from "../env";
import { releaseFacts, type ReleaseFacts } from "../history-cache";
import { kvSnapshots, type KvSnapshots } from "../routes/kv-snapshots";
import type { KindFacts } from "./kind-view";

/** Resolves optional release names (ids or aliases) to ids; a sentence when one names nothing. */
export async function resolveOptional(store: KvSnapshots, names: (string | undefined)[]): Promise<(string | null)[] | string> {
  const ids: (string | null)[] = [];
  for (const n of names) {
    if (n === undefined) { ids.push(null); continue; }
    const id = await store.resolve(n);
    if (id === null) return `No snapshot is named “${n}”. Known snapshots: ${(await store.list()).map((s) => s.id).join(", ")}.`;
    ids.push(id);
  }
  return ids;
}

/** The selected matrix, or a sentence when a bound is not a release. */
export function trySelect(facts: ReleaseFacts, selection: MatrixSelection): SelectedMatrix | string {
  try {
    return selectMatrix(facts.matrix, selection);
  } catch (e) {
    if (e instanceof RangeError) return `The matrix covers releases only: ${e.message}.`;
    throw e;
  }
}

/** Every group/version serving (or having) the kind, with its timeline. */
export function kindFacts(facts: ReleaseFacts, kind: string): KindFacts[] {
  return facts.matrix.resources.filter((row) => row.kind === kind).flatMap((row) => {
    const t = resourceTimeline(facts.history, row.group, row.version, kind)?.versions[0]?.resources.find((r) => r.kind === kind);
    return t ? [{ row, timeline: t }] : [];
  });
}

/** Groups in matrix order, for the group filter. */
export function matrixGroups(facts: ReleaseFacts): string[] {
  return [...new Set(facts.matrix.groupVersions.map((r) => r.group))];
}

export interface UpgradeDiff {
  from: string;
  to: string;
  diff: SnapshotDiff;
  deprecations: LifecycleEntry[];
  /** "groupVersion kind" of each removed or deprecated resource -> what to use instead on the target. */
  replacements: Map<string, ApiRef>;
}

/** What to use instead of each resource the diff removes or deprecates, as a check's verdict would say. */
function replacementsOf(diff: SnapshotDiff, deprecations: LifecycleEntry[], to: SnapshotIndex, history: ReleaseHistory): Map<string, ApiRef> {
  const gone = [
    ...diff.resources.flatMap((r) => r.removed.map((x) => ({ ...splitGroupVersion(r.groupVersion), kind: x.kind }))),
    ...deprecations.map((d) => ({ group: d.group, version: d.version, kind: d.kind })),
  ];
  const out = new Map<string, ApiRef>();
  for (const { group, version, kind } of gone) {
    const r = replacementFor(to, history, { group, version, kind }, lifecycleFor(history, group, version, kind));
    if (r) out.set(`${groupVersion(group, version)} ${kind}`, r);
  }
  return out;
}

/** The diff between two named snapshots (default: the two newest releases) with the deprecations it brings, or a sentence. */
export async function upgradeDiff(env: Env, fromName: string | undefined, toName: string | undefined): Promise<UpgradeDiff | string> {
  const store = kvSnapshots(env);
  const named = await resolveOptional(store, [fromName, toName]);
  if (typeof named === "string") return named;
  const built = (await store.list()).filter((s) => s.provenance === "built").map((s) => s.id);
  const from = named[0] ?? built.at(-2) ?? built[0]!;
  const to = named[1] ?? built.at(-1)!;
  const { diff } = await cachedDiff(store, await diffKey(store, from, to, null), from, to, null);
  const { history } = await releaseFacts(env);
  const toIndex = await store.index(to);
  const deprecations = deprecationsBetween(history, await store.index(from), toIndex);
  return { from, to, diff, deprecations, replacements: replacementsOf(diff, deprecations, toIndex, history) };
}
