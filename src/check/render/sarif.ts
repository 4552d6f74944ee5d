// SARIF 2.1.0, for code-scanning views: one result per finding, located at file and line
// (streamed Helm output: at the template file).
import { toFileChunks } from "../../snapshot/wire";
import type { CheckResult } from "../result";
import { anchorOf, describeObject, fails, failsField, fieldAnchorOf, type CheckRenderOptions } from "./options";

const RULES = [
  { id: "not-served", text: "The target Kubernetes version does not serve this apiVersion/kind." },
  { id: "deprecated", text: "The target serves this apiVersion/kind but it is deprecated." },
  { id: "unknown", text: "The target does not know this group: a custom resource whose CRD must be installed." },
  { id: "unknown-field", text: "The target release does not know this field: the apiserver drops it, or refuses the object under strict field validation." },
  { id: "gated-field", text: "The target release has this field behind a feature gate: the apiserver drops it unless the gate is enabled." },
  { id: "invalid-object", text: "The object has no apiVersion or kind." },
  { id: "unreadable-document", text: "The document is malformed YAML or exceeds a limit." },
  { id: "unrendered-template", text: "The file is a Helm template: render it with helm template before checking." },
] as const;
type RuleId = (typeof RULES)[number]["id"];

function result(ruleId: RuleId, level: "error" | "warning" | "note", text: string, { file, line }: { file: string; line: number | null }) {
  const region = line === null ? {} : { region: { startLine: line } };
  return { ruleId, level, message: { text }, locations: [{ physicalLocation: { artifactLocation: { uri: file }, ...region } }] };
}

/** In pieces, one per result: the CLI writes them as they come. */
export function renderCheckSarif(r: CheckResult, opts: CheckRenderOptions): Iterable<string> {
  const results = [
    ...r.objects.flatMap((o) => [
      ...(o.problem ? [result("invalid-object", "error", `${describeObject(o)}: ${o.problem}`, anchorOf(o.location, opts))] : []),
      ...o.verdicts.filter((v) => v.status !== "served").map((v) =>
        result(v.status as RuleId, fails(v, opts) ? "error" : v.status === "deprecated" ? "warning" : "note", v.message, anchorOf(o.location, opts))),
      ...o.fields.map((f) => result(f.status, failsField(f) ? "error" : "warning", f.message, fieldAnchorOf(o.location, f.line, opts))),
    ]),
    ...r.errors.map((e) => result("unreadable-document", "error", `document ${e.document}: ${e.message}`, { file: e.source, line: e.line })),
    ...r.skipped.filter((k) => k.reason === "HelmTemplate").map((k) => result("unrendered-template", "error", k.message, { file: k.source, line: null })),
  ];
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: { driver: { name: "kds", rules: RULES.map((rule) => ({ id: rule.id, shortDescription: { text: rule.text } })) } },
      results,
    }],
  };
  // log > runs > run > results > each result: split down to the results.
  return toFileChunks(log, 4);
}
