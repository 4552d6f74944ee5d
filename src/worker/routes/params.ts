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

interface QueryIssue { path: PropertyKey[]; code?: string; message: string; values?: unknown[]; minimum?: unknown; maximum?: unknown }

/** One validation issue of a query parameter as a sentence: `missing query parameter "from"`. */
function describeIssue(issue: QueryIssue, query: Record<string, string>): string {
  const name = String(issue.path[0] ?? "query");
  const value = query[name];
  if (value === undefined) return `missing query parameter "${name}"`;
  if (issue.code === "invalid_value" && issue.values) {
    const item = issue.path[1];
    const given = `"${typeof item === "number" ? value.split(",").map((x) => x.trim()).filter(Boolean)[item] : value}"`;
    return `query parameter "${name}" must be ${issue.values.length > 1 ? "one of " : ""}${issue.values.map(String).join(", ")}, not ${given}`;
  }
  if (issue.code === "too_small" && issue.minimum === 1 && value.trim() === "") return `query parameter "${name}" is empty`;
  if (issue.code === "too_big") return `query parameter "${name}" is longer than ${String(issue.maximum)} characters`;
  return `query parameter "${name}": ${issue.message}`;
}

/** A failed zod parse of the query as a 400 Status whose message a person can act on. */
export function badQuery(issues: QueryIssue[], query: Record<string, string>): Response {
  const sentences = [...new Set(issues.map((i) => describeIssue(i, query)))];
  return statusResponse(400, sentences.join("; "));
}
