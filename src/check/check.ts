// A compatibility check: every object of the input, its verdict for every target, and the fields
// each target that serves it does not know.
import type { SnapshotIndex } from "../diff/snapshot-index";
import { refOf } from "../diff/snapshot-index";
import { fieldKindKey, type FieldIndex } from "../fields/field-index";
import { walkFields } from "../fields/walk-fields";
import type { ReleaseHistory } from "../timeline/history";
import type { CustomResourceDefinitionFacts } from "./custom-resources";
import { releaseFieldFindings } from "./field-findings";
import type { ManifestError, ManifestObject } from "./manifest-object";
import { parseManifests, type ObjectSource } from "./parse";
import type { CheckedObject, CheckResult, CheckSummary, FieldFinding, FieldStatus, Verdict, VerdictStatus } from "./result";
import { verdictFor } from "./verdict";

export interface ManifestInput { source: string; text: string }

/** Target id -> its release's field index; null turns field checks off (--ignore-fields). */
export type TargetFieldIndexes = ReadonlyMap<string, FieldIndex> | null;

function summarize(objects: CheckedObject[], errors: ManifestError[]): CheckSummary {
  const count: Record<VerdictStatus, number> = { served: 0, deprecated: 0, "not-served": 0, unknown: 0 };
  const fields: Record<FieldStatus, number> = { "unknown-field": 0, "gated-field": 0 };
  let invalid = 0;
  for (const o of objects) {
    if (o.problem !== null) invalid++;
    for (const v of o.verdicts) count[v.status]++;
    for (const f of o.fields) fields[f.status]++;
  }
  return {
    objects: objects.length, served: count.served, deprecated: count.deprecated, notServed: count["not-served"], unknown: count.unknown,
    unknownFields: fields["unknown-field"], gatedFields: fields["gated-field"],
    invalid, errors: errors.length,
  };
}

export interface ReadManifests {
  objects: ManifestObject[];
  errors: ManifestError[];
  definitions: CustomResourceDefinitionFacts[];
  sources: ReadonlyMap<ManifestObject, ObjectSource>;
}

/** Every object and error of the inputs, read but not yet checked (so a caller can count them first). */
export function readManifests(inputs: ManifestInput[]): ReadManifests {
  const parsed = inputs.map((i) => parseManifests(i.source, i.text));
  return {
    objects: parsed.flatMap((p) => p.objects), errors: parsed.flatMap((p) => p.errors), definitions: parsed.flatMap((p) => p.definitions),
    sources: new Map(parsed.flatMap((p) => [...p.sources])),
  };
}

const servedBy = (v: Verdict) => v.status === "served" || v.status === "deprecated";

/** The fields of an object that the targets serving its kind do not know, or gate. */
function fieldFindings(o: ManifestObject, source: ObjectSource | undefined, verdicts: Verdict[], targets: SnapshotIndex[], fields: TargetFieldIndexes): FieldFinding[] {
  if (!fields || !source || !o.apiVersion || !o.kind) return [];
  return targets.flatMap((t, i) => {
    const index = fields.get(t.id);
    const root = index?.kinds[fieldKindKey(o.apiVersion!, o.kind!)];
    if (!index || root === undefined || !servedBy(verdicts[i]!)) return [];
    return releaseFieldFindings(walkFields(source.value, index.nodes, root), source, t, `${o.apiVersion} ${o.kind}`);
  });
}

/** Checks what was read; the CustomResourceDefinitions read count as installed in every target. */
export function checkObjects({ objects: read, errors, definitions, sources }: ReadManifests, targets: SnapshotIndex[], history: ReleaseHistory, fields: TargetFieldIndexes = null): CheckResult {
  // A verdict depends only on apiVersion, kind and target, and large inputs repeat a few dozen kinds.
  const known = new Map<string, Verdict[]>();
  const verdictsFor = (apiVersion: string, kind: string): Verdict[] => {
    const key = `${apiVersion}\n${kind}`;
    let verdicts = known.get(key);
    if (!verdicts) known.set(key, verdicts = targets.map((t) => verdictFor(apiVersion, kind, t, history, definitions)));
    return verdicts;
  };
  const objects = read.map((o): CheckedObject => {
    const verdicts = o.apiVersion && o.kind ? verdictsFor(o.apiVersion, o.kind) : [];
    return { ...o, verdicts, fields: fieldFindings(o, sources.get(o), verdicts, targets, fields) };
  });
  return { kind: "CheckResult", targets: targets.map(refOf), objects, errors, summary: summarize(objects, errors) };
}

export function checkManifests(inputs: ManifestInput[], targets: SnapshotIndex[], history: ReleaseHistory, fields: TargetFieldIndexes = null): CheckResult {
  return checkObjects(readManifests(inputs), targets, history, fields);
}

/** Joins the results of checking inputs one at a time (the CLI sends one request per file to a server). */
export function mergeCheckResults(results: CheckResult[]): CheckResult {
  const objects = results.flatMap((r) => r.objects);
  const errors = results.flatMap((r) => r.errors);
  return { kind: "CheckResult", targets: results[0]!.targets, objects, errors, summary: summarize(objects, errors) };
}

/** True when the input could not be read completely: some document is malformed or refused, or some object lacks apiVersion/kind. */
export function hasInputProblems(r: CheckResult): boolean {
  return r.summary.errors > 0 || r.summary.invalid > 0;
}
