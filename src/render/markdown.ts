// GitHub-flavoured markdown pieces shared by the diff and timeline renderers.

export const code = (s: string) => `\`${s}\``;

// Table cells must not break the row.
const cell = (s: string) => s.replace(/\|/g, "\\|");

export function markdownTable(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)];
}
