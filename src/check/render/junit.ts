// JUnit XML, the report format CI systems display: one suite per target, one test case per
// object (failed by its verdict or by fields the target does not know; gated fields in its output);
// unreadable documents and invalid objects form a suite of their own.
import type { CheckResult } from "../result";
import { describeObject, fails, failsField, type CheckRenderOptions } from "./options";

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
  // XML 1.0 cannot carry most control characters, even escaped.
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "\uFFFD");

interface Case { classname: string; name: string; outcome: null | { tag: "failure" | "error" | "skipped"; type: string; message: string }; output?: string }

const count = (cases: Case[], tag: string) => cases.filter((c) => c.outcome?.tag === tag).length;

/** A suite's lines, one test case at a time. */
function* suite(name: string, cases: Case[]): Generator<string> {
  yield `  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${count(cases, "failure")}" errors="${count(cases, "error")}" skipped="${count(cases, "skipped")}">\n`;
  for (const c of cases) {
    const head = `    <testcase classname="${xml(c.classname)}" name="${xml(c.name)}"`;
    const output = c.output ? [`      <system-out>${xml(c.output)}</system-out>`] : [];
    if (!c.outcome && !output.length) { yield `${head}/>\n`; continue; }
    const outcome = c.outcome ? [`      <${c.outcome.tag} type="${xml(c.outcome.type)}" message="${xml(c.outcome.message)}"/>`] : [];
    yield `${[`${head}>`, ...outcome, ...output, "    </testcase>"].join("\n")}\n`;
  }
  yield "  </testsuite>\n";
}

/** Suite by suite, test case by test case: the CLI writes them as they come. */
export function* renderCheckJunit(r: CheckResult, opts: CheckRenderOptions): Generator<string> {
  const checkable = r.objects.filter((o) => !o.problem);
  const where = (o: (typeof r.objects)[number]) => `${describeObject(o)} (document ${o.location.document}, line ${o.location.line})`;
  const suites = r.targets.map((t) => ({ name: `Kubernetes ${t.id}`, cases: checkable.map((o): Case => {
    const v = o.verdicts.find((x) => x.target === t.id)!;
    const fields = o.fields.filter((f) => f.target === t.id);
    const failing = [...(fails(v, opts) ? [{ type: v.status as string, message: v.message }] : []),
      ...fields.filter(failsField).map((f) => ({ type: f.status as string, message: `line ${f.line}: ${f.message}` }))];
    const outcome = failing.length ? { tag: "failure" as const, type: failing[0]!.type, message: failing.map((x) => x.message).join("; ") }
      : v.status === "unknown" ? { tag: "skipped" as const, type: v.status, message: v.message }
      : null;
    const warnings = fields.filter((f) => !failsField(f)).map((f) => `line ${f.line}: ${f.message}`);
    return { classname: o.location.source, name: where(o), outcome, ...(warnings.length ? { output: warnings.join("\n") } : {}) };
  }) }));
  const inputCases = [
    ...r.objects.filter((o) => o.problem).map((o): Case => ({ classname: o.location.source, name: where(o), outcome: { tag: "error", type: "invalid-object", message: o.problem! } })),
    ...r.errors.map((e): Case => ({ classname: e.source, name: `document ${e.document} (line ${e.line})`, outcome: { tag: "error", type: e.reason, message: e.message } })),
    ...r.skipped.map((k): Case => ({ classname: k.source, name: k.source, outcome: { tag: k.reason === "HelmTemplate" ? "error" : "skipped", type: k.reason, message: k.message } })),
  ];
  if (inputCases.length) suites.push({ name: "input", cases: inputCases });
  const all = suites.flatMap((x) => x.cases);
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kds check" tests="${all.length}" failures="${count(all, "failure")}" errors="${count(all, "error")}">\n`;
  for (const x of suites) yield* suite(x.name, x.cases);
  yield "</testsuites>\n";
}
