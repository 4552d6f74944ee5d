// GET /v1/timeline/{group}                              every version of a group
// GET /v1/timeline/{group}/{version}/{kind-or-resource}  one resource ("core" is the core group)
// GET /v1/timeline/{group}/{version}/{kind}?field=PATH    one field of the kind (spec.containers[].resizePolicy)
import { Hono } from "hono";
import { z } from "zod";
import { groupVersion } from "../../discovery/model";
import { groupFromParam } from "../../diff/group-name";
import { FieldPath, fieldTimeline } from "../../fields/field-timeline";
import { groupTimeline, resourceTimeline } from "../../timeline/timeline";
import type { AppEnv } from "../env";
import { readOnly } from "../middleware/methods";
import { statusResponse } from "../status";
import { kvSnapshots } from "./kv-snapshots";
import { badQuery } from "./params";

export const FieldQuery = z.object({ field: FieldPath.optional() });

export const timeline = new Hono<AppEnv>();
timeline.use("*", readOnly());

timeline.get("/:group", async (c) => {
  const group = c.req.param("group");
  const t = groupTimeline(await kvSnapshots(c.env).history(), groupFromParam(group));
  return t ? c.json(t) : statusResponse(404, `no release serves group ${group} and no lifecycle fact names it`);
});

timeline.get("/:group/:version/:name", async (c) => {
  const { group, version, name } = c.req.param();
  const q = FieldQuery.safeParse(c.req.query());
  if (!q.success) return badQuery(q.error.issues);
  const store = kvSnapshots(c.env);
  const history = await store.history();
  const t = resourceTimeline(history, groupFromParam(group), version, name);
  if (!t) return statusResponse(404, `no release serves ${group}/${version} ${name} and no lifecycle fact names it`);
  if (q.data.field === undefined) return c.json(t);
  const kind = t.versions[0]!.resources[0]!.kind;
  const f = await fieldTimeline(store, history, groupVersion(groupFromParam(group), version), kind, q.data.field);
  return f.knownIn.length ? c.json(f) : statusResponse(404, `no release's k8s.io/api has field ${f.field} in ${f.apiVersion} ${kind}`);
});
