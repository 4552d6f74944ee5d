// Which inputs kds check reads as manifests. A folder holds more than manifests (a chart's
// Chart.yaml and values.yaml, dashboards, configs): its files without any Kubernetes object are
// left out with a note. Unrendered Helm templates are left out wherever they come from, with the
// advice to render them, and fail the run (their objects are unknown until rendered).
import { joinParsed, type ReadManifests } from "../check/check";
import { parseManifests, type ParsedManifests } from "../check/parse";
import type { SkippedInput } from "../check/result";
import type { FolderInput } from "./inputs";

const TEMPLATE_ACTION = /\{\{.*\}\}/;

/** The line of the first Go template action, when the text did not read as manifests: an unrendered template. */
function unrenderedTemplateLine(text: string, parsed: ParsedManifests): number | null {
  if (!parsed.errors.length && !parsed.objects.some((o) => o.problem)) return null;
  const lines = text.split("\n");
  const at = lines.findIndex((l) => TEMPLATE_ACTION.test(l));
  return at < 0 ? null : at + 1;
}

/** The inputs sorted into those to check (with what they read as) and those left out. */
export function sortInputs(inputs: FolderInput[]): { kept: { input: FolderInput; parsed: ParsedManifests }[]; skipped: SkippedInput[] } {
  const kept: { input: FolderInput; parsed: ParsedManifests }[] = [];
  const skipped: SkippedInput[] = [];
  for (const input of inputs) {
    const { source, text, inFolder } = input;
    const parsed = parseManifests(source, text);
    // Configs and dashboards may quote {{ … }} (Alertmanager, Grafana): without any kind they are no template to render.
    const templateLine = unrenderedTemplateLine(text, parsed);
    if (inFolder && !parsed.errors.length && !parsed.objects.some((o) => o.kind !== null)) {
      skipped.push({ source, reason: "NotKubernetes", message: "not a Kubernetes manifest (no document has a kind)" });
    } else if (templateLine !== null) {
      skipped.push({ source, reason: "HelmTemplate", message: `an unrendered Helm template ({{ … }} on line ${templateLine}): render it with helm template first, e.g. helm template my-release ./chart | kds check -t … -` });
    } else {
      kept.push({ input, parsed });
    }
  }
  return { kept, skipped };
}

export function readForCheck(inputs: FolderInput[]): ReadManifests {
  const { kept, skipped } = sortInputs(inputs);
  return joinParsed(kept.map((k) => k.parsed), skipped);
}
