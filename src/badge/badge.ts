// Badges: "policy/v1beta1 PodDisruptionBudget | 1.19–1.24". The text and colour come from a
// resource's timeline; renderers make a flat SVG or shields.io's endpoint JSON from them.
import { escapeMarkup } from "../markup/escape";
import type { ResourceTimeline } from "../timeline/timeline";

export interface Badge { label: string; message: string; color: string }

export const COLORS = { served: "#2e7d32", deprecated: "#9a5b00", removed: "#c62828", never: "#616161" } as const;

/** Releases a resource was served in ("1.19+" while the newest release still serves it), coloured by its state. */
export function badgeFor(label: string, t: ResourceTimeline, newestMinor: number): Badge {
  if (!t.firstServed) return { label, message: "not served", color: COLORS.never };
  if (t.notServedFrom) return { label, message: `${t.firstServed}–${t.lastServed}`, color: COLORS.removed };
  const deprecated = t.lifecycle?.deprecated && Number(t.lifecycle.deprecated.split(".")[1]) <= newestMinor;
  return { label, message: `${t.firstServed}+`, color: deprecated ? COLORS.deprecated : COLORS.served };
}

/** shields.io endpoint format (https://shields.io/badges/endpoint-badge). */
export function shieldsEndpoint(b: Badge): { schemaVersion: 1; label: string; message: string; color: string } {
  return { schemaVersion: 1, label: b.label, message: b.message, color: b.color.slice(1) };
}


/** Approximate advance of 11px Verdana, enough to size the two halves. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[ilj.,:;|!'/1]/.test(ch) ? 3.6 : /[A-Z]/.test(ch) ? 7.6 : /[mw]/.test(ch) ? 9.8 : /[0-9]/.test(ch) ? 7 : /[–+]/.test(ch) ? 7.3 : 6.4;
  return Math.ceil(w);
}

export function badgeSvg(b: Badge): string {
  const [lw, mw] = [textWidth(b.label) + 12, textWidth(b.message) + 12];
  const w = lw + mw;
  const title = escapeMarkup(`${b.label}: ${b.message}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${title}">`
    + `<title>${title}</title>`
    + `<clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath>`
    + `<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${mw}" height="20" fill="${b.color}"/></g>`
    + `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">`
    + `<text x="${lw / 2}" y="14">${escapeMarkup(b.label)}</text><text x="${lw + mw / 2}" y="14">${escapeMarkup(b.message)}</text></g></svg>\n`;
}
