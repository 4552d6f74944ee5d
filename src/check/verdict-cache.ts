// Verdicts kept across checks. A verdict depends only on apiVersion, kind, the target, the release
// history and what the input's own CustomResourceDefinitions say of the kind. The history and each
// target's groups are fixed objects for one catalog generation (the worker's caches and the CLI's
// loaded bundle hand out the same ones), so the cache hangs off them and goes with them; the rest
// is the key: the target's id and version (two targets may share one index), and the definitions'
// facts for the kind.
import type { SnapshotIndex } from "../diff/snapshot-index";
import { remember } from "../lib/bounded-cache";
import { splitGroupVersion } from "../discovery/model";
import type { ReleaseHistory } from "../timeline/history";
import { definedVerdict, type CustomResourceDefinitionFacts } from "./custom-resources";
import type { Verdict } from "./result";
import { verdictFor } from "./verdict";

/** Most verdicts kept per target: apiVersion and kind come from the input, so the cache is bounded (oldest out). */
export const MAX_CACHED = 2048;

const byHistory = new WeakMap<ReleaseHistory, WeakMap<SnapshotIndex["groups"], Map<string, Verdict>>>();

export function cachedVerdictFor(apiVersion: string, kind: string, target: SnapshotIndex, history: ReleaseHistory, definitions: CustomResourceDefinitionFacts[]): Verdict {
  const { group, version } = splitGroupVersion(apiVersion);
  const defined = definitions.length ? definedVerdict(definitions, group, version, kind) : null;
  let byTarget = byHistory.get(history);
  if (!byTarget) byHistory.set(history, byTarget = new WeakMap());
  let verdicts = byTarget.get(target.groups);
  if (!verdicts) byTarget.set(target.groups, verdicts = new Map());
  const key = `${target.id}\n${target.kubernetesVersion}\n${apiVersion}\n${kind}${defined ? `\n${JSON.stringify(defined)}` : ""}`;
  return verdicts.get(key) ?? remember(verdicts, MAX_CACHED, key, verdictFor(apiVersion, kind, target, history, definitions));
}
