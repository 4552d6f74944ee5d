// Exit codes CI can rely on, for every kds subcommand.
import { hasInputProblems } from "../check/check";
import { hasFailures, type CheckRenderOptions } from "../check/render/options";
import type { CheckResult } from "../check/result";

/** All objects served by every target (deprecated and unknown allowed unless --fail-on says otherwise). */
export const EXIT_OK = 0;
/** Something is not served by a target, a field a target does not know, or failed by --fail-on. */
export const EXIT_FAILED = 1;
/** Input or usage error: bad flags, unknown target, unreadable or malformed input, objects without apiVersion/kind. */
export const EXIT_USAGE = 2;

/** An error that is the user's to fix; main prints its message and exits with EXIT_USAGE. */
export class UsageError extends Error {}

export function checkExitCode(r: CheckResult, opts: CheckRenderOptions): number {
  if (hasInputProblems(r)) return EXIT_USAGE;
  return hasFailures(r, opts) ? EXIT_FAILED : EXIT_OK;
}
