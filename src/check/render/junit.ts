// JUnit XML, the report format CI systems display: one suite per target, one test case per
// object (failed by its verdict or by fields the target does not know; gated fields in its output);
// unreadable documents and invalid objects form a suite of their own.
import type { CheckResult } from "../result";
import { describeObject, fails, failsField, type CheckRenderOptions } from "./options";

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
  // XML 1.0 cannot carry most control characters, even escaped.
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "\uFFFD");

interface Case { classname: string; name: string; outcome: null | { tag: "failure" | "error" | "skipped"; type: string; message: string }; output?: string }

function suite(name: string, cases: Case[]): string {
  const n = (tag: string) => cases.filter((c) => c.outcome?.tag === tag).length;
  const body = cases.map((c) => {
    const head = `    <testcase classname="${xml(c.classname)}" name="${xml(c.name)}"`;
    const output = c.output ? [`      <system-out>${xml(c.output)}</system-out>`] : [];
    if (!c.outcome && !output.length) return `${head}/>`;
    const outcome = c.outcome ? [`      <${c.outcome.tag} type="${xml(c.outcome.type)}" message="${xml(c.outcome.message)}"/>`] : [];
    return [`${head}>`, ...outcome, ...output, "    </testcase>"].join("\n");
  });
  return [`  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${n("failure")}" errors="${n("error")}" skipped="${n("skipped")}">`, ...body, "  </testsuite>"].join("\n");
}

export function renderCheckJunit(r: CheckResult, opts: CheckRenderOptions): string {
  const checkable = r.objects.filter((o) => !o.problem);
  const where = (o: (typeof r.objects)[number]) => `${describeObject(o)} (document ${o.location.document}, line ${o.location.line})`;
  const suites = r.targets.map((t) => suite(`Kubernetes ${t.id}`, checkable.map((o): Case => {
    const v = o.verdicts.find((x) => x.target === t.id)!;
    const fields = o.fields.filter((f) => f.target === t.id);
    const failing = [...(fails(v, opts) ? [{ type: v.status as string, message: v.message }] : []),
      ...fields.filter(failsField).map((f) => ({ type: f.status as string, message: `line ${f.line}: ${f.message}` }))];
    const outcome = failing.length ? { tag: "failure" as const, type: failing[0]!.type, message: failing.map((x) => x.message).join("; ") }
      : v.status === "unknown" ? { tag: "skipped" as const, type: v.status, message: v.message }
      : null;
    const warnings = fields.filter((f) => !failsField(f)).map((f) => `line ${f.line}: ${f.message}`);
    return { classname: o.location.source, name: where(o), outcome, ...(warnings.length ? { output: warnings.join("\n") } : {}) };
  })));
  const inputCases = [
    ...r.objects.filter((o) => o.problem).map((o): Case => ({ classname: o.location.source, name: where(o), outcome: { tag: "error", type: "invalid-object", message: o.problem! } })),
    ...r.errors.map((e): Case => ({ classname: e.source, name: `document ${e.document} (line ${e.line})`, outcome: { tag: "error", type: e.reason, message: e.message } })),
    ...r.skipped.map((k): Case => ({ classname: k.source, name: k.source, outcome: { tag: k.reason === "HelmTemplate" ? "error" : "skipped", type: k.reason, message: k.message } })),
  ];
  if (inputCases.length) suites.push(suite("input", inputCases));
  const all = suites.join("\n");
  const count = (re: RegExp) => (all.match(re) ?? []).length;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="kds check" tests="${count(/<testcase /g)}" failures="${count(/<failure /g)}" errors="${count(/<error /g)}">`,
    all,
    `</testsuites>`,
  ].join("\n") + "\n";
}
