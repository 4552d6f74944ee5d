// HTML answers for pages and embeds: an ETag over the bytes (so a 304 needs no body), the
// JSON API's Cache-Control, and the framing policy — pages refuse to be framed, embeds allow any origin.
import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import { remember } from "../../lib/bounded-cache";
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

export type PageStatus = 200 | 400 | 404 | 413 | 422;

// A page answered with 200 is a pure function of the published snapshots and its URL, so its bytes
// and ETag are kept per catalog generation and URL: a repeated full matrix costs a lookup, not a render.
const rendered = new Map<string, { html: string; etag: string }>();
const RENDERED_LIMIT = 32; // the largest page is ~420 KB

export interface PageOptions {
  framing: Framing;
  status?: PageStatus;
  /** "no-store" answers are never kept nor given an ETag (the check form's verdicts). */
  cacheControl?: string;
  /** The catalog generation the page was built from; with it a 200 is kept for the next request. */
  generation?: string;
}

export async function htmlResponse(c: Context, page: JSX.Element, opts: PageOptions): Promise<Response> {
  const status = opts.status ?? 200;
  // An error page is never cacheable: the next request (a fixed form, a new publish) may succeed.
  const cacheControl = status >= 400 ? "no-store" : opts.cacheControl ?? INDEX;
  const headers: Record<string, string> = { ...frameHeaders(opts.framing), "cache-control": cacheControl };
  const type = { "content-type": "text/html; charset=utf-8" };
  if (cacheControl === "no-store") return c.body(await renderDocument(page), status, { ...headers, ...type });
  const key = status === 200 && opts.generation ? `${opts.generation}\n${c.req.url}` : null;
  let entry = key === null ? undefined : rendered.get(key);
  if (key !== null) headers["x-kds-page-cache"] = entry ? "hit" : "miss";
  if (!entry) {
    const html = await renderDocument(page);
    entry = { html, etag: await etagOf(html) };
    if (key !== null) remember(rendered, RENDERED_LIMIT, key, entry);
  }
  headers.etag = entry.etag;
  if (matchesEtag(c.req.header("if-none-match"), entry.etag)) return c.body(null, 304, headers);
  return c.body(entry.html, status, { ...headers, ...type });
}
