// /v1/versions: the index of published snapshots.
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { INDEX } from "../caching";
import { readOnly } from "../middleware/methods";
import { getCatalog } from "../store";
import type { SnapshotList } from "../../store/catalog";

export const versions = new Hono<AppEnv>();
versions.use("*", readOnly());

versions.get("/", async (c) => {
  const catalog = await getCatalog(c.env);
  const items = catalog.snapshots.map(({ documents: _documents, ...summary }) => summary);
  const body: SnapshotList = { kind: "SnapshotList", items };
  return c.json(body, 200, { "cache-control": INDEX });
});
