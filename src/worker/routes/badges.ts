// GET /badge/{group}/{version}/{kind}.svg and .json: in which releases a resource is served, as a
// badge (SVG) or in shields.io's endpoint format. "core" is the core group: /badge/core/v1/Pod.svg.
import { Hono } from "hono";
import { badgeFor, badgeSvg, shieldsEndpoint } from "../../badge/badge";
import { groupVersion } from "../../discovery/model";
import { groupFromParam } from "../../diff/group-name";
import { resourceTimeline } from "../../timeline/timeline";
import { etagOf, INDEX, matchesEtag } from "../caching";
import type { AppEnv } from "../env";
import { releaseFacts } from "../history-cache";
import { readOnly } from "../middleware/methods";
import { statusResponse } from "../status";

export const badges = new Hono<AppEnv>();
badges.use("*", readOnly());

badges.get("/:group/:version/:file", async (c) => {
  const { group, version, file } = c.req.param();
  const m = /^(.+)\.(svg|json)$/.exec(file);
  if (!m) return statusResponse(404, `badges end in .svg or .json: /badge/${group}/${version}/{kind}.svg`);
  const [, name, format] = m as unknown as [string, string, "svg" | "json"];
  const { history } = await releaseFacts(c.env);
  const g = groupFromParam(group);
  const t = resourceTimeline(history, g, version, name)?.versions[0]?.resources[0];
  if (!t) return statusResponse(404, `no release serves ${groupVersion(g, version)} ${name} and no lifecycle fact names it`);
  const newest = history.releases.at(-1)!;
  const badge = badgeFor(`${groupVersion(g, version)} ${t.kind}`, t, history.minors.get(newest)!);
  const body = format === "svg" ? badgeSvg(badge) : JSON.stringify(shieldsEndpoint(badge)) + "\n";
  const etag = await etagOf(body);
  const headers = { etag, "cache-control": INDEX, "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'", "x-content-type-options": "nosniff" };
  if (matchesEtag(c.req.header("if-none-match"), etag)) return c.body(null, 304, headers);
  return c.body(body, 200, { ...headers, "content-type": format === "svg" ? "image/svg+xml; charset=utf-8" : "application/json" });
});
