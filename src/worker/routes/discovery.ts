// /k8s/{version}/… : the discovery documents of one snapshot, exactly as its apiserver serves them.
import { Hono, type Context } from "hono";
import { helmApiVersions } from "../../discovery/helm";
import { isAggregatable } from "../../snapshot/documents";
import { SNAPSHOT_ID } from "../../snapshot/manifest";
import { LATEST } from "../../store/catalog";
import type { AppEnv } from "../env";
import { IMMUTABLE, matchesEtag, MOVING } from "../caching";
import { CORS_HEADERS } from "../middleware/cors";
import { readOnly } from "../middleware/methods";
import { acceptableTypes, contentTypeFor, negotiate, parseAccept } from "../negotiate";
import { statusResponse } from "../status";
import { resolveSnapshot } from "../../store/catalog";
import { getCatalog, getDocument, getIndex } from "../store";

export const HELM_PATH = "/helm-api-versions";
const ALIAS = /^v?[0-9a-z]([-a-z0-9.]{0,61}[a-z0-9])?$/;

export const discovery = new Hono<AppEnv>();
discovery.use("*", readOnly());

async function snapshotFor(c: Context<AppEnv>) {
  const alias = c.req.param("version") ?? "";
  if (!ALIAS.test(alias)) return { error: statusResponse(400, `invalid snapshot version ${JSON.stringify(alias)}: expected e.g. 1.29, v1.29, 1.29.2, latest or a snapshot id`) };
  const catalog = await getCatalog(c.env);
  const snap = resolveSnapshot(catalog, alias);
  if (!snap) {
    const known = catalog.snapshots.map((s) => s.id).join(", ");
    return { error: statusResponse(404, `snapshot "${alias}" not found; known snapshots: ${known}, latest`, { details: { name: alias, kind: "snapshot" } }) };
  }
  return { snap, cacheControl: alias === LATEST ? MOVING : IMMUTABLE };
}

/** Request path below /k8s/{version}, normalised the way kube-apiserver routes it ("/apis/" is "/apis"). */
function documentPath(c: Context<AppEnv>): string {
  const prefix = `/k8s/${c.req.param("version")}`;
  const rest = decodeURIComponent(new URL(c.req.url).pathname.slice(prefix.length));
  return rest === "" || rest === "/" ? "/" : rest.replace(/\/+$/, "");
}

discovery.get("/:version/helm-api-versions", async (c) => {
  const r = await snapshotFor(c);
  if ("error" in r) return r.error;
  const index = await getIndex(c.env, r.snap);
  return c.body(helmApiVersions(index).join("\n") + "\n", 200, {
    "content-type": "text/plain; charset=utf-8", "cache-control": r.cacheControl, "x-snapshot-id": r.snap.id,
  });
});

const notFound = (path: string, id: string, headers: Record<string, string>) =>
  statusResponse(404, `the server could not find the requested resource (${path} in snapshot ${id})`, { headers });

const serveDocument = async (c: Context<AppEnv>) => {
  const r = await snapshotFor(c);
  if ("error" in r) return r.error;
  const { snap, cacheControl } = r;
  const path = documentPath(c);
  const served = isAggregatable(path) ? snap.aggregatedDiscovery : [];
  const vary = { vary: "Accept" };
  // A path the snapshot lacks is 404 whatever is accepted (kubectl explain asks /openapi/v3 for protobuf
  // and must learn that OpenAPI is not served, not that its media type is refused).
  if (!["legacy" as const, ...served].some((f) => snap.documents[`${f} ${path}`])) return notFound(path, snap.id, vary);
  const form = negotiate(parseAccept(c.req.header("accept")), served);
  if (!form) return statusResponse(406, `only the following media types are accepted: ${acceptableTypes(served)}`, { headers: vary });
  const sha = snap.documents[`${form} ${path}`];
  if (!sha) return notFound(path, snap.id, vary);
  const headers = { ...CORS_HEADERS, ...vary, etag: `"${sha}"`, "cache-control": cacheControl, "x-snapshot-id": snap.id };
  // Plain Responses with every header at once: Hono's c.body would copy them one by one into a
  // Headers object first, a visible share of a 304's CPU time.
  if (matchesEtag(c.req.header("if-none-match"), headers.etag)) return new Response(null, { status: 304, headers });
  const body = await getDocument(c.env, sha);
  return new Response(body, { status: 200, headers: { ...headers, "content-type": contentTypeFor(form) } });
};

discovery.get("/:version", serveDocument);
discovery.get("/:version/*", serveDocument);
