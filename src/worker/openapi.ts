// GET /v1/openapi.json: an OpenAPI 3.1 description of the service's JSON API, generated from the
// zod schemas that validate its requests and shape its responses (z.toJSONSchema), never by hand.
import * as z from "zod";
import { CheckResult } from "../check/result";
import { SnapshotDiff } from "../diff/types";
import { Status } from "../discovery/types";
import { AvailabilityMatrixList } from "../matrix/schema";
import { SnapshotList } from "../store/catalog";
import { APITimeline } from "../timeline/timeline";
import { MatrixQuery } from "./pages/queries";
import { CheckQuery } from "./routes/check";
import { DiffQuery } from "./routes/diff";
import { FieldQuery, TimelineQuery } from "./routes/timeline";
import { FieldTimeline } from "../fields/field-timeline";

const SCHEMAS = { SnapshotList, SnapshotDiff, CheckResult, APITimeline, FieldTimeline, AvailabilityMatrix: AvailabilityMatrixList, Status };
type SchemaName = keyof typeof SCHEMAS;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: SchemaName, description: string) => ({ description, content: { "application/json": { schema: ref(name) } } });
const STATUS = (description: string) => json("Status", description);

/** Query parameters from a zod object schema: names, whether required, and their input schema. */
function queryParameters(schema: z.ZodObject, omit: string[] = []) {
  return Object.entries(schema.shape).filter(([name]) => !omit.includes(name)).map(([name, field]) => ({
    name, in: "query", required: !(field as z.ZodType).safeParse(undefined).success, schema: jsonSchema(field as z.ZodType, "input"),
  }));
}

const pathParameter = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: { type: "string" } });

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "k8s-discovery-snapshots",
      version: "1",
      description: "Versioned snapshots of kube-apiserver discovery: diffs, timelines, the availability matrix and manifest checks. Kubernetes discovery itself is served under /k8s/{version}/ exactly as kube-apiserver serves it.",
    },
    servers: [{ url: "/" }],
    paths: {
      "/v1/versions": { get: { summary: "Published snapshots", responses: { 200: json("SnapshotList", "Every published snapshot") } } },
      "/v1/diff": {
        get: {
          summary: "What changes between two snapshots",
          parameters: queryParameters(DiffQuery),
          responses: {
            200: { description: "The diff; format=markdown or text answer text instead", content: { "application/json": { schema: ref("SnapshotDiff") }, "text/markdown": { schema: { type: "string" } }, "text/plain": { schema: { type: "string" } } } },
            304: { description: "Not modified (If-None-Match)" }, 400: STATUS("Invalid query"), 404: STATUS("Unknown snapshot"),
          },
        },
      },
      "/v1/timeline/{group}": {
        get: { summary: "Every version of a group across releases", parameters: [pathParameter("group", "API group; core is the core group"), ...queryParameters(TimelineQuery)], responses: { 200: json("APITimeline", "The group's timeline (format=markdown or text answer their own media type)"), 400: STATUS("Invalid query"), 404: STATUS("Unknown group") } },
      },
      "/v1/timeline/{group}/{version}/{name}": {
        get: {
          summary: "One resource across releases; with field=PATH, one field of its kind (FieldTimeline)",
          parameters: [pathParameter("group", "API group; core is the core group"), pathParameter("version", "API version"), pathParameter("name", "kind, plural, singular or short name (ing, deploy)"), ...queryParameters(FieldQuery)],
          responses: { 200: json("APITimeline", "The resource's timeline (format=markdown or text answer their own media type), or the field's FieldTimeline"), 400: STATUS("Invalid query or field path"), 404: STATUS("Unknown resource, or a field no release has") },
        },
      },
      "/v1/matrix": {
        get: {
          summary: "The availability matrix",
          parameters: queryParameters(MatrixQuery, ["theme"]),
          responses: { 200: json("AvailabilityMatrix", "Rows and one cell per release"), 400: STATUS("Invalid query"), 404: STATUS("Unknown release") },
        },
      },
      "/v1/check": {
        post: {
          summary: "Check manifests against target snapshots",
          parameters: queryParameters(CheckQuery),
          requestBody: { required: true, description: "Manifests: multi-document YAML, JSON, List objects, Helm output (at most 1 MiB), as the body (curl --data-binary @app.yaml) or as form files (curl -F file=@app.yaml); files of the form's crds field are CustomResourceDefinitions installed in every target, not checked (curl -F crds=@crds.yaml)", content: { "application/yaml": { schema: { type: "string" } }, "application/json": { schema: { type: "string" } }, "text/plain": { schema: { type: "string" } }, "multipart/form-data": { schema: { type: "object", additionalProperties: { type: "string", format: "binary" } } } } },
          responses: {
            200: json("CheckResult", "Every document was read (other formats answer their own media type)"),
            422: json("CheckResult", "Some document could not be read; the rest carry their verdicts"),
            400: STATUS("Invalid query or body"), 404: STATUS("Unknown target"), 413: STATUS("Body or verdicts over the limit"), 415: STATUS("Body neither text nor a form"),
          },
        },
      },
      "/v1/openapi.json": { get: { summary: "This description", responses: { 200: { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } } } } },
    },
    components: { schemas: Object.fromEntries(Object.entries(SCHEMAS).map(([name, schema]) => [name, jsonSchema(schema, "output")])) },
  };
}
