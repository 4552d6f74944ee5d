// GitHub-flavoured markdown for pull-request comments: the verdict of the run, the problems as a
// table with what to use instead, and the summary.
import type { CheckResult } from "../result";
import { passes, type CheckRenderOptions } from "./options";
import { findingRows, summaryLine } from "./rows";

/** A table cell: pipes escaped, no line breaks, code spans kept intact. */
const cell = (s: string) => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
const code = (s: string) => (s === "-" || s === "" ? s : `\`${s.replace(/`/g, "'")}\``);

export function renderCheckMarkdown(r: CheckResult, opts: CheckRenderOptions): string {
  const rows = findingRows(r, opts, false);
  const out = [`### kds check: ${passes(r, opts) ? "passed" : "failed"} against ${r.targets.map((t) => t.id).join(", ")}`, ""];
  if (rows.length) {
    out.push("| | Location | Object | Target | Status | Replacement | Detail |", "| --- | --- | --- | --- | --- | --- | --- |");
    const mark = { fail: "❌", warn: "⚠️", ok: "✅" } as const;
    for (const x of rows) out.push(`| ${mark[x.level]} | ${cell(code(x.location))} | ${cell(code(x.object))} | ${x.target} | ${x.status} | ${cell(code(x.replacement))} | ${cell(x.detail)} |`);
  } else {
    out.push("No problems: every object is served by every target.");
  }
  const skipped = r.skipped.filter((k) => k.reason === "NotKubernetes");
  if (skipped.length) out.push("", `Skipped (not Kubernetes manifests): ${skipped.map((k) => code(k.source)).join(", ")}`);
  out.push("", summaryLine(r));
  return out.join("\n") + "\n";
}
