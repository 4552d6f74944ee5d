// The one test for "a JSON/YAML mapping" that parsing, schema walks and checks share.
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
