// Page and embed query parameters, validated with zod like the JSON API's; empty form fields count as absent.
import * as z from "zod";
import { groupFromParam } from "../../diff/group-name";
import { MATRIX_VIEWS } from "../../matrix/select";
import { THEMES } from "./layout";

const optional = z.string().max(200).optional().transform((s) => (s ? s.trim() || undefined : undefined));

export const ThemeQuery = z.object({ theme: z.enum(THEMES).default("auto") });

export const MatrixQuery = ThemeQuery.extend({
  view: z.enum(MATRIX_VIEWS).default("group-versions"),
  /** Comma-separated group names; "core" is the core group. */
  groups: optional.transform((s) => (s ? s.split(",").map((g) => groupFromParam(g.trim())).filter((g, i, all) => all.indexOf(g) === i) : [])),
  from: optional,
  to: optional,
});

export const DiffPageQuery = ThemeQuery.extend({ from: optional, to: optional });

export const SearchQuery = z.object({ q: z.string().max(200).default("") });

/** A failed parse as one sentence for a page. */
export function querySentence(issues: { path: PropertyKey[]; message: string }[]): string {
  return `Invalid query: ${issues.map((i) => `${i.path.map(String).join(".") || "query"}: ${i.message}`).join("; ")}.`;
}
