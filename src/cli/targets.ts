// Resolving snapshot ids given on the command line against the known ones.
import { UsageError } from "./exit-codes";

export function requireKnown(ids: string[], known: string[], what: string): void {
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length) throw new UsageError(`unknown ${what}${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; known snapshots: ${known.join(", ")}`);
}
