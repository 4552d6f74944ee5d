// POST /v1/check?target=1.27,1.29[&source=name][&format=json|yaml|text|wide|markdown|github|junit|sarif][&fail-on=deprecated,unknown][&fields=false]
// Body: manifests (multi-document YAML, JSON, List objects, Helm output), at most HTTP_BODY_LIMIT bytes.
// 200 when every document was read; 422 when some document is malformed or refused: the body is
// still the full CheckResult, whose errors name each bad document and line and whose objects carry
// the verdicts of every document that parsed. Repeated targets count once; more than MAX_TARGETS
// answer 422, more than HTTP_VERDICT_LIMIT objects × targets 413, both before the work is done.
import { Hono } from "hono";
import { z } from "zod";
import { checkObjects, readManifests } from "../../check/check";
import { countDocuments, distinctTargets, HTTP_BODY_LIMIT, HTTP_VERDICT_LIMIT, tooManyTargets, tooManyVerdicts } from "../../check/limits";
import { CHECK_FORMATS, checkContentTypes, checkRenderers } from "../../check/render";
import { FAIL_ON } from "../../check/render/options";
import { decodeUtf8 } from "../../check/utf8";
import { targetFieldIndexes } from "../../fields/target-fields";
import type { AppEnv } from "../env";
import { statusResponse } from "../status";
import { kvSnapshots } from "./kv-snapshots";
import { badQuery, resolveSnapshots } from "./params";

const list = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);

export const CheckQuery = z.object({
  target: z.string().transform(list).pipe(z.array(z.string()).min(1, "name at least one snapshot")),
  source: z.string().min(1).max(256).default("request"),
  format: z.enum(CHECK_FORMATS).default("json"),
  "fail-on": z.string().default("").transform(list).pipe(z.array(z.enum(FAIL_ON))),
  /** Field checks are on unless fields=false (the CLI's --ignore-fields). */
  fields: z.enum(["true", "false"]).default("true"),
});

/** Reads the body, stopping as soon as it passes the limit (a missing or false Content-Length cannot get past it). */
export async function readBody(req: Request): Promise<Uint8Array | null> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > HTTP_BODY_LIMIT) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > HTTP_BODY_LIMIT) { await reader.cancel(); return null; }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) { body.set(chunk, at); at += chunk.byteLength; }
  return body;
}

export const check = new Hono<AppEnv>();

check.post("/", async (c) => {
  const q = CheckQuery.safeParse(c.req.query());
  if (!q.success) return badQuery(q.error.issues);
  const tooMany = tooManyTargets(distinctTargets(q.data.target).length);
  if (tooMany) return statusResponse(422, tooMany);
  const bytes = await readBody(c.req.raw);
  if (bytes === null) return statusResponse(413, `request body is larger than ${HTTP_BODY_LIMIT} bytes`);
  const text = decodeUtf8(bytes);
  if (text === null) return statusResponse(400, "request body is not UTF-8 text");
  const store = kvSnapshots(c.env);
  const resolved = await resolveSnapshots(store, distinctTargets(q.data.target));
  if (resolved instanceof Response) return resolved;
  const ids = distinctTargets(resolved); // "1.29,v1.29" is one target
  const unread = tooManyVerdicts(countDocuments(text), "documents", ids.length, HTTP_VERDICT_LIMIT);
  if (unread) return statusResponse(413, unread);
  const read = readManifests([{ source: q.data.source, text }]);
  const tooLarge = tooManyVerdicts(read.objects.length, "objects", ids.length, HTTP_VERDICT_LIMIT);
  if (tooLarge) return statusResponse(413, tooLarge);
  const targets = await Promise.all(ids.map((id) => store.index(id)));
  const fields = q.data.fields === "true" ? await targetFieldIndexes(store, targets) : null;
  const result = checkObjects(read, targets, await store.history(), fields);
  const body = checkRenderers[q.data.format](result, { failOn: new Set(q.data["fail-on"]) });
  return c.body(body, result.errors.length ? 422 : 200, { "content-type": checkContentTypes[q.data.format], "cache-control": "no-store" });
});

check.all("/", () => statusResponse(405, "use POST with the manifests as the request body", { headers: { allow: "POST" } }));
