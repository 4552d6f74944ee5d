import { toFile } from "../../snapshot/wire";
import type { CheckResult } from "../result";

export function renderCheckJson(r: CheckResult): string {
  return toFile(r);
}
