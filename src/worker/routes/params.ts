// Query handling shared by the diff, timeline and check routes.
import { statusResponse } from "../status";
import type { KvSnapshots } from "./kv-snapshots";

/** Resolves ids or aliases to snapshot ids, or answers 404 naming the known snapshots. */
export async function resolveSnapshots(store: KvSnapshots, names: string[]): Promise<string[] | Response> {
  const ids = await Promise.all(names.map((n) => store.resolve(n)));
  const unknown = names.filter((_, i) => ids[i] === null);
  if (!unknown.length) return ids as string[];
  const known = (await store.list()).map((s) => s.id).join(", ");
  return statusResponse(404, `snapshot${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} not found; known snapshots: ${known}`);
}

/** A failed zod parse of the query as a 400 Status. */
export function badQuery(issues: { path: PropertyKey[]; message: string }[]): Response {
  return statusResponse(400, `invalid query: ${issues.map((i) => `${i.path.map(String).join(".") || "query"}: ${i.message}`).join("; ")}`);
}
