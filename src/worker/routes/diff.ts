// GET /v1/diff?from=&to=[&group=][&format=json|markdown|text][&fields=true]
// Each diff is computed once per isolate and catalog generation (../diff-cache) and answered
// with an ETag clients can revalidate.
import { Hono } from "hono";
import * as z from "zod";
import { groupFromParam } from "../../diff/group-name";
import { DIFF_FORMATS, diffContentTypes, diffRenderers } from "../../diff/render";
import { sha256Hex } from "../../snapshot/wire";
import { matchesEtag } from "../caching";
import { cachedDiff, cachedFieldChanges, diffKey } from "../diff-cache";
import type { AppEnv } from "../env";
import { readOnly } from "../middleware/methods";
import { statusResponse } from "../status";
import { kvSnapshots } from "./kv-snapshots";
import { badQuery, resolveSnapshots } from "./params";

export const DiffQuery = z.object({
  from: z.string().min(1),
  to: z.string().min(1),
  group: z.string().min(1).optional(),
  format: z.enum(DIFF_FORMATS).default("json"),
  /** fields=true adds the fields added and removed per kind. */
  fields: z.enum(["true", "false"]).default("false"),
});

export const diff = new Hono<AppEnv>();
diff.use("*", readOnly());

diff.get("/", async (c) => {
  const q = DiffQuery.safeParse(c.req.query());
  if (!q.success) return badQuery(q.error.issues, c.req.query());
  const { format } = q.data;
  const store = kvSnapshots(c.env);
  const ids = await resolveSnapshots(store, [q.data.from, q.data.to]);
  if (ids instanceof Response) return ids;
  const [from, to] = ids as [string, string];
  const group = q.data.group === undefined ? null : groupFromParam(q.data.group);
  if (group !== null) {
    const both = await Promise.all([store.index(from), store.index(to)]);
    if (!both.some((s) => s.groups.some((g) => g.name === group))) return statusResponse(404, `neither ${from} nor ${to} serves group ${q.data.group}`);
  }
  const key = await diffKey(store, from, to, group);
  const withFields = q.data.fields === "true";
  const etag = `"${(await sha256Hex(`${key}\n${format}${withFields ? "\nfields" : ""}`)).slice(0, 32)}"`;
  const headers = { etag, "cache-control": "no-cache" };
  if (matchesEtag(c.req.header("if-none-match"), etag)) return c.body(null, 304, headers);
  const { diff: plain, hit } = await cachedDiff(store, key, from, to, group);
  const result = withFields ? { ...plain, fields: await cachedFieldChanges(store, key, from, to, group) } : plain;
  c.header("x-kds-diff-cache", hit ? "hit" : "miss");
  return c.body(diffRenderers[format](result), 200, { ...headers, "content-type": diffContentTypes[format] });
});
