// GET /v1/timeline/{group}                              every version of a group
// GET /v1/timeline/{group}/{version}/{kind-or-resource}  one resource ("core" is the core group)
import { Hono } from "hono";
import { groupFromParam } from "../../diff/group-name";
import { groupTimeline, resourceTimeline } from "../../timeline/timeline";
import type { AppEnv } from "../env";
import { readOnly } from "../middleware/methods";
import { statusResponse } from "../status";
import { kvSnapshots } from "./kv-snapshots";

export const timeline = new Hono<AppEnv>();
timeline.use("*", readOnly());

timeline.get("/:group", async (c) => {
  const group = c.req.param("group");
  const t = groupTimeline(await kvSnapshots(c.env).history(), groupFromParam(group));
  return t ? c.json(t) : statusResponse(404, `no release serves group ${group} and no lifecycle fact names it`);
});

timeline.get("/:group/:version/:name", async (c) => {
  const { group, version, name } = c.req.param();
  const t = resourceTimeline(await kvSnapshots(c.env).history(), groupFromParam(group), version, name);
  return t ? c.json(t) : statusResponse(404, `no release serves ${group}/${version} ${name} and no lifecycle fact names it`);
});
