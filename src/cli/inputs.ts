// Reads the manifests named on the command line: files, folders (recursively: *.yaml, *.yml,
// *.json, in name order, minus --ignore matches) and "-" for stdin. Each becomes one input,
// named as the user wrote it; files found in a folder are marked, as the check may skip them.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { ManifestInput } from "../check/check";
import { CLI_INPUT_LIMIT } from "../check/limits";
import { decodeUtf8 } from "../check/utf8";
import { UsageError } from "./exit-codes";

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

/** Files found in a folder: kds check leaves out those that hold no Kubernetes object. */
export interface FolderInput extends ManifestInput { inFolder: boolean }

/** `ignored` gets both the path as shown and the path inside the folder named, so "charts/**" works from either. */
function filesUnder(root: string, ignored: (path: string) => boolean, rel = ""): string[] {
  return readdirSync(join(root, rel), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => {
      const inside = rel ? `${rel}/${e.name}` : e.name;
      if (ignored(inside) || ignored(join(root, inside))) return [];
      return e.isDirectory() ? filesUnder(root, ignored, inside) : MANIFEST_FILE.test(e.name) ? [join(root, inside)] : [];
    });
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

export interface ReadOptions {
  /** What stdin holds (--filename); "-" when not given. */
  stdinName?: string;
  /** --ignore: files and folders of a folder walk left out. */
  ignored?: (path: string) => boolean;
}

export async function readInputs(paths: string[], stdin: NodeJS.ReadableStream, { stdinName = "-", ignored = () => false }: ReadOptions = {}): Promise<FolderInput[]> {
  if (!paths.length) throw new UsageError("no manifests given: name files, folders, or - for stdin");
  const inputs: FolderInput[] = [];
  for (const p of paths) {
    if (p === "-") { inputs.push({ source: stdinName, text: decode(await readStdin(stdin), "stdin"), inFolder: false }); continue; }
    let folder: boolean;
    try {
      folder = statSync(p).isDirectory();
    } catch {
      throw new UsageError(`${p}: no such file or folder`);
    }
    const files = folder ? filesUnder(p, ignored) : [p];
    if (!files.length) throw new UsageError(`${p}: no *.yaml, *.yml or *.json files in this folder`);
    for (const f of files) inputs.push({ source: f, text: decode(readFileSync(f), f), inFolder: folder });
  }
  return inputs;
}
