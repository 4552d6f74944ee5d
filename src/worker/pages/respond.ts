// HTML answers for pages and embeds: an ETag over the bytes (so a 304 needs no body), the
// JSON API's Cache-Control, and the framing policy — pages refuse to be framed, embeds allow any origin.
import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import { etagOf, INDEX, matchesEtag } from "../caching";

export type Framing = "deny" | "any";

const csp = (framing: Framing) => [
  "default-src 'none'", "style-src 'unsafe-inline'", "img-src 'self'", "form-action 'self'", "base-uri 'none'",
  framing === "deny" ? "frame-src 'self'; frame-ancestors 'none'" : "frame-ancestors *",
].join("; ");

export function frameHeaders(framing: Framing): Record<string, string> {
  return {
    "content-security-policy": csp(framing),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    ...(framing === "deny" ? { "x-frame-options": "DENY" } : {}),
  };
}

/** Renders a page (a JSX element) to a complete HTML document. */
export async function renderDocument(page: JSX.Element): Promise<string> {
  // A JSX node renders on toString(), which is async when a component is.
  return "<!doctype html>" + (await (await page).toString());
}

export async function htmlResponse(c: Context, html: string, opts: { framing: Framing; cacheControl?: string; status?: 200 | 400 | 404 | 413 | 422 }): Promise<Response> {
  const headers: Record<string, string> = { ...frameHeaders(opts.framing), "cache-control": opts.cacheControl ?? INDEX };
  if (opts.cacheControl === "no-store") return c.body(html, opts.status ?? 200, { ...headers, "content-type": "text/html; charset=utf-8" });
  headers.etag = await etagOf(html);
  if (matchesEtag(c.req.header("if-none-match"), headers.etag)) return c.body(null, 304, headers);
  return c.body(html, opts.status ?? 200, { ...headers, "content-type": "text/html; charset=utf-8" });
}
