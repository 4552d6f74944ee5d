// Limits on manifest input. YAML is small to send and large to hold: a parsed document costs
// about 40x its text in memory, so the worker (128 MB isolates) accepts far less than the CLI.

/** Largest request body POST /v1/check accepts (1 MiB); larger bodies get 413. */
export const HTTP_BODY_LIMIT = 1024 * 1024;

/** Largest single input (file or stdin) the CLI reads (16 MiB). */
export const CLI_INPUT_LIMIT = 16 * 1024 * 1024;

/** Deepest nesting (block and flow collections) a document may have; Kubernetes objects, CRD schemas included, stay far below. */
export const MAX_DEPTH = 100;

/** Alias expansions per document (yaml's weighted count): stops "billion laughs" documents. */
export const MAX_ALIAS_COUNT = 100;

/** Most snapshots one check may target, once repeats are removed (every bundled release fits). */
export const MAX_TARGETS = 32;

/** Most verdicts (objects × targets) one POST /v1/check computes: its answer stays a few MB. */
export const HTTP_VERDICT_LIMIT = 20_000;

/** Most verdicts one `kds check` computes: its output stays far below the longest string V8 can build. */
export const CLI_VERDICT_LIMIT = 250_000;

/** The targets without repeats, in the order first named. */
export function distinctTargets(targets: string[]): string[] {
  return [...new Set(targets)];
}

/** Why a check of this many targets is refused, or null when it is within MAX_TARGETS. */
export function tooManyTargets(targets: number): string | null {
  return targets > MAX_TARGETS ? `${targets} targets named; a check takes at most ${MAX_TARGETS} distinct targets` : null;
}

/**
 * Why a check would compute too many verdicts, or null. Asked twice: with the count of YAML
 * document markers before parsing (an input of many tiny documents is refused unread), and
 * with the objects found (List items included) before any verdict is computed.
 */
export function tooManyVerdicts(count: number, what: "documents" | "objects", targets: number, limit: number): string | null {
  const verdicts = count * targets;
  return verdicts > limit ? `${count} ${what} × ${targets} target${targets === 1 ? "" : "s"} is ${verdicts} verdicts; a check computes at most ${limit} (send fewer objects or targets at a time)` : null;
}

/** Documents in a YAML stream as its `---` markers count them (at least one); cheap, so it runs before parsing. */
export function countDocuments(text: string): number {
  let markers = 0;
  for (let at = text.startsWith("---") ? 0 : text.indexOf("\n---"); at !== -1; at = text.indexOf("\n---", at + 1)) markers++;
  return Math.max(1, markers);
}
