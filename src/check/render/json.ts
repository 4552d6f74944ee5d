// The result as JSON (POST /v1/check's default answer), with the run's verdict (passed) honouring fail-on.
import { toFile, toFileChunks } from "../../snapshot/wire";
import type { CheckResult } from "../result";
import { passes, type CheckRenderOptions } from "./options";

const answer = (r: CheckResult, opts: CheckRenderOptions) => {
  const { kind, ...rest } = r;
  return { kind, passed: passes(r, opts), ...rest };
};

/** In pieces: one per object field, so the CLI writes 10,000 objects without holding the whole text. */
export function renderCheckJsonChunks(r: CheckResult, opts: CheckRenderOptions): Iterable<string> {
  // Down to each object's fields: an object's verdicts, shared by every object of its kind, are stringified once.
  return toFileChunks(answer(r, opts), 3);
}

/** As one text (the HTTP answer, bounded by the check's limits): the same bytes, by one JSON.stringify, several times faster than joining the pieces. */
export function renderCheckJson(r: CheckResult, opts: CheckRenderOptions): string {
  return toFile(answer(r, opts));
}
