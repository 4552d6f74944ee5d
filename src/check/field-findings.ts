// Field hits of one object against one target, as findings with their line and a sentence.
import type { SnapshotRef } from "../diff/snapshot-index";
import type { ReleaseRuns } from "../fields/field-index";
import type { FieldHit } from "../fields/walk-fields";
import { FEATURE_GATE_DEFAULTS, gateOnByDefault } from "../build/rules";
import { minorNumber } from "../snapshot/ids";
import type { ObjectSource } from "./parse";
import type { FieldFinding } from "./result";

const APISERVER_DROPS = "the apiserver drops it, or refuses the object under strict field validation";
const runsText = (runs: ReleaseRuns) => runs.map(([a, b]) => (a === b ? a : `${a}–${b}`)).join(", ");

/** Findings of a custom resource checked against its CustomResourceDefinition's schema for the version used. */
export function schemaFieldFindings(hits: FieldHit[], source: ObjectSource, target: SnapshotRef, definition: string, version: string): FieldFinding[] {
  return hits.map((h): FieldFinding => ({
    target: target.id, status: "unknown-field", path: h.path, line: source.line(h.steps), firstKnownIn: null, knownIn: [], gates: [],
    message: `${h.path} is not in the schema of ${definition} for ${version}: the apiserver prunes it, or refuses the object under strict field validation`,
  }));
}

/**
 * Findings of an object checked against the target release's field tree. A gated field is a
 * finding only where a gate it needs is known to be off by default in the target (rule
 * feature-gate-defaults); where no cited source gives the default, nothing is said.
 */
export function releaseFieldFindings(hits: FieldHit[], source: ObjectSource, target: SnapshotRef, api: string): FieldFinding[] {
  const minor = minorNumber(target.kubernetesVersion);
  return hits.flatMap((h): FieldFinding[] => {
    const off = h.kind === "gated" ? h.gates.filter((g) => gateOnByDefault(g, target.kubernetesVersion) === false) : [];
    // A gated field whose gates are on (or of unknown default) is no finding: its line, which may mean composing the document again, is not looked up.
    if (h.kind === "gated" && !off.length) return [];
    const base = { target: target.id, path: h.path, line: source.line(h.steps), knownIn: h.runs ?? [], gates: h.gates, firstKnownIn: null };
    if (h.kind === "gated") {
      const gates = off.map((g) => `${g} (off by default in ${target.id}; on by default from ${FEATURE_GATE_DEFAULTS[g]!.onByDefault})`).join(", ");
      return [{ ...base, gates: off, status: "gated-field", message: `${h.path} of ${api} needs feature gate ${gates}: the apiserver drops it unless the gate is enabled` }];
    }
    const firstKnownIn = h.runs?.find(([a]) => minorNumber(a) > minor)?.[0] ?? null;
    const when = firstKnownIn ? `; first in ${firstKnownIn}` : h.runs ? ` (k8s.io/api had it in ${runsText(h.runs)})` : ", nor in any other release of the reference (a typo?)";
    return [{ ...base, status: "unknown-field", firstKnownIn, message: `${h.path} is not a field of ${api} in ${target.id}${when}: ${APISERVER_DROPS}` }];
  });
}
