// GET /v1/timeline/{group}[?format=json|markdown|text]                                 every version of a group
// GET /v1/timeline/{group}/{version}/{kind, plural, singular or short name}[?format=]  one resource ("core" is the core group)
// GET /v1/timeline/{group}/{version}/{kind}?field=PATH                                 one field of the kind (spec.containers[].resizePolicy), JSON
import { Hono } from "hono";
import * as z from "zod";
import { groupVersion } from "../../discovery/model";
import { groupFromParam } from "../../diff/group-name";
import { FieldPath, fieldTimeline } from "../../fields/field-timeline";
import { TIMELINE_FORMATS, timelineContentTypes, timelineRenderers } from "../../timeline/render";
import { groupTimeline, resourceTimeline, type APITimeline } from "../../timeline/timeline";
import type { AppEnv } from "../env";
import { readOnly } from "../middleware/methods";
import { statusResponse } from "../status";
import { kvSnapshots } from "./kv-snapshots";
import { badQuery } from "./params";

export const TimelineQuery = z.object({ format: z.enum(TIMELINE_FORMATS).default("json") });
export const FieldQuery = TimelineQuery.extend({ field: FieldPath.optional() });

export const timeline = new Hono<AppEnv>();
timeline.use("*", readOnly());

const render = (t: APITimeline, format: z.infer<typeof TimelineQuery>["format"]) =>
  new Response(timelineRenderers[format](t), { headers: { "content-type": timelineContentTypes[format] } });

timeline.get("/:group", async (c) => {
  const group = c.req.param("group");
  const q = TimelineQuery.safeParse(c.req.query());
  if (!q.success) return badQuery(q.error.issues, c.req.query());
  const t = groupTimeline(await kvSnapshots(c.env).history(), groupFromParam(group));
  return t ? render(t, q.data.format) : statusResponse(404, `no release serves group ${group} and no lifecycle fact names it`);
});

timeline.get("/:group/:version/:name", async (c) => {
  const { group, version, name } = c.req.param();
  const q = FieldQuery.safeParse(c.req.query());
  if (!q.success) return badQuery(q.error.issues, c.req.query());
  if (q.data.field !== undefined && q.data.format !== "json") return statusResponse(400, `a field timeline is JSON only; drop format=${q.data.format}`);
  const store = kvSnapshots(c.env);
  const history = await store.history();
  const t = resourceTimeline(history, groupFromParam(group), version, name);
  if (!t) return statusResponse(404, `no release serves ${group}/${version} ${name} and no lifecycle fact names it (kinds, plurals, singular and short names such as ing or deploy are accepted)`);
  if (q.data.field === undefined) return render(t, q.data.format);
  const kind = t.versions[0]!.resources[0]!.kind;
  const f = await fieldTimeline(store, history, groupVersion(groupFromParam(group), version), kind, q.data.field);
  return f.knownIn.length ? c.json(f) : statusResponse(404, `no release's k8s.io/api has field ${f.field} in ${f.apiVersion} ${kind}`);
});
