// Content negotiation for aggregated discovery, as client-go does it: one Accept header per
// aggregated form, and a response counts as that form only if its Content-Type names it exactly
// (kubectl picks its parser by Content-Type, not by the body's kind).
import type { AggregatedForm } from "../discovery/types";

export const JSON_MEDIA_TYPE = "application/json";

/** The media type of an aggregated discovery form, e.g. application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList. */
export function aggregatedMediaType(form: AggregatedForm): string {
  return `${JSON_MEDIA_TYPE};g=apidiscovery.k8s.io;v=${form};as=APIGroupDiscoveryList`;
}

/** Accept header asking for one aggregated form, falling back to plain JSON as client-go does. */
export function acceptAggregated(form: AggregatedForm): string {
  return `${aggregatedMediaType(form)},${JSON_MEDIA_TYPE}`;
}

interface MediaType { type: string; params: Map<string, string> }

export function parseMediaType(header: string): MediaType {
  const [type = "", ...rest] = header.split(";").map((s) => s.trim());
  const params = new Map<string, string>();
  for (const p of rest) {
    const eq = p.indexOf("=");
    if (eq > 0) params.set(p.slice(0, eq).trim().toLowerCase(), p.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1"));
  }
  return { type: type.toLowerCase(), params };
}

/** True when the Content-Type is JSON at all (legacy or aggregated). */
export function isJson(contentType: string): boolean {
  return parseMediaType(contentType).type === JSON_MEDIA_TYPE;
}

/** The aggregated form a Content-Type declares, or null for plain JSON and anything else. */
export function aggregatedFormOf(contentType: string): AggregatedForm | null {
  const { type, params } = parseMediaType(contentType);
  if (type !== JSON_MEDIA_TYPE || params.get("g") !== "apidiscovery.k8s.io" || params.get("as") !== "APIGroupDiscoveryList") return null;
  const v = params.get("v");
  return v === "v2" || v === "v2beta1" ? v : null;
}
