// Reads the manifests named on the command line: files, folders (recursively: *.yaml, *.yml,
// *.json, in name order) and "-" for stdin. Each becomes one input, named as the user wrote it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { ManifestInput } from "../check/check";
import { CLI_INPUT_LIMIT } from "../check/limits";
import { decodeUtf8 } from "../check/utf8";
import { UsageError } from "./exit-codes";

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => e.isDirectory() ? filesUnder(join(dir, e.name)) : MANIFEST_FILE.test(e.name) ? [join(dir, e.name)] : []);
}

function decode(bytes: Uint8Array, source: string): string {
  if (bytes.byteLength > CLI_INPUT_LIMIT) throw new UsageError(`${source} is ${bytes.byteLength} bytes; the limit is ${CLI_INPUT_LIMIT} bytes`);
  const text = decodeUtf8(bytes);
  if (text === null) throw new UsageError(`${source} is not UTF-8 text`);
  return text;
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += b.byteLength;
    // Stop reading early: the limit exists so that a runaway pipe cannot exhaust memory.
    if (size > CLI_INPUT_LIMIT) throw new UsageError(`stdin is over the limit of ${CLI_INPUT_LIMIT} bytes`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** `stdinName` names what stdin holds (--filename); "-" when not given. */
export async function readInputs(paths: string[], stdin: NodeJS.ReadableStream, stdinName = "-"): Promise<ManifestInput[]> {
  if (!paths.length) throw new UsageError("no manifests given: name files, folders, or - for stdin");
  const inputs: ManifestInput[] = [];
  for (const p of paths) {
    if (p === "-") { inputs.push({ source: stdinName, text: decode(await readStdin(stdin), "stdin") }); continue; }
    let files: string[];
    try {
      files = statSync(p).isDirectory() ? filesUnder(p) : [p];
    } catch {
      throw new UsageError(`${p}: no such file or folder`);
    }
    if (!files.length) throw new UsageError(`${p}: no *.yaml, *.yml or *.json files in this folder`);
    for (const f of files) inputs.push({ source: f, text: decode(readFileSync(f), f) });
  }
  return inputs;
}
