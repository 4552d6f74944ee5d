// Accept negotiation for discovery documents, as kube-apiserver does it (apimachinery's
// NegotiateMediaTypeOptions over goautoneg.ParseAccept): clauses are ordered by q-value, then
// specificity (a concrete type before a wildcard), keeping the client's order otherwise, and
// walked; the first clause the document can satisfy wins. q=0 rejects a clause (RFC 9110).
// Aggregated discovery is named by the g/v/as parameters, in any order; other parameters are
// ignored, as the apiserver ignores them.
import type { AggregatedForm } from "../discovery/types";
import type { DocumentForm } from "../snapshot/documents";
import { remember } from "../lib/bounded-cache";

export interface AcceptClause { readonly type: string; readonly subtype: string; readonly params: Readonly<Record<string, string>>; readonly q: number }

const specificity = (c: AcceptClause) => (c.type === "*" ? 0 : 2) + (c.subtype === "*" ? 0 : 1);

// Clients send a handful of distinct Accept headers (kubectl one per version), and parsing one costs
// more than the rest of a 304: each is parsed once per isolate (bounded; clauses are never mutated).
const parsed = new Map<string, readonly AcceptClause[]>();
const PARSED_LIMIT = 64;

export function parseAccept(header: string | undefined): readonly AcceptClause[] {
  const key = header ?? "";
  return parsed.get(key) ?? remember(parsed, PARSED_LIMIT, key, parseAcceptHeader(key));
}

function parseAcceptHeader(header: string): AcceptClause[] {
  // No Accept at all gets the apiserver's first serializer: JSON.
  if (!header.trim()) return [{ type: "application", subtype: "json", params: {}, q: 1 }];
  const clauses: AcceptClause[] = [];
  for (const part of header.split(",")) {
    const [mediaRange, ...rawParams] = part.split(";").map((s) => s.trim());
    const m = mediaRange === "*" ? ["*", "*", "*"] : /^([\w.+*-]+)\/([\w.+*-]+)$/.exec(mediaRange ?? "");
    if (!m) continue;
    const params: Record<string, string> = {};
    let q = 1;
    for (const p of rawParams) {
      const eq = p.indexOf("=");
      if (eq < 0) continue;
      const key = p.slice(0, eq).trim().toLowerCase(), value = p.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1");
      if (key === "q") q = Number.isFinite(Number(value)) ? Number(value) : 0;
      else params[key] = value;
    }
    if (q > 0) clauses.push({ type: m[1]!.toLowerCase(), subtype: m[2]!.toLowerCase(), params, q });
  }
  return clauses.map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.q - a.c.q || specificity(b.c) - specificity(a.c) || a.i - b.i)
    .map(({ c }) => c);
}

export const AGGREGATED_GROUP = "apidiscovery.k8s.io";
export const AGGREGATED_KIND = "APIGroupDiscoveryList";

export function contentTypeFor(form: DocumentForm): string {
  return form === "legacy" ? "application/json" : `application/json;g=${AGGREGATED_GROUP};v=${form};as=${AGGREGATED_KIND}`;
}

/**
 * The form to answer with, or null when no clause can be satisfied (406).
 * `served` lists the aggregated forms this document is available in (empty for non-aggregatable paths).
 */
export function negotiate(clauses: readonly AcceptClause[], served: readonly AggregatedForm[]): DocumentForm | null {
  for (const c of clauses) {
    const jsonRange = (c.type === "*" && c.subtype === "*") || (c.type === "application" && (c.subtype === "*" || c.subtype === "json"));
    if (!jsonRange) continue;
    const { g, v, as, stream } = c.params;
    // Discovery endpoints allow no watch stream schema.
    if (stream) continue;
    if (g === undefined && v === undefined && as === undefined) return "legacy";
    if (g === AGGREGATED_GROUP && as === AGGREGATED_KIND && served.includes(v as AggregatedForm)) return v as AggregatedForm;
  }
  return null;
}

export function acceptableTypes(served: readonly AggregatedForm[]): string {
  return ["application/json", ...served.map(contentTypeFor)].join(", ");
}
