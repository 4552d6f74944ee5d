// GET /v1/matrix?view=group-versions|resources&groups=&from=&to=: the availability matrix the
// /ui/matrix page shows, as JSON (cells as states, one per release listed).
import { Hono } from "hono";
import { AvailabilityMatrixList } from "../../matrix/schema";
import type { AppEnv } from "../env";
import { INDEX } from "../caching";
import { releaseFacts } from "../history-cache";
import { readOnly } from "../middleware/methods";
import { resolveOptional, trySelect } from "../pages/facts";
import { MatrixQuery } from "../pages/queries";
import { statusResponse } from "../status";
import { kvSnapshots } from "./kv-snapshots";
import { badQuery } from "./params";

export const matrix = new Hono<AppEnv>();
matrix.use("*", readOnly());

matrix.get("/", async (c) => {
  const q = MatrixQuery.safeParse(c.req.query());
  if (!q.success) return badQuery(q.error.issues, c.req.query());
  const bounds = await resolveOptional(kvSnapshots(c.env), [q.data.from, q.data.to]);
  if (typeof bounds === "string") return statusResponse(404, bounds);
  const facts = await releaseFacts(c.env);
  const selected = trySelect(facts, { view: q.data.view, groups: q.data.groups, from: bounds[0]!, to: bounds[1]! });
  if (typeof selected === "string") return statusResponse(400, selected);
  const body: AvailabilityMatrixList = {
    kind: "AvailabilityMatrix",
    view: q.data.view,
    releases: selected.columns.map((i) => facts.matrix.releases[i]!),
    rows: selected.rows.map(({ cells, ...row }) => ({ ...row, cells: selected.columns.map((i) => cells[i]!) })),
  };
  return c.json(body, 200, { "cache-control": INDEX });
});
