// Progress of a capture on stderr: one rewritten status line on a terminal, one line per
// document otherwise (logs, CI). Unreadable documents always get a line of their own.
import type { ProgressEvent } from "./walk";

export interface ProgressStream { write(text: string): unknown; isTTY?: boolean }

export function describeProgress(e: ProgressEvent): string {
  const form = e.ref.form === "legacy" ? "" : ` (aggregated ${e.ref.form})`;
  return `[${e.done}/${e.total}] ${e.outcome} ${e.ref.path}${form}`;
}

export function progressReporter(stream: ProgressStream): { onProgress: (e: ProgressEvent) => void; finish: () => void } {
  if (!stream.isTTY) return { onProgress: (e) => stream.write(`${describeProgress(e)}\n`), finish: () => {} };
  const clear = "\r\x1b[K";
  return {
    onProgress: (e) => stream.write(e.outcome === "unreadable" ? `${clear}${describeProgress(e)}\n` : `${clear}${describeProgress(e)}`),
    finish: () => stream.write(clear),
  };
}
