// GitHub-flavoured markdown for pull-request comments: the verdict of the run, the problems as a
// table with what to use instead, and the summary.
import type { CheckResult } from "../result";
import { passes, type CheckRenderOptions } from "./options";
import { findingRows, summaryLine } from "./rows";

/** A table cell: pipes escaped, no line breaks, code spans kept intact. */
const cell = (s: string) => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
const code = (s: string) => (s === "-" || s === "" ? s : `\`${s.replace(/`/g, "'")}\``);

/** Line by line: the CLI writes them as they come. */
export function* renderCheckMarkdown(r: CheckResult, opts: CheckRenderOptions): Generator<string> {
  const rows = findingRows(r, opts, false);
  yield `### kds check: ${passes(r, opts) ? "passed" : "failed"} against ${r.targets.map((t) => t.id).join(", ")}\n\n`;
  if (rows.length) {
    yield "| | Location | Object | Target | Status | Replacement | Detail |\n| --- | --- | --- | --- | --- | --- | --- |\n";
    const mark = { fail: "❌", warn: "⚠️", ok: "✅" } as const;
    for (const x of rows) yield `| ${mark[x.level]} | ${cell(code(x.location))} | ${cell(code(x.object))} | ${x.target} | ${x.status} | ${cell(code(x.replacement))} | ${cell(x.detail)} |\n`;
  } else {
    yield "No problems: every object is served by every target.\n";
  }
  const skipped = r.skipped.filter((k) => k.reason === "NotKubernetes");
  if (skipped.length) yield `\nSkipped (not Kubernetes manifests): ${skipped.map((k) => code(k.source)).join(", ")}\n`;
  yield `\n${summaryLine(r)}\n`;
}
