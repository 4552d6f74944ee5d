// Server-rendered pages: "/" and /ui/… (hono/jsx, no client script). They reuse the pure cores
// (diff, timeline, check, the matrix) over the cached release facts, escape everything they show
// (JSX does), carry an ETag and the JSON API's Cache-Control, and refuse to be framed.
import { Hono, type Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import { checkObjects, readManifests } from "../../check/check";
import { countDocuments, HTTP_BODY_LIMIT, HTTP_VERDICT_LIMIT, tooManyVerdicts } from "../../check/limits";
import { decodeUtf8 } from "../../check/utf8";
import { groupNamed, kindsNamed } from "../../timeline/names";
import { displayGroup } from "../../diff/group-name";
import { LATEST } from "../../store/catalog";
import type { AppEnv } from "../env";
import { releaseFacts } from "../history-cache";
import { CheckPage } from "../pages/check";
import { DiffPage } from "../pages/diff";
import { kindFacts, matrixGroups, resolveOptional, trySelect, upgradeDiff } from "../pages/facts";
import { HomePage } from "../pages/home";
import { KindPage } from "../pages/kind";
import { MatrixPage } from "../pages/matrix";
import { MessagePage } from "../pages/message";
import { DiffPageQuery, MatrixQuery, querySentence, SearchQuery } from "../pages/queries";
import { htmlResponse, type PageStatus } from "../pages/respond";
import { VersionPage } from "../pages/version";
import { resolveSnapshot } from "../../store/catalog";
import { getCatalog, getIndex } from "../store";
import { kvSnapshots } from "./kv-snapshots";
import { fieldsSince } from "../../fields/field-history";
import { targetFieldIndexes } from "../../fields/target-fields";
import { readBody } from "./check-body";

export const pages = new Hono<AppEnv>();

const page = async (c: Context<AppEnv>, node: JSX.Element, status?: PageStatus, cacheControl?: string) =>
  htmlResponse(c, node, { framing: "deny", status, cacheControl, generation: (await getCatalog(c.env)).generation });

const message = (c: Context<AppEnv>, status: 400 | 404 | 413, title: string, text: string, query?: string) =>
  page(c, <MessagePage title={title} query={query}><p>{text}</p></MessagePage>, status);

pages.get("/", async (c) => {
  const catalog = await getCatalog(c.env);
  return page(c, <HomePage origin={new URL(c.req.url).origin} snapshots={catalog.snapshots} latest={catalog.aliases[LATEST] ?? catalog.snapshots.at(-1)?.id ?? ""} />);
});

pages.get("/ui/search", async (c) => {
  const q = SearchQuery.parse({ q: c.req.query("q") ?? "" }).q.trim();
  if (!q) return c.redirect("/", 302);
  const { history } = await releaseFacts(c.env);
  const kinds = kindsNamed(history, q);
  if (kinds.length === 1) return c.redirect(`/ui/kinds/${encodeURIComponent(kinds[0]!)}`, 302);
  if (kinds.length > 1) {
    return page(c, <MessagePage title={`Kinds named “${q}”`} query={q}><ul>{kinds.map((k) => <li><a href={`/ui/kinds/${encodeURIComponent(k)}`}>{k}</a></li>)}</ul></MessagePage>);
  }
  const group = groupNamed(history, q);
  if (group) return c.redirect(`/ui/matrix?groups=${encodeURIComponent(displayGroup(group.group))}${group.version ? "&view=resources" : ""}`, 302);
  return message(c, 404, "Nothing found", `No kind, resource, short name or group of any release is named “${q}”.`, q);
});

pages.get("/ui/versions/:version", async (c) => {
  const alias = c.req.param("version");
  const catalog = await getCatalog(c.env);
  const snap = resolveSnapshot(catalog, alias);
  if (!snap) return message(c, 404, "No such snapshot", `No snapshot is named “${alias}”. Known snapshots: ${catalog.snapshots.map((s) => s.id).join(", ")}.`);
  const groups = await getIndex(c.env, snap);
  const built = catalog.snapshots.filter((s) => s.provenance === "built").map((s) => s.id);
  const at = built.indexOf(snap.id);
  return page(c, <VersionPage snap={snap} groups={groups} previous={at > 0 ? built[at - 1]! : null} next={at >= 0 ? built[at + 1] ?? null : null} />);
});

pages.get("/ui/matrix", async (c) => {
  const q = MatrixQuery.safeParse(c.req.query());
  if (!q.success) return message(c, 400, "Bad matrix query", querySentence(q.error.issues));
  const store = kvSnapshots(c.env);
  const bounds = await resolveOptional(store, [q.data.from, q.data.to]);
  if (typeof bounds === "string") return message(c, 400, "Bad matrix query", bounds);
  const facts = await releaseFacts(c.env);
  const selection = { view: q.data.view, groups: q.data.groups, from: bounds[0]!, to: bounds[1]! };
  const selected = trySelect(facts, selection);
  if (typeof selected === "string") return message(c, 400, "Bad matrix query", selected);
  const json = `/v1/matrix${new URL(c.req.url).search}`;
  return page(c, <MatrixPage matrix={facts.matrix} groups={matrixGroups(facts)} selection={selection} selected={selected} json={json} />);
});

pages.get("/ui/kinds/:kind", async (c) => {
  const name = c.req.param("kind");
  const facts = await releaseFacts(c.env);
  const kinds = kindsNamed(facts.history, name);
  if (!kinds.length) return message(c, 404, "No such kind", `No release serves a kind, resource or short name “${name}”.`, name);
  if (kinds.length > 1) {
    return page(c, <MessagePage title={`Kinds named “${name}”`} query={name}><ul>{kinds.map((k) => <li><a href={`/ui/kinds/${encodeURIComponent(k)}`}>{k}</a></li>)}</ul></MessagePage>);
  }
  const kind = kinds[0]!;
  if (kind !== name) return c.redirect(`/ui/kinds/${encodeURIComponent(kind)}`, 302);
  const kf = kindFacts(facts, kind);
  const store = kvSnapshots(c.env);
  const fields = await Promise.all(kf.map(async ({ row }) => ({ groupVersion: row.groupVersion, fields: await fieldsSince(store, facts.history.releases, row.groupVersion, kind) })));
  return page(c, <KindPage kind={kind} facts={kf} releases={facts.matrix.releases} fields={fields} />);
});

pages.get("/ui/diff", async (c) => {
  const q = DiffPageQuery.safeParse(c.req.query());
  if (!q.success) return message(c, 400, "Bad diff query", querySentence(q.error.issues));
  const d = await upgradeDiff(c.env, q.data.from, q.data.to);
  if (typeof d === "string") return message(c, 400, "Bad diff query", d);
  const all = (await getCatalog(c.env)).snapshots.map((s) => s.id);
  return page(c, <DiffPage ids={all} from={d.from} to={d.to} result={d} />);
});

pages.get("/ui/check", async (c) => {
  const catalog = await getCatalog(c.env);
  const latest = catalog.aliases[LATEST];
  return page(c, <CheckPage ids={catalog.snapshots.map((s) => s.id)} chosen={latest ? [latest] : []} text="" result={null} error={null} />);
});

pages.post("/ui/check", async (c) => {
  const catalog = await getCatalog(c.env);
  const ids = catalog.snapshots.map((s) => s.id);
  const bytes = await readBody(c.req.raw);
  if (bytes === null) return message(c, 413, "Too large", `The form is larger than ${HTTP_BODY_LIMIT} bytes; check large inputs with kds check or POST /v1/check.`);
  const form = await new Response(bytes, { headers: { "content-type": c.req.header("content-type") ?? "" } }).formData().catch(() => null);
  if (!form) return message(c, 400, "Unreadable form", "The form could not be read; send it as multipart/form-data or application/x-www-form-urlencoded.");
  const chosen = form.getAll("target").map(String).filter((t) => ids.includes(t));
  const file = form.get("file");
  const upload = typeof file === "object" && file !== null && file.size > 0 ? file : null;
  const fileText = upload ? decodeUtf8(new Uint8Array(await upload.arrayBuffer())) : null;
  const text = upload ? fileText ?? "" : String(form.get("manifests") ?? "");
  const show = (error: string, status: 400 | 413) =>
    page(c, <CheckPage ids={ids} chosen={chosen} text={text} result={null} error={error} />, status, "no-store");
  if (upload && fileText === null) return show("The uploaded file is not UTF-8 text.", 400);
  if (!chosen.length) return show("Pick at least one target release.", 400);
  if (!text.trim()) return show("Paste some manifests or choose a file.", 400);
  // The limits POST /v1/check applies, before the work is done.
  const unread = tooManyVerdicts(countDocuments(text), "documents", chosen.length, HTTP_VERDICT_LIMIT);
  if (unread) return show(unread, 413);
  const read = readManifests([{ source: upload?.name || "pasted", text }]);
  const tooLarge = tooManyVerdicts(read.objects.length, "objects", chosen.length, HTTP_VERDICT_LIMIT);
  if (tooLarge) return show(tooLarge, 413);
  const store = kvSnapshots(c.env);
  const targets = await Promise.all(chosen.map((id) => store.index(id)));
  const result = checkObjects(read, targets, await store.history(), await targetFieldIndexes(store, targets));
  return page(c, <CheckPage ids={ids} chosen={chosen} text={text} result={result} error={null} />, result.errors.length ? 422 : 200, "no-store");
});
