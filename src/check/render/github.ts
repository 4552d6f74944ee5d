// GitHub Actions workflow commands: annotations on the file and line of each finding.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { CheckResult } from "../result";
import { anchorOf, describeObject, fails, failsField, fieldAnchorOf, fieldCounts, type CheckRenderOptions } from "./options";

const data = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const prop = (s: string) => data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

function annotation(level: "error" | "warning" | "notice", { file, line }: { file: string; line: number | null }, title: string, message: string): string {
  return `::${level} file=${prop(file)}${line === null ? "" : `,line=${line}`},title=${prop(title)}::${data(message)}`;
}

/** Line by line: the CLI writes them as they come. */
export function* renderCheckGithub(r: CheckResult, opts: CheckRenderOptions): Generator<string> {
  for (const o of r.objects) {
    const at = anchorOf(o.location, opts);
    if (o.problem) yield `${annotation("error", at, "Invalid object", `${describeObject(o)}: ${o.problem}`)}\n`;
    for (const v of o.verdicts) {
      if (v.status === "served") continue;
      const level = fails(v, opts) ? "error" : v.status === "deprecated" ? "warning" : "notice";
      yield `${annotation(level, at, `${o.apiVersion} ${o.kind}: ${v.status} on ${v.target}`, v.message)}\n`;
    }
    for (const f of o.fields) yield `${annotation(failsField(f) ? "error" : "warning", fieldAnchorOf(o.location, f.line, opts), `${o.apiVersion} ${o.kind}: ${f.status} on ${f.target}`, f.message)}\n`;
  }
  for (const e of r.errors) yield `${annotation("error", { file: e.source, line: e.line }, `Unreadable document ${e.document} (${e.reason})`, e.message)}\n`;
  for (const k of r.skipped) yield `${k.reason === "HelmTemplate" ? annotation("error", { file: k.source, line: null }, "Unrendered Helm template", k.message) : `kds check: skipped ${k.source}: ${k.message}`}\n`;
  const s = r.summary;
  yield `kds check: ${s.objects} objects against ${r.targets.map((t) => t.id).join(", ")}: ${s.served} served, ${s.deprecated} deprecated, ${s.notServed} not served, ${s.unknown} unknown, ${s.invalid} invalid, ${s.errors} unreadable documents${fieldCounts(s)}, ${s.skipped} files skipped\n`;
}
