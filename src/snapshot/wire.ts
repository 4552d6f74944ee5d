// Wire form of a document: what a kube-apiserver sends (compact JSON, one trailing newline).
// Snapshot files are pretty-printed for review; both forms hold the same JSON, in the same key order.

export function toWire(doc: unknown): string {
  return JSON.stringify(doc) + "\n";
}

export function toFile(doc: unknown): string {
  return JSON.stringify(doc, null, 2) + "\n";
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * toFile(doc) in pieces, for a document too large to hold as one string (a check of 10,000 objects
 * prints 100 MB): containers down to `depth` levels come out piece by piece, deeper values as one
 * JSON.stringify each. A value object shared by reference (a check's verdicts, the same for every
 * object of a kind) is stringified once per indentation. Plain data only: no toJSON, no cycles.
 */
export function* toFileChunks(doc: unknown, depth: number): Generator<string> {
  const seen = new WeakSet<object>();
  const done = new Map<object, { indent: string; text: string }>();
  const omitted = (v: unknown) => v === undefined || typeof v === "function" || typeof v === "symbol";
  const whole = (v: unknown, indent: string): string => {
    const text = () => (indent ? JSON.stringify(v, null, 2).replaceAll("\n", `\n${indent}`) : JSON.stringify(v, null, 2));
    if (typeof v !== "object" || v === null) return text();
    const cached = done.get(v);
    if (cached?.indent === indent) return cached.text;
    if (!seen.has(v)) { seen.add(v); return text(); }
    const t = text();
    done.set(v, { indent, text: t });
    return t;
  };
  function* piece(v: unknown, level: number, indent: string): Generator<string> {
    if (level >= depth || typeof v !== "object" || v === null) { yield whole(v, indent); return; }
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (!v.length) { yield "[]"; return; }
      for (let i = 0; i < v.length; i++) {
        yield `${i ? "," : "["}\n${inner}`;
        yield* piece(omitted(v[i]) ? null : v[i], level + 1, inner);
      }
      yield `\n${indent}]`;
      return;
    }
    const record = v as Record<string, unknown>;
    let first = true;
    for (const key of Object.keys(record)) {
      if (omitted(record[key])) continue;
      yield `${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `;
      first = false;
      yield* piece(record[key], level + 1, inner);
    }
    yield first ? "{}" : `\n${indent}}`;
  }
  yield* piece(doc, 0, "");
  yield "\n";
}
