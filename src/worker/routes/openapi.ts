// GET /v1/openapi.json (see ../openapi.ts).
import { Hono } from "hono";
import { INDEX } from "../caching";
import type { AppEnv } from "../env";
import { readOnly } from "../middleware/methods";
import { openApiDocument } from "../openapi";

export const openapi = new Hono<AppEnv>();
openapi.use("*", readOnly());

let document: string | undefined;

openapi.get("/", (c) => {
  // Generated once per isolate: the schemas do not change while the worker runs.
  document ??= JSON.stringify(openApiDocument(), null, 2) + "\n";
  return c.body(document, 200, { "content-type": "application/json", "cache-control": INDEX });
});
