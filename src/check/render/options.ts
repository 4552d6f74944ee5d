// What a renderer needs beyond the result: which verdicts fail the run (--fail-on), and which
// inputs were streamed (stdin), whose findings belong on the Helm template that rendered them.
import type { ManifestLocation } from "../manifest-object";
import { hasInputProblems } from "../check";
import type { CheckedObject, CheckResult, CheckSummary, FieldFinding, Verdict } from "../result";

export const FAIL_ON = ["deprecated", "unknown"] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface CheckRenderOptions {
  failOn: ReadonlySet<FailOn>;
  /** Sources read from a stream (`-` or its --filename): no file of the repository holds their lines. */
  streamed?: ReadonlySet<string>;
}

/**
 * Where a code host should anchor a finding: the input file and line; for streamed input (helm
 * template … | kds check -), the template Helm's `# Source:` comment names, as a whole file, since
 * the line counts the rendered stream, not the template.
 */
export function anchorOf(location: ManifestLocation, opts: CheckRenderOptions): { file: string; line: number | null } {
  if (location.template && opts.streamed?.has(location.source)) return { file: location.template, line: null };
  return { file: location.source, line: location.line };
}

/** Where a code host should anchor a field finding: its own line, unless the object is anchored on a whole template. */
export function fieldAnchorOf(location: ManifestLocation, line: number, opts: CheckRenderOptions): { file: string; line: number | null } {
  const at = anchorOf(location, opts);
  return at.line === null ? at : { file: at.file, line };
}

/** Whether a verdict fails the run: not served always, deprecated and unknown only when asked. */
export function fails(v: Verdict, opts: CheckRenderOptions): boolean {
  return v.status === "not-served" || ((v.status === "deprecated" || v.status === "unknown") && opts.failOn.has(v.status));
}

/** Whether a field finding fails the run: a field the target does not know does; a gated one is a warning. */
export function failsField(f: FieldFinding): boolean {
  return f.status === "unknown-field";
}

/** Whether some verdict or field finding fails the run (input problems aside). */
export function hasFailures(r: CheckResult, opts: CheckRenderOptions): boolean {
  return r.objects.some((o) => o.verdicts.some((v) => fails(v, opts)) || o.fields.some(failsField));
}

/** The run passes (exit 0): every input read and nothing failing. */
export function passes(r: CheckResult, opts: CheckRenderOptions): boolean {
  return !hasInputProblems(r) && !hasFailures(r, opts);
}

/** ", 2 unknown fields, 1 gated field" for the summary lines. */
export function fieldCounts(s: CheckSummary): string {
  const n = (count: number, what: string) => `${count} ${what} field${count === 1 ? "" : "s"}`;
  return `, ${n(s.unknownFields, "unknown")}, ${n(s.gatedFields, "gated")}`;
}

/** "Deployment prod/web", or just the kind when the object has no name. */
export function describeObject(o: CheckedObject): string {
  const name = o.name ? ` ${o.namespace ? `${o.namespace}/` : ""}${o.name}` : "";
  return `${o.apiVersion ?? "(no apiVersion)"} ${o.kind ?? "(no kind)"}${name}`;
}

/** "file.yaml:12", plus the Helm template when known. */
export function describeLocation(o: CheckedObject): string {
  const at = `${o.location.source}:${o.location.line}`;
  return o.location.template ? `${at} (${o.location.template})` : at;
}
