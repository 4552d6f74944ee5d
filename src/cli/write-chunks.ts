// Writes output given in pieces to a stream, a batch at a time, waiting whenever the stream's
// buffer is full: a large check result goes out as it is rendered, never held whole in memory.
import { once } from "node:events";

const BATCH = 1 << 16;

export async function writeChunks(out: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
  let batch = "";
  const flush = async () => {
    const full = !out.write(batch);
    batch = "";
    if (full) await once(out, "drain");
  };
  for (const chunk of chunks) {
    batch += chunk;
    if (batch.length >= BATCH) await flush();
  }
  if (batch) await flush();
}
