// What a check knows about one object of the input: where it is and what it claims to be.
import * as z from "zod";

export const ManifestLocation = z.object({
  /** File name, "-" for stdin, or the name given to the HTTP API. */
  source: z.string(),
  /** 1-based position of the YAML document in the source. */
  document: z.number().int().positive(),
  /** 1-based line of the object (of the item, inside a List). */
  line: z.number().int().positive(),
  /** 0-based position inside its List's items (the innermost List when Lists nest), else null. */
  item: z.number().int().nonnegative().nullable(),
  /** Helm's "# Source: chart/templates/x.yaml" comment, when the document carries one. */
  template: z.string().nullable(),
}).strict();
export type ManifestLocation = z.infer<typeof ManifestLocation>;

export const ManifestObject = z.object({
  location: ManifestLocation,
  apiVersion: z.string().nullable(),
  kind: z.string().nullable(),
  name: z.string().nullable(),
  namespace: z.string().nullable(),
  /** Why the object cannot be checked (no apiVersion or kind, one that is not a string, not a mapping), else null. */
  problem: z.string().nullable(),
}).strict();
export type ManifestObject = z.infer<typeof ManifestObject>;

/** A document that could not be read: malformed YAML, or refused by a limit. */
export const ManifestError = z.object({
  source: z.string(),
  document: z.number().int().positive(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  reason: z.enum(["MalformedYAML", "TooDeep", "TooManyAliases"]),
  message: z.string(),
}).strict();
export type ManifestError = z.infer<typeof ManifestError>;
