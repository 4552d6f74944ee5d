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
