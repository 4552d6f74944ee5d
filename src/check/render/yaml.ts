// The result as YAML: the JSON answer's content, with the run's verdict (passed) honouring fail-on.
import { stringify } from "yaml";
import type { CheckResult } from "../result";
import { passes, type CheckRenderOptions } from "./options";

export function renderCheckYaml(r: CheckResult, opts: CheckRenderOptions): string {
  const { kind, ...rest } = r;
  return stringify({ kind, passed: passes(r, opts), ...rest }, { lineWidth: 0 });
}
