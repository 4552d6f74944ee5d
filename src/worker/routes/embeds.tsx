// /embed/…: small self-contained documents for an <iframe> on any origin (inline CSS, no scripts,
// fonts or other assets), in a light, dark or automatic theme. Same facts and views as the pages.
import { Hono, type Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import { kindsNamed } from "../../timeline/names";
import type { AppEnv } from "../env";
import { releaseFacts } from "../history-cache";
import { DiffView } from "../pages/diff-view";
import { kindFacts, resolveOptional, trySelect, upgradeDiff } from "../pages/facts";
import { KindView } from "../pages/kind-view";
import { Embed, type Theme } from "../pages/layout";
import { Legend, MatrixTable } from "../pages/matrix-table";
import { DiffPageQuery, MatrixQuery, querySentence, ThemeQuery } from "../pages/queries";
import { htmlResponse } from "../pages/respond";
import { getCatalog } from "../store";
import { kvSnapshots } from "./kv-snapshots";

export const embeds = new Hono<AppEnv>();

const embed = async (c: Context<AppEnv>, node: JSX.Element, status?: 400 | 404) =>
  htmlResponse(c, node, { framing: "any", status, generation: (await getCatalog(c.env)).generation });

const problem = (c: Context<AppEnv>, status: 400 | 404, theme: Theme, text: string) =>
  embed(c, <Embed title="Kubernetes discovery snapshots" theme={theme} full="/"><p>{text}</p></Embed>, status);

embeds.get("/matrix", async (c) => {
  const q = MatrixQuery.safeParse(c.req.query());
  if (!q.success) return problem(c, 400, "auto", querySentence(q.error.issues));
  const bounds = await resolveOptional(kvSnapshots(c.env), [q.data.from, q.data.to]);
  if (typeof bounds === "string") return problem(c, 400, q.data.theme, bounds);
  const facts = await releaseFacts(c.env);
  const selected = trySelect(facts, { view: q.data.view, groups: q.data.groups, from: bounds[0]!, to: bounds[1]! });
  if (typeof selected === "string") return problem(c, 400, q.data.theme, selected);
  const full = `/ui/matrix${new URL(c.req.url).search}`;
  return embed(c, (
    <Embed title="Kubernetes API availability" theme={q.data.theme} full={full}>
      <Legend />
      <MatrixTable releases={facts.matrix.releases} rows={selected.rows} columns={selected.columns} caption="Availability by Kubernetes release" target="_blank" />
    </Embed>
  ));
});

embeds.get("/kinds/:kind", async (c) => {
  const q = ThemeQuery.safeParse(c.req.query());
  if (!q.success) return problem(c, 400, "auto", querySentence(q.error.issues));
  const name = c.req.param("kind");
  const facts = await releaseFacts(c.env);
  const kinds = kindsNamed(facts.history, name);
  if (kinds.length !== 1) return problem(c, 404, q.data.theme, kinds.length ? `“${name}” names several kinds: ${kinds.join(", ")}.` : `No release serves a kind named “${name}”.`);
  const kind = kinds[0]!;
  return embed(c, (
    <Embed title={`${kind} across Kubernetes releases`} theme={q.data.theme} full={`/ui/kinds/${encodeURIComponent(kind)}`}>
      <Legend />
      <KindView kind={kind} facts={kindFacts(facts, kind)} releases={facts.matrix.releases} columns={facts.matrix.releases.map((_, i) => i)} target="_blank" />
    </Embed>
  ));
});

embeds.get("/diff", async (c) => {
  const q = DiffPageQuery.safeParse(c.req.query());
  if (!q.success) return problem(c, 400, "auto", querySentence(q.error.issues));
  const d = await upgradeDiff(c.env, q.data.from, q.data.to);
  if (typeof d === "string") return problem(c, 400, q.data.theme, d);
  return embed(c, (
    <Embed title={`Kubernetes ${d.from} → ${d.to}`} theme={q.data.theme} full={`/ui/diff?from=${encodeURIComponent(d.from)}&to=${encodeURIComponent(d.to)}`}>
      <DiffView {...d} target="_blank" />
    </Embed>
  ));
});
