// Plain text for terminals and CI logs: one block per object, one line per target.
import type { CheckResult, VerdictStatus } from "../result";
import { describeLocation, describeObject, fails, type CheckRenderOptions } from "./options";

const LABEL: Record<VerdictStatus, string> = { served: "ok", deprecated: "DEPRECATED", "not-served": "NOT SERVED", unknown: "unknown" };

export function renderCheckText(r: CheckResult, opts: CheckRenderOptions): string {
  const out: string[] = [];
  const width = Math.max(...r.targets.map((t) => t.id.length));
  for (const o of r.objects) {
    out.push(`${describeLocation(o)}  ${describeObject(o)}`);
    if (o.problem) out.push(`  INVALID  ${o.problem}`);
    for (const v of o.verdicts) {
      const mark = fails(v, opts) ? "✗" : v.status === "served" ? "✓" : "!";
      out.push(`  ${mark} ${v.target.padEnd(width)}  ${LABEL[v.status]}${v.status === "served" ? "" : `: ${v.message}`}`);
    }
  }
  for (const e of r.errors) out.push(`${e.source}:${e.line}:${e.column}  ERROR (document ${e.document}, ${e.reason}): ${e.message}`);
  const s = r.summary;
  const verdicts = s.served + s.deprecated + s.notServed + s.unknown;
  out.push("", `${s.objects} objects checked against ${r.targets.map((t) => t.id).join(", ")}, ${verdicts} verdicts: ${s.served} served, ${s.deprecated} deprecated, ${s.notServed} not served, ${s.unknown} unknown, ${s.invalid} invalid, ${s.errors} unreadable documents`);
  return out.join("\n") + "\n";
}
