// Accept negotiation for discovery documents, as kube-apiserver does it: clauses are ordered by
// q-value (stable, so equal q keeps the client's order), then walked; the first clause the
// document can satisfy wins. Aggregated discovery is named by the g/v/as parameters, in any order.
import type { AggregatedForm } from "../discovery/types";
import type { DocumentForm } from "../snapshot/documents";

export interface AcceptClause { type: string; subtype: string; params: Record<string, string>; q: number }

export function parseAccept(header: string | undefined): AcceptClause[] {
  if (!header || !header.trim()) return [{ type: "*", subtype: "*", params: {}, q: 1 }];
  const clauses: AcceptClause[] = [];
  for (const part of header.split(",")) {
    const [mediaRange, ...rawParams] = part.split(";").map((s) => s.trim());
    const m = /^([\w.+*-]+)\/([\w.+*-]+)$/.exec(mediaRange ?? "");
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
  return clauses.map((c, i) => ({ c, i })).sort((a, b) => b.c.q - a.c.q || a.i - b.i).map(({ c }) => c);
}

export const AGGREGATED_GROUP = "apidiscovery.k8s.io";
export const AGGREGATED_KIND = "APIGroupDiscoveryList";

export function contentTypeFor(form: DocumentForm): string {
  return form === "legacy" ? "application/json" : `application/json;g=${AGGREGATED_GROUP};v=${form};as=${AGGREGATED_KIND}`;
}

/** Parameters a JSON clause may carry without asking for a conversion. */
const NEUTRAL_PARAMS = new Set(["pretty", "charset"]);

/**
 * The form to answer with, or null when no clause can be satisfied (406).
 * `served` lists the aggregated forms this document is available in (empty for non-aggregatable paths).
 */
export function negotiate(clauses: AcceptClause[], served: readonly AggregatedForm[]): DocumentForm | null {
  for (const c of clauses) {
    const jsonRange = (c.type === "*" && c.subtype === "*") || (c.type === "application" && (c.subtype === "*" || c.subtype === "json"));
    if (!jsonRange) continue;
    const { g, v, as, ...rest } = c.params;
    if (Object.keys(rest).some((k) => !NEUTRAL_PARAMS.has(k))) continue;
    if (g === undefined && v === undefined && as === undefined) return "legacy";
    if (g === AGGREGATED_GROUP && as === AGGREGATED_KIND && served.includes(v as AggregatedForm)) return v as AggregatedForm;
  }
  return null;
}

export function acceptableTypes(served: readonly AggregatedForm[]): string {
  return ["application/json", ...served.map(contentTypeFor)].join(", ");
}
