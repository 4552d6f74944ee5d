// POST /v1/check?target=1.27,1.29[&source=name][&format=json|yaml|text|wide|markdown|github|junit|sarif][&fail-on=deprecated,unknown][&fields=false]
// Body: manifests (multi-document YAML, JSON, List objects, Helm output), at most HTTP_BODY_LIMIT bytes,
// as text or as multipart/form-data files; files in the form's `crds` field are CustomResourceDefinitions
// installed in every target (see check-body.ts).
// 200 when every document was read; 422 when some document is malformed or refused: the body is
// still the full CheckResult, whose errors name each bad document and line and whose objects carry
// the verdicts of every document that parsed. Repeated targets count once; more than MAX_TARGETS
// answer 422, more than HTTP_VERDICT_LIMIT objects × targets 413, both before the work is done.
import { Hono } from "hono";
import * as z from "zod";
import { checkObjects, readManifests } from "../../check/check";
import { CRDS_FIELD, installedDefinitions } from "../../check/installed-crds";
import { countDocuments, distinctTargets, HTTP_VERDICT_LIMIT, tooManyTargets, tooManyVerdicts } from "../../check/limits";
import { CHECK_FORMATS, checkContentTypes, checkRenderers } from "../../check/render";
import { FAIL_ON } from "../../check/render/options";
import { targetFieldIndexes } from "../../fields/target-fields";
import type { AppEnv } from "../env";
import { statusResponse } from "../status";
import { manifestInputs } from "./check-body";
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

export const check = new Hono<AppEnv>();

check.post("/", async (c) => {
  const q = CheckQuery.safeParse(c.req.query());
  if (!q.success) return badQuery(q.error.issues, c.req.query());
  const tooMany = tooManyTargets(distinctTargets(q.data.target).length);
  if (tooMany) return statusResponse(422, tooMany);
  const sent = await manifestInputs(c.req.raw, q.data.source);
  if (sent instanceof Response) return sent;
  const { manifests: inputs, crds } = sent;
  const store = kvSnapshots(c.env);
  const resolved = await resolveSnapshots(store, distinctTargets(q.data.target));
  if (resolved instanceof Response) return resolved;
  const ids = distinctTargets(resolved); // "1.29,v1.29" is one target
  const documents = inputs.reduce((n, i) => n + countDocuments(i.text), 0);
  const unread = tooManyVerdicts(documents, "documents", ids.length, HTTP_VERDICT_LIMIT);
  if (unread) return statusResponse(413, unread);
  const read = readManifests(inputs);
  if (crds.length) {
    const installed = installedDefinitions(crds);
    if (typeof installed === "string") return statusResponse(400, `${CRDS_FIELD} files: ${installed}`);
    read.definitions.push(...installed);
  }
  const tooLarge = tooManyVerdicts(read.objects.length, "objects", ids.length, HTTP_VERDICT_LIMIT);
  if (tooLarge) return statusResponse(413, tooLarge);
  const targets = await Promise.all(ids.map((id) => store.index(id)));
  const fields = q.data.fields === "true" ? await targetFieldIndexes(store, targets) : null;
  const result = checkObjects(read, targets, await store.history(), fields);
  const body = checkRenderers[q.data.format](result, { failOn: new Set(q.data["fail-on"]) });
  return c.body(body, result.errors.length ? 422 : 200, { "content-type": checkContentTypes[q.data.format], "cache-control": "no-store" });
});

check.all("/", () => statusResponse(405, "use POST with the manifests as the request body", { headers: { allow: "POST" } }));
