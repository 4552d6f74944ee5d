// /v1/versions: the index of published snapshots.
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { INDEX } from "../caching";
import { readOnly } from "../middleware/methods";
import { getCatalog } from "../store";

export const versions = new Hono<AppEnv>();
versions.use("*", readOnly());

versions.get("/", async (c) => {
  const catalog = await getCatalog(c.env);
  const items = catalog.snapshots.map(({ documents: _documents, ...summary }) => summary);
  return c.json({ kind: "SnapshotList", items }, 200, { "cache-control": INDEX });
});
