// `kds check`: will these manifests apply on these Kubernetes versions?
import { checkObjects, mergeCheckResults } from "../check/check";
import { installedDefinitions } from "../check/installed-crds";
import { CLI_VERDICT_LIMIT, distinctTargets, tooManyTargets, tooManyVerdicts } from "../check/limits";
import { CHECK_FORMATS, checkChunks } from "../check/render";
import { FAIL_ON, type FailOn } from "../check/render/options";
import type { CheckResult } from "../check/result";
import { targetFieldIndexes } from "../fields/target-fields";
import { commaList, oneOf, parseFlags } from "./args";
import { checkExitCode, EXIT_OK, UsageError } from "./exit-codes";
import { globMatcher } from "./glob";
import { readInputs } from "./inputs";
import { readForCheck, sortInputs } from "./manifest-files";
import { remoteApi } from "./remote";
import { cliSnapshots } from "./snapshot-store";
import { writeChunks } from "./write-chunks";

export const CHECK_HELP = `Usage: kds check --target VERSIONS [flags] PATH...

Checks every object in the manifests (multi-document YAML, JSON, List objects, Helm output)
against one or more Kubernetes versions: served, deprecated, not served, or unknown to the
target (a custom resource whose group the target lacks). For every target that serves an
object, each of its fields is looked up in that release's API: a field the release does not
know (the apiserver drops it, or refuses the object under strict field validation) is an
unknown-field finding; a field behind a feature gate is a gated-field warning.

PATH is a file, a folder (*.yaml, *.yml, *.json, recursively) or - for stdin:
  helm template my-release ./chart | kds check --target 1.29 -
For stdin, github and sarif output anchor each finding on the template Helm's "# Source:"
comment names, else on --filename.

Flags:
  -t, --target VERSIONS     versions to check against, comma-separated or repeated (required):
                            1.29, v1.29, latest, a patch release (1.29.8, v1.25.0: checked against
                            its minor), or the id of a capture in --snapshots
  -o, --output FORMAT       text (default: the problems as a table), wide (also every served
                            verdict), json, yaml, markdown (for PR comments), github, junit, sarif
      --fail-on WHAT        also fail on "deprecated" and/or "unknown" (comma-separated or repeated)
      --crds PATH           CustomResourceDefinitions to treat as installed in every target (file
                            or folder); those in the manifests themselves always count. With
                            --server they are sent along with every input
      --filename NAME       the name stdin's findings are reported under (default: -)
      --ignore GLOB         leave out matching files and folders of a folder (repeatable):
                            --ignore 'charts/**' --ignore '*.json'; files in a folder without
                            any Kubernetes object (values.yaml, Chart.yaml, dashboards) are left
                            out anyway, with a note
      --snapshots DIR       your own captures (kds capture --out), used beside the bundled releases
      --ignore-fields       do not check fields (by default a field the target does not know fails)
      --server URL          check against a deployed service instead of local snapshots
  -h, --help                show this help

Exit status: 0 every object served by every target; 1 something not served, a field a target
does not know (unless --ignore-fields), or failed by --fail-on; 2 usage or input error (unknown target, unreadable or malformed manifests,
objects without apiVersion or kind).
`;

const REMOTE_CONCURRENCY = 4;

export async function checkCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    target: { type: "string", short: "t", multiple: true },
    output: { type: "string", short: "o" },
    "fail-on": { type: "string", multiple: true },
    snapshots: { type: "string" },
    crds: { type: "string", multiple: true },
    filename: { type: "string" },
    ignore: { type: "string", multiple: true },
    server: { type: "string" },
    "ignore-fields": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) { process.stdout.write(CHECK_HELP); return EXIT_OK; }
  const targets = distinctTargets(commaList(values.target));
  if (!targets.length) throw new UsageError("--target is required, e.g. --target 1.29 or --target 1.27,1.32");
  const tooMany = tooManyTargets(targets.length);
  if (tooMany) throw new UsageError(tooMany);
  const format = oneOf("--output", values.output, CHECK_FORMATS, "text");
  const failOn = new Set(commaList(values["fail-on"]).map((w) => oneOf("--fail-on", w, FAIL_ON, "deprecated"))) as Set<FailOn>;
  if (values.server && values.snapshots) throw new UsageError("--server and --snapshots exclude each other");
  const crds = values.crds ?? [];
  const stdinName = values.filename ?? "-";
  if (stdinName === "") throw new UsageError("--filename needs a name, e.g. --filename deploy/app.yaml");
  const reading = { stdinName, ignored: globMatcher(values.ignore ?? []) };
  // Read (and refused) once, before any request: with --server they go along with every input.
  const crdInputs = crds.length ? await readInputs(crds, process.stdin) : [];
  const definitions = crdInputs.length ? installedDefinitions(crdInputs) : [];
  if (typeof definitions === "string") throw new UsageError(`--crds: ${definitions}`);

  let result: CheckResult;
  if (values.server) {
    const api = remoteApi(values.server);
    // Files left out locally are not sent, so the server sees what an offline check reads.
    const { kept, skipped } = sortInputs(await readInputs(positionals, process.stdin, reading));
    const inputs = kept.map((k) => k.input);
    if (!inputs.length) throw new UsageError(`nothing to send: ${skipped.map((k) => `${k.source}: ${k.message}`).join("; ")}`);
    // One request per input keeps each body under the server's limit; a few at a time spares the server.
    const results = [];
    for (let i = 0; i < inputs.length; i += REMOTE_CONCURRENCY) results.push(...await Promise.all(inputs.slice(i, i + REMOTE_CONCURRENCY).map((input) => api.check(input, targets, !values["ignore-fields"], crdInputs))));
    result = mergeCheckResults(results, skipped);
  } else {
    const snapshots = await cliSnapshots(values.snapshots);
    const { ids, notes } = snapshots.resolve(targets, "target");
    for (const note of notes) process.stderr.write(`kds check: ${note}\n`);
    const read = readForCheck(await readInputs(positionals, process.stdin, reading));
    read.definitions.push(...definitions);
    const tooLarge = tooManyVerdicts(read.objects.length, "objects", ids.length, CLI_VERDICT_LIMIT);
    if (tooLarge) throw new UsageError(tooLarge);
    const indexes = await Promise.all(ids.map((id) => snapshots.index(id)));
    const fields = values["ignore-fields"] ? null : await targetFieldIndexes(snapshots, indexes);
    result = checkObjects(read, indexes, snapshots.history(), fields);
  }
  const opts = { failOn, streamed: new Set(positionals.includes("-") ? [stdinName] : []) };
  await writeChunks(process.stdout, checkChunks[format](result, opts));
  return checkExitCode(result, opts);
}
