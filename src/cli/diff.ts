// `kds diff FROM TO`: what changes in the API between two snapshots.
import { diffSnapshots } from "../diff/diff";
import { fieldChangesOf } from "../fields/field-diff";
import { groupFromParam } from "../diff/group-name";
import { DIFF_FORMATS, diffRenderers } from "../diff/render";
import { oneOf, parseFlags } from "./args";
import { EXIT_OK, UsageError } from "./exit-codes";
import { remoteApi } from "./remote";
import { cliSnapshots } from "./snapshot-store";

export const DIFF_HELP = `Usage: kds diff FROM TO [flags]

Lists what changes between two snapshots: groups, group-versions and resources added and
removed, preferred versions, and resources whose verbs, scope, kind, short names,
categories or subresources changed. FROM later than TO reads as a downgrade. With --fields,
also the fields added and removed per kind both serve (e.g. a container's resizePolicy in 1.27).

Flags:
  -o, --output FORMAT   text (default), markdown, json
      --group NAME      only this group ("core" for the core group)
      --fields          also list the fields added and removed per kind
      --snapshots DIR   your own captures (kds capture --out), beside the bundled releases
      --server URL      ask a deployed service instead of local snapshots
  -h, --help            show this help

Exit status: 0 the diff was printed (whether or not it is empty); 2 usage error.
`;

export async function diffCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    output: { type: "string", short: "o" },
    group: { type: "string" },
    fields: { type: "boolean" },
    snapshots: { type: "string" },
    server: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) { process.stdout.write(DIFF_HELP); return EXIT_OK; }
  if (positionals.length !== 2) throw new UsageError("kds diff takes two snapshot ids, e.g. kds diff 1.24 1.29");
  const [from, to] = positionals as [string, string];
  const format = oneOf("--output", values.output, DIFF_FORMATS, "text");
  if (values.server && values.snapshots) throw new UsageError("--server and --snapshots exclude each other");
  const group = values.group === undefined ? null : groupFromParam(values.group);
  let diff;
  if (values.server) {
    diff = await remoteApi(values.server).diff(from, to, values.group ?? null, values.fields === true);
  } else {
    const snapshots = await cliSnapshots(values.snapshots);
    const resolve = (name: string) => snapshots.resolve([name], "snapshot");
    const [a, b] = [resolve(from), resolve(to)];
    for (const note of new Set([...a.notes, ...b.notes])) process.stderr.write(`kds diff: ${note}\n`);
    const [before, after] = [await snapshots.index(a.ids[0]!), await snapshots.index(b.ids[0]!)];
    diff = diffSnapshots(before, after, { group });
    if (values.fields) diff = { ...diff, fields: await fieldChangesOf(snapshots, before, after, group) };
  }
  process.stdout.write(diffRenderers[format](diff));
  return EXIT_OK;
}
