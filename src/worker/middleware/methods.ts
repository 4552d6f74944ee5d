// Read-only paths answer 405 with Allow for any method other than GET, HEAD and OPTIONS.
import type { MiddlewareHandler } from "hono";
import { statusResponse } from "../status";

const READ = new Set(["GET", "HEAD", "OPTIONS"]);

export const readOnly = (): MiddlewareHandler => async (c, next) => {
  if (!READ.has(c.req.method)) {
    return statusResponse(405, `method ${c.req.method} is not supported on ${new URL(c.req.url).pathname}`, { headers: { allow: "GET, HEAD, OPTIONS" } });
  }
  await next();
};
