// Credentials never reach output or the manifest: a server may echo what it was sent (the bearer
// token, say) back in a Status message, and capture output lands in CI logs.
import type { Connection } from "./http";

export const REDACTED = "[redacted]";

/** Shortest line of a PEM key body worth redacting on its own (shorter ones are ordinary words). */
const MIN_KEY_LINE = 16;

/** The secrets a connection sends: its bearer token, and its client key (whole, and each line of its body). */
export function secretsOf(c: Pick<Connection, "token" | "clientKey">): string[] {
  const secrets: string[] = [];
  if (c.token) secrets.push(c.token);
  if (c.clientKey) {
    const pem = c.clientKey.toString("utf8");
    secrets.push(pem.trim(), ...pem.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length >= MIN_KEY_LINE && !l.startsWith("-----")));
  }
  // Longest first, so a whole key is replaced before its lines are looked for.
  return [...new Set(secrets)].sort((a, b) => b.length - a.length);
}

export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((t, s) => t.split(s).join(REDACTED), text);
}
