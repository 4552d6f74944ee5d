// The manifests of a POST /v1/check body, as curl users send them: raw text
// (`--data-binary @app.yaml`, any text-like Content-Type) or a multipart form of one or more
// files (`-F file=@app.yaml -F file=@crds.yaml`), where files in the `crds` field are
// CustomResourceDefinitions installed in every target, not checked (`-F crds=@crds.yaml`, what
// `kds check --crds --server` sends). `curl -d @app.yaml` strips the newlines YAML needs, so such
// a body is refused with the command to use instead.
import type { ManifestInput } from "../../check/check";
import { CRDS_FIELD } from "../../check/installed-crds";
import { HTTP_BODY_LIMIT } from "../../check/limits";
import { decodeUtf8 } from "../../check/utf8";
import { statusResponse } from "../status";

const FORM = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";
/** Content types whose bytes are manifest text (none at all is taken as text, as curl --data-binary -H "Content-Type:" sends). */
const TEXT_TYPE = /^(?:text\/[-+.\w]+|application\/(?:json|yaml|x-yaml|octet-stream|[-.\w]+\+(?:json|yaml)))$/;
const HOW = "send the manifests as the body (curl --data-binary @app.yaml) or as form files (curl -F file=@app.yaml)";

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

/** The manifests to check, and the definitions sent to be treated as installed. */
export interface CheckBody { manifests: ManifestInput[]; crds: ManifestInput[] }

async function formInputs(bytes: Uint8Array, contentType: string): Promise<CheckBody | Response> {
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    return statusResponse(400, `the multipart/form-data body cannot be read; ${HOW}`);
  }
  const body: CheckBody = { manifests: [], crds: [] };
  for (const [field, value] of form.entries()) {
    const source = typeof value === "string" ? field : value.name || field;
    const text = typeof value === "string" ? value : decodeUtf8(new Uint8Array(await value.arrayBuffer()));
    if (text === null) return statusResponse(400, `form file ${JSON.stringify(source)} is not UTF-8 text`);
    (field === CRDS_FIELD ? body.crds : body.manifests).push({ source, text });
  }
  if (!body.manifests.length) {
    return statusResponse(400, body.crds.length ? `the form holds only ${CRDS_FIELD} files; add the manifests to check (curl -F file=@app.yaml -F ${CRDS_FIELD}=@crds.yaml)` : `the form holds no files; ${HOW}`);
  }
  return body;
}

/** The inputs of the request, or the Status that refuses it (400, 413 or 415). `source` names a raw body. */
export async function manifestInputs(req: Request, source: string): Promise<CheckBody | Response> {
  const contentType = req.headers.get("content-type") ?? "";
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type && type !== FORM && type !== MULTIPART && !TEXT_TYPE.test(type)) {
    return statusResponse(415, `Content-Type ${type} is not manifest text; ${HOW}`);
  }
  // Content-Length is 1*DIGIT (RFC 9110); the body is read bounded whatever it says, but a client sending "abc" or "1e9" is told.
  const declared = req.headers.get("content-length");
  if (declared !== null && !/^\d+$/.test(declared.trim())) return statusResponse(400, `Content-Length ${JSON.stringify(declared.slice(0, 40))} is not a number of bytes`);
  const bytes = await readBody(req);
  if (bytes === null) return statusResponse(413, `request body is larger than ${HTTP_BODY_LIMIT} bytes`);
  if (type === MULTIPART) return formInputs(bytes, contentType);
  const text = decodeUtf8(bytes);
  if (text === null) return statusResponse(400, "request body is not UTF-8 text");
  // curl -d reads the file without its line breaks; JSON survives that, YAML does not.
  if (type === FORM && text.trim() && !text.includes("\n") && !/^\s*[[{]/.test(text)) {
    return statusResponse(400, "the body has no line breaks: curl -d (--data) removes them from files; send the manifests with curl --data-binary @app.yaml, or as form files with curl -F file=@app.yaml");
  }
  return { manifests: [{ source, text }], crds: [] };
}
