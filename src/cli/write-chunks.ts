// Writes output given in pieces to a stream, a batch at a time, waiting whenever the stream's
// buffer is full: a large check result goes out as it is rendered, never held whole in memory.
import { once } from "node:events";

const BATCH = 1 << 16;

/** A reader that stops early (kds check … | head) closes the pipe: the rest is not wanted, and that is no error. */
const readerGone = (e: Error) => (e as NodeJS.ErrnoException).code === "EPIPE";

export async function writeChunks(out: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
  let failure: Error | null = null;
  // Kept after the last write too: a write fails after it was queued, when no one is waiting on it.
  out.on("error", (e: Error) => { failure ??= e; });
  let batch = "";
  const flush = async () => {
    const full = !out.write(batch);
    batch = "";
    if (full) await once(out, "drain").catch(() => undefined);
  };
  for (const chunk of chunks) {
    batch += chunk;
    if (batch.length >= BATCH) await flush();
    if (failure) break;
  }
  if (batch && !failure) await flush();
  if (failure && !readerGone(failure)) throw failure;
}
