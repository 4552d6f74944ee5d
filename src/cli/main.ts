// kds: diff, check and capture Kubernetes discovery snapshots from the command line.
import { checkCommand } from "./check";
import { diffCommand } from "./diff";
import { EXIT_OK, EXIT_USAGE, UsageError } from "./exit-codes";
import { timelineCommand } from "./timeline";
import { KDS_VERSION } from "./version";
import { versionsCommand } from "./versions";

export const HELP = `Usage: kds COMMAND [flags]

Commands:
  check      check manifests against Kubernetes versions (kds check --target 1.29 manifests/)
  diff       API changes between two snapshots (kds diff 1.24 1.29)
  timeline   in which releases an API is served (kds timeline batch/v1beta1/CronJob)
  versions   list the known snapshots
  capture    record a snapshot from a live cluster

Run "kds COMMAND --help" for a command's flags, "kds --version" for the version.
Works offline against the bundled snapshots;
--server URL asks a deployed service instead.
`;

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  check: checkCommand,
  diff: diffCommand,
  timeline: timelineCommand,
  versions: versionsCommand,
  // Loaded on demand: capture pulls in the HTTP/TLS client, which the other commands never need.
  capture: async (argv) => (await import("./capture")).capture(argv),
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    (name === undefined ? process.stderr : process.stdout).write(HELP);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === "--version" || name === "version") {
    process.stdout.write(`kds ${KDS_VERSION}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`kds: unknown command "${name}"\n\n${HELP}`);
    return EXIT_USAGE;
  }
  try {
    return await command(rest);
  } catch (e) {
    process.stderr.write(`kds ${name}: ${(e as Error).message}\n`);
    if (e instanceof UsageError) process.stderr.write(`Run "kds ${name} --help" for usage.\n`);
    return EXIT_USAGE;
  }
}
