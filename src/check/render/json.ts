// The result as JSON (POST /v1/check's default answer), with the run's verdict (passed) honouring fail-on.
import { toFile } from "../../snapshot/wire";
import type { CheckResult } from "../result";
import { passes, type CheckRenderOptions } from "./options";

export function renderCheckJson(r: CheckResult, opts: CheckRenderOptions): string {
  const { kind, ...rest } = r;
  return toFile({ kind, passed: passes(r, opts), ...rest });
}
