// Open CORS, so docs sites can fetch discovery documents from the browser and a page on any
// origin can POST manifests (YAML or JSON: Content-Type makes that a preflighted request) to /v1/check.
import type { MiddlewareHandler } from "hono";

const HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, HEAD, POST, OPTIONS",
  "access-control-allow-headers": "Accept, If-None-Match, Content-Type",
  "access-control-expose-headers": "ETag, Content-Type, X-Snapshot-Id",
  "access-control-max-age": "86400",
};

export const cors = (): MiddlewareHandler => async (c, next) => {
  if (c.req.method === "OPTIONS") return new Response(null, { status: 204, headers: HEADERS });
  await next();
  for (const [k, v] of Object.entries(HEADERS)) c.res.headers.set(k, v);
};
