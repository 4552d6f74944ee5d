// Runs the kds command in this process: main() of src/cli/main.ts, the function the package's bin
// calls, with argv, stdin, stdout, stderr and the working directory of one run. A subprocess costs
// a Node start and a parse of the bundled snapshots (~0.12 s of CPU) per run; the flag, format and
// exit-code tests run here, and a few tests per exit code still run the built bin (kds-bin.ts).
// Runs are queued, one at a time (tests may start several at once): the streams and the working
// directory are the process's own.
import { Readable, Writable } from "node:stream";
import { main } from "../../../src/cli/main";
import type { KdsRun } from "./kds-bin";

function collector(): { stream: Writable; text: () => string } {
  let text = "";
  const stream = new Writable({ write(chunk: Buffer | string, _encoding, done) { text += chunk; done(); } });
  return { stream, text: () => text };
}

function swap(name: "stdin" | "stdout" | "stderr", stream: NodeJS.ReadableStream | NodeJS.WritableStream): () => void {
  const original = Object.getOwnPropertyDescriptor(process, name)!;
  Object.defineProperty(process, name, { configurable: true, enumerable: true, get: () => stream });
  return () => Object.defineProperty(process, name, original);
}

let queue: Promise<unknown> = Promise.resolve();

/** Same contract as runKds: the exit code main() returns and what it wrote. */
export function runKdsMain(args: string[], opts: { cwd: string; stdin?: string }): Promise<KdsRun> {
  const run = queue.then(() => runAlone(args, opts));
  queue = run.catch(() => undefined);
  return run;
}

async function runAlone(args: string[], opts: { cwd: string; stdin?: string }): Promise<KdsRun> {
  const stdout = collector(), stderr = collector();
  const cwd = process.cwd();
  const restore = [swap("stdin", Readable.from([opts.stdin ?? ""])), swap("stdout", stdout.stream), swap("stderr", stderr.stream)];
  process.chdir(opts.cwd);
  try {
    const code = await main(args);
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    process.chdir(cwd);
    for (const r of restore) r();
  }
}
