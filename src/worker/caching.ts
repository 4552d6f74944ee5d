import { sha256Hex } from "../snapshot/wire";
// Cache-Control by how stable the URL's answer is: a snapshot addressed by id or fixed alias
// never changes; `latest` moves when a newer release is published; indexes change on publish.
export const IMMUTABLE = "public, max-age=31536000, immutable";
export const MOVING = "public, max-age=300";
export const INDEX = "public, max-age=60";

/** True when If-None-Match names this (strong) entity tag. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

/** A strong entity tag over a rendered body (pages, embeds, badges). */
export async function etagOf(body: string): Promise<string> {
  return `"${(await sha256Hex(body)).slice(0, 32)}"`;
}
