// GET /v1/diff?from=&to=[&group=][&format=json|markdown|text]
// Diffs are pure functions of two immutable snapshots, so each is computed once per isolate
// (keyed by the catalog generation, which changes on every publish) and answered with an
// ETag clients can revalidate.
import { Hono } from "hono";
import { z } from "zod";
import { diffSnapshots } from "../../diff/diff";
import { groupFromParam } from "../../diff/group-name";
import { DIFF_FORMATS, diffContentTypes, diffRenderers } from "../../diff/render";
import type { SnapshotDiff } from "../../diff/types";
import { sha256Hex } from "../../snapshot/wire";
import { matchesEtag } from "../caching";
import type { AppEnv } from "../env";
import { readOnly } from "../middleware/methods";
import { kvSnapshots } from "./kv-snapshots";
import { badQuery, resolveSnapshots } from "./params";

const DiffQuery = z.object({
  from: z.string().min(1),
  to: z.string().min(1),
  group: z.string().min(1).optional(),
  format: z.enum(DIFF_FORMATS).default("json"),
});

const computed = new Map<string, SnapshotDiff>();
const COMPUTED_LIMIT = 256;

export const diff = new Hono<AppEnv>();
diff.use("*", readOnly());

diff.get("/", async (c) => {
  const q = DiffQuery.safeParse(c.req.query());
  if (!q.success) return badQuery(q.error.issues);
  const { format } = q.data;
  const store = kvSnapshots(c.env);
  const ids = await resolveSnapshots(store, [q.data.from, q.data.to]);
  if (ids instanceof Response) return ids;
  const [from, to] = ids as [string, string];
  const group = q.data.group === undefined ? null : groupFromParam(q.data.group);
  const key = [(await store.catalog()).generation, from, to, group ?? "*"].join("\n");
  const etag = `"${(await sha256Hex(`${key}\n${format}`)).slice(0, 32)}"`;
  const headers = { etag, "cache-control": "no-cache" };
  if (matchesEtag(c.req.header("if-none-match"), etag)) return c.body(null, 304, headers);
  let result = computed.get(key);
  c.header("x-kds-diff-cache", result ? "hit" : "miss");
  if (!result) {
    result = diffSnapshots(await store.index(from), await store.index(to), { group });
    if (computed.size >= COMPUTED_LIMIT) computed.delete(computed.keys().next().value!);
    computed.set(key, result);
  }
  return c.body(diffRenderers[format](result), 200, { ...headers, "content-type": diffContentTypes[format] });
});
