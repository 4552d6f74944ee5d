// A compatibility check: every object of the input, its verdict for every target, and the fields
// each target that serves it does not know.
import type { SnapshotIndex } from "../diff/snapshot-index";
import { refOf } from "../diff/snapshot-index";
import { fieldKindKey, type FieldIndex } from "../fields/field-index";
import { schemaTree, type SchemaTree } from "../fields/schema-tree";
import { walkFields } from "../fields/walk-fields";
import { splitGroupVersion } from "../discovery/model";
import type { ReleaseHistory } from "../timeline/history";
import type { CustomResourceDefinitionFacts } from "./custom-resources";
import { releaseFieldFindings, schemaFieldFindings } from "./field-findings";
import type { ManifestError, ManifestObject } from "./manifest-object";
import { parseManifests, type ObjectSource, type ParsedManifests } from "./parse";
import type { CheckedObject, CheckResult, CheckSummary, FieldFinding, FieldStatus, SkippedInput, Verdict, VerdictStatus } from "./result";
import { cachedVerdictFor } from "./verdict-cache";

export interface ManifestInput { source: string; text: string }

/** Target id -> its release's field index; null turns field checks off (--ignore-fields). */
export type TargetFieldIndexes = ReadonlyMap<string, FieldIndex> | null;

function summarize(objects: CheckedObject[], errors: ManifestError[], skipped: SkippedInput[]): CheckSummary {
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
    invalid, errors: errors.length, skipped: skipped.length,
  };
}

export interface ReadManifests {
  objects: ManifestObject[];
  errors: ManifestError[];
  definitions: CustomResourceDefinitionFacts[];
  sources: ReadonlyMap<ManifestObject, ObjectSource>;
  /** Inputs left out (the CLI's folder walk skips files that are not manifests). */
  skipped: SkippedInput[];
}

/** The parsed inputs as one read. */
export function joinParsed(parsed: ParsedManifests[], skipped: SkippedInput[] = []): ReadManifests {
  if (parsed.length === 1) return { ...parsed[0]!, skipped }; // one input (every HTTP check): nothing to copy
  return {
    objects: parsed.flatMap((p) => p.objects), errors: parsed.flatMap((p) => p.errors), definitions: parsed.flatMap((p) => p.definitions),
    sources: new Map(parsed.flatMap((p) => [...p.sources])), skipped,
  };
}

/** Every object and error of the inputs, read but not yet checked (so a caller can count them first). */
export function readManifests(inputs: ManifestInput[]): ReadManifests {
  return joinParsed(inputs.map((i) => parseManifests(i.source, i.text)));
}

const servedBy = (v: Verdict) => v.status === "served" || v.status === "deprecated";

/** A custom resource's schema from a CustomResourceDefinition of the input, read once per check. */
type SchemaOf = (apiVersion: string, kind: string) => { tree: SchemaTree; definition: string; version: string } | null;

function schemasOf(definitions: CustomResourceDefinitionFacts[]): SchemaOf {
  const trees = new Map<unknown, SchemaTree>();
  return (apiVersion, kind) => {
    const { group, version } = splitGroupVersion(apiVersion);
    for (const d of definitions) {
      if (d.group !== group || d.kind !== kind) continue;
      const v = d.versions.find((x) => x.name === version && x.served && x.schema !== null);
      if (!v) continue;
      if (!trees.has(v)) trees.set(v, schemaTree(v.schema));
      return { tree: trees.get(v)!, definition: `the CustomResourceDefinition ${d.name} (${d.source})`, version };
    }
    return null;
  };
}

/** The fields of an object that the targets serving its kind do not know, or gate: built-in kinds
 * against the target release's field index, custom resources against their definition's schema. */
function fieldFindings(o: ManifestObject, source: ObjectSource | undefined, verdicts: Verdict[], targets: SnapshotIndex[], fields: TargetFieldIndexes, schemaOf: SchemaOf): FieldFinding[] {
  if (!fields || !source || !o.apiVersion || !o.kind) return [];
  // A definition's schema is the same in every target: its walk is done once.
  let schemaHits: { hits: ReturnType<typeof walkFields>; schema: NonNullable<ReturnType<SchemaOf>> } | null | undefined;
  return targets.flatMap((t, i) => {
    if (!servedBy(verdicts[i]!)) return [];
    const index = fields.get(t.id);
    const root = index?.kinds[fieldKindKey(o.apiVersion!, o.kind!)];
    if (index && root !== undefined) return releaseFieldFindings(walkFields(source.value, index.nodes, root), source, t, `${o.apiVersion} ${o.kind}`);
    if (schemaHits === undefined) {
      const schema = schemaOf(o.apiVersion!, o.kind!);
      schemaHits = schema ? { hits: walkFields(source.value, schema.tree.nodes, schema.tree.root), schema } : null;
    }
    return schemaHits ? schemaFieldFindings(schemaHits.hits, source, t, schemaHits.schema.definition, schemaHits.schema.version) : [];
  });
}

/** Checks what was read; the CustomResourceDefinitions read count as installed in every target. */
export function checkObjects({ objects: read, errors, definitions, sources, skipped }: ReadManifests, targets: SnapshotIndex[], history: ReleaseHistory, fields: TargetFieldIndexes = null): CheckResult {
  // Large inputs repeat a few dozen kinds: one array of verdicts per apiVersion and kind.
  const known = new Map<string, Verdict[]>();
  const schemaOf = schemasOf(definitions);
  const verdictsFor = (apiVersion: string, kind: string): Verdict[] => {
    const key = `${apiVersion}\n${kind}`;
    let verdicts = known.get(key);
    if (!verdicts) known.set(key, verdicts = targets.map((t) => cachedVerdictFor(apiVersion, kind, t, history, definitions)));
    return verdicts;
  };
  const objects = read.map((o): CheckedObject => {
    const verdicts = o.apiVersion && o.kind ? verdictsFor(o.apiVersion, o.kind) : [];
    // Spelled out, not `...o`: Node's V8 copies a spread object several times slower (a check of 10,000 objects felt it).
    const { location, apiVersion, kind, name, namespace, problem } = o;
    return { location, apiVersion, kind, name, namespace, problem, verdicts, fields: fieldFindings(o, sources.get(o), verdicts, targets, fields, schemaOf) };
  });
  return { kind: "CheckResult", targets: targets.map(refOf), objects, errors, skipped, summary: summarize(objects, errors, skipped) };
}

export function checkManifests(inputs: ManifestInput[], targets: SnapshotIndex[], history: ReleaseHistory, fields: TargetFieldIndexes = null): CheckResult {
  return checkObjects(readManifests(inputs), targets, history, fields);
}

/** Joins the results of checking inputs one at a time (the CLI sends one request per file to a server), with the inputs it left out. */
export function mergeCheckResults(results: CheckResult[], skippedBefore: SkippedInput[] = []): CheckResult {
  const objects = results.flatMap((r) => r.objects);
  const errors = results.flatMap((r) => r.errors);
  const skipped = [...skippedBefore, ...results.flatMap((r) => r.skipped)];
  return { kind: "CheckResult", targets: results[0]!.targets, objects, errors, skipped, summary: summarize(objects, errors, skipped) };
}

/** True when the input could not be read completely: some document is malformed or refused, some object lacks
 * apiVersion/kind, or an input is an unrendered Helm template (its objects are unknown until rendered). */
export function hasInputProblems(r: CheckResult): boolean {
  return r.summary.errors > 0 || r.summary.invalid > 0 || r.skipped.some((s) => s.reason === "HelmTemplate");
}
