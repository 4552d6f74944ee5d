// Reads the manifests named on the command line: files, folders (recursively: *.yaml, *.yml,
// *.json, in name order, minus --ignore matches, symlinked folders followed, each folder once)
// and "-" for stdin. Each becomes one input, named as the user wrote it; files found in a folder
// are marked, as the check may skip them. Nothing is read past CLI_INPUT_LIMIT: a regular file's
// size is checked before reading, and devices and pipes (/dev/zero, <(helm template …)) are read
// in chunks that stop at the limit.
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Stats } from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import type { ManifestInput } from "../check/check";
import { CLI_INPUT_LIMIT } from "../check/limits";
import { decodeUtf8 } from "../check/utf8";
import { UsageError } from "./exit-codes";

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

/** Files found in a folder: kds check leaves out those that hold no Kubernetes object. */
export interface FolderInput extends ManifestInput { inFolder: boolean }

/** A sentence for a path that cannot be followed or read: a symlink loop or a broken symlink is called what it is. */
function unreadable(path: string, err: unknown): UsageError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ELOOP") return new UsageError(`${path}: symlink loop (the link leads back to itself)`);
  if (code === "ENOENT") {
    let target: string | null = null;
    try { target = lstatSync(path).isSymbolicLink() ? readlinkSync(path) : null; } catch { /* the path itself is missing */ }
    return new UsageError(target === null ? `${path}: no such file or folder` : `${path}: broken symlink (its target ${target} does not exist)`);
  }
  if (code === "EACCES" || code === "EPERM") return new UsageError(`${path}: permission denied`);
  return new UsageError(`${path}: cannot be read (${code ?? (err as Error).message})`);
}

function statOf(path: string): Stats {
  try {
    return statSync(path);
  } catch (err) {
    throw unreadable(path, err);
  }
}

/**
 * `ignored` gets both the path as shown and the path inside the folder named, so "charts/**" works
 * from either. `seen` holds the real paths of folders already walked, so a symlink back up the tree ends there.
 */
function filesUnder(root: string, ignored: (path: string) => boolean, seen: Set<string>, rel = ""): string[] {
  const real = realpathSync(join(root, rel));
  if (seen.has(real)) return [];
  seen.add(real);
  return readdirSync(join(root, rel), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => {
      const inside = rel ? `${rel}/${e.name}` : e.name;
      if (ignored(inside) || ignored(join(root, inside))) return [];
      const isDirectory = e.isSymbolicLink() ? statOf(join(root, inside)).isDirectory() : e.isDirectory();
      return isDirectory ? filesUnder(root, ignored, seen, inside) : MANIFEST_FILE.test(e.name) ? [join(root, inside)] : [];
    });
}

function decode(bytes: Uint8Array, source: string): string {
  const text = decodeUtf8(bytes);
  if (text === null) throw new UsageError(`${source} is not UTF-8 text`);
  return text;
}

const overLimit = (source: string) => new UsageError(`${source} is over the limit of ${CLI_INPUT_LIMIT} bytes`);

/** Reads a stream, stopping as soon as it passes the limit: a runaway pipe cannot exhaust memory. */
async function readCapped(stream: AsyncIterable<Buffer | string>, source: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += b.byteLength;
    if (size > CLI_INPUT_LIMIT) throw overLimit(source);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

async function readFileCapped(path: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (err) {
    throw unreadable(path, err);
  }
  try {
    const stats = await handle.stat();
    if (stats.isFile() && stats.size > CLI_INPUT_LIMIT) throw new UsageError(`${path} is ${stats.size} bytes; the limit is ${CLI_INPUT_LIMIT} bytes`);
    return await readCapped(handle.createReadStream({ autoClose: false }), path);
  } finally {
    await handle.close();
  }
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
    if (p === "-") { inputs.push({ source: stdinName, text: decode(await readCapped(stdin as AsyncIterable<Buffer | string>, "stdin"), "stdin"), inFolder: false }); continue; }
    const folder = statOf(p).isDirectory();
    const files = folder ? filesUnder(p, ignored, new Set()) : [p];
    if (!files.length) throw new UsageError(`${p}: no *.yaml, *.yml or *.json files in this folder`);
    for (const f of files) inputs.push({ source: f, text: decode(await readFileCapped(f), f), inFolder: folder });
  }
  return inputs;
}
