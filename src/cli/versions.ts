// `kds versions`: the snapshots kds knows, oldest release first.
import type { SnapshotEntry } from "../diff/snapshot-index";
import { oneOf, parseFlags } from "./args";
import { EXIT_OK, UsageError } from "./exit-codes";
import { cliSnapshots } from "./snapshot-store";
import { remoteApi } from "./remote";

export const VERSIONS_HELP = `Usage: kds versions [flags]

Lists the snapshots kds can diff and check against: bundled releases (built) and captured clusters.

Flags:
  -o, --output FORMAT   text (default), json
      --snapshots DIR   also list your own captures (kds capture --out) in DIR
      --server URL      list a deployed service's snapshots instead
  -h, --help            show this help
`;

function table(rows: SnapshotEntry[]): string {
  const cells = [["ID", "KUBERNETES", "GIT VERSION", "PROVENANCE"], ...rows.map((r) => [r.id, r.kubernetesVersion, r.gitVersion ?? "-", r.provenance])];
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  return cells.map((c) => c.map((x, i) => x.padEnd(widths[i]!)).join("  ").trimEnd()).join("\n") + "\n";
}

export async function versionsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    output: { type: "string", short: "o" },
    snapshots: { type: "string" },
    server: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) { process.stdout.write(VERSIONS_HELP); return EXIT_OK; }
  if (positionals.length) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
  const format = oneOf("--output", values.output, ["text", "json"] as const, "text");
  if (values.server && values.snapshots) throw new UsageError("--server and --snapshots exclude each other");
  const rows = values.server ? await remoteApi(values.server).versions() : await (await cliSnapshots(values.snapshots)).list();
  process.stdout.write(format === "json" ? JSON.stringify({ kind: "SnapshotList", items: rows }, null, 2) + "\n" : table(rows));
  return EXIT_OK;
}
