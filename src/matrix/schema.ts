// The JSON shape of GET /v1/matrix (also in /v1/openapi.json).
import * as z from "zod";
import { CELL_STATES } from "./availability";
import { MATRIX_VIEWS } from "./select";

export const MatrixRowSchema = z.object({
  group: z.string(),
  version: z.string(),
  groupVersion: z.string(),
  kind: z.string().nullable(),
  resource: z.string().nullable(),
  cells: z.array(z.enum(CELL_STATES)).describe("One state per release, in the order of `releases`."),
}).strict();

export const AvailabilityMatrixList = z.object({
  kind: z.literal("AvailabilityMatrix"),
  view: z.enum(MATRIX_VIEWS),
  releases: z.array(z.string()),
  rows: z.array(MatrixRowSchema),
}).strict();
export type AvailabilityMatrixList = z.infer<typeof AvailabilityMatrixList>;
