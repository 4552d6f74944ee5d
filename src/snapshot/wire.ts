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
