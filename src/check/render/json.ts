// The result as JSON (POST /v1/check's default answer), with the run's verdict (passed) honouring fail-on.
import { toFileChunks } from "../../snapshot/wire";
import type { CheckResult } from "../result";
import { passes, type CheckRenderOptions } from "./options";

/** In pieces: one per object field, so the CLI writes 10,000 objects without holding the whole text. */
export function renderCheckJsonChunks(r: CheckResult, opts: CheckRenderOptions): Iterable<string> {
  const { kind, ...rest } = r;
  // Down to each object's fields: an object's verdicts, shared by every object of its kind, are stringified once.
  return toFileChunks({ kind, passed: passes(r, opts), ...rest }, 3);
}
