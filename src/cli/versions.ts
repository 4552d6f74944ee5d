// `kds versions`: the snapshots kds knows, oldest release first.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { Manifest } from "../snapshot/manifest";
import { oneOf, parseFlags } from "./args";
import { EXIT_OK, UsageError } from "./exit-codes";
import { BUNDLED_SNAPSHOTS, localSnapshots } from "./local-snapshots";

export const VERSIONS_HELP = `Usage: kds versions [flags]

Lists the snapshots kds can diff and check against: bundled releases (built) and captured clusters.

Flags:
  -o, --output FORMAT   text (default), json
      --snapshots DIR   snapshot folder (default: the snapshots bundled with kds)
  -h, --help            show this help
`;

export const SnapshotSummary = z.object({
  id: z.string(),
  kubernetesVersion: z.string(),
  gitVersion: z.string().nullable(),
  provenance: z.enum(["built", "captured"]),
}).strict();
export type SnapshotSummary = z.infer<typeof SnapshotSummary>;

function summaries(dir: string): SnapshotSummary[] {
  return localSnapshots(dir).ids.map((id) => {
    const m = Manifest.parse(JSON.parse(readFileSync(join(dir, id, "manifest.json"), "utf8")));
    return { id: m.id, kubernetesVersion: m.kubernetesVersion, gitVersion: m.gitVersion, provenance: m.provenance.kind };
  });
}

function table(rows: SnapshotSummary[]): string {
  const cells = [["ID", "KUBERNETES", "GIT VERSION", "PROVENANCE"], ...rows.map((r) => [r.id, r.kubernetesVersion, r.gitVersion ?? "-", r.provenance])];
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  return cells.map((c) => c.map((x, i) => x.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n") + "\n";
}

export async function versionsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    output: { type: "string", short: "o" },
    snapshots: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) { process.stdout.write(VERSIONS_HELP); return EXIT_OK; }
  if (positionals.length) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
  const format = oneOf("--output", values.output, ["text", "json"] as const, "text");
  const rows = summaries(values.snapshots ?? BUNDLED_SNAPSHOTS);
  process.stdout.write(format === "json" ? JSON.stringify({ kind: "SnapshotList", items: rows }, null, 2) + "\n" : table(rows));
  return EXIT_OK;
}
