// Output in pieces: the CLI writes a large result as it is rendered. The pieces must make exactly
// the text the whole-string renderers give, and the writer must wait for a full stream.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { checkObjects } from "../../src/check/check";
import { CHECK_FORMATS, checkChunks, checkRenderers } from "../../src/check/render";
import type { FailOn } from "../../src/check/render/options";
import { yamlChunks } from "../../src/check/render/yaml";
import type { CheckResult } from "../../src/check/result";
import { readForCheck } from "../../src/cli/manifest-files";
import { writeChunks } from "../../src/cli/write-chunks";
import { targetFieldIndexes } from "../../src/fields/target-fields";
import { toFile, toFileChunks } from "../../src/snapshot/wire";
import { KDS, runKds } from "./lib/kds-bin";
import { BUNDLED_SNAPSHOTS, localSnapshots } from "./lib/local-snapshots";

const FIXTURES = join(import.meta.dirname, "../fixtures/manifests");
const TARGETS = ["1.22", "1.25", "1.29", "1.33"];
const files = readdirSync(FIXTURES, { recursive: true, encoding: "utf8" }).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
let result: CheckResult;

beforeAll(async () => {
  const snapshots = localSnapshots(BUNDLED_SNAPSHOTS);
  // Read as kds check reads the files it is given.
  const read = readForCheck(files.map((f) => ({ source: f, text: readFileSync(join(FIXTURES, f), "utf8"), inFolder: false })));
  const targets = await Promise.all(TARGETS.map((id) => snapshots.index(id)));
  result = checkObjects(read, targets, await snapshots.history(), await targetFieldIndexes(snapshots, targets));
});

describe("toFileChunks", () => {
  it("joins to the text of toFile for any JSON document, at any depth of splitting", () => {
    fc.assert(fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 5 }), (doc, depth) => {
      expect([...toFileChunks(doc, depth)].join("")).toBe(toFile(doc));
    }));
  });

  it("writes an object shared by reference in full wherever it appears, at every indentation", () => {
    fc.assert(fc.property(fc.jsonValue(), (shared) => {
      const doc = { items: [{ a: shared, b: [shared] }, { a: shared }], again: shared };
      for (const depth of [1, 2, 3]) expect([...toFileChunks(doc, depth)].join("")).toBe(toFile(doc));
    }));
  });

  it("leaves out what JSON.stringify leaves out: undefined and function members; null for them in arrays", () => {
    const doc = { a: undefined, b: [undefined, () => 1, 2], c: { d: undefined }, e: () => 1, f: 1 };
    expect([...toFileChunks(doc, 3)].join("")).toBe(toFile(doc));
  });
});

describe("yamlChunks", () => {
  it("joins to the text of yaml's stringify, anchors and aliases of objects shared by reference included", () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.jsonValue(), fc.array(fc.jsonValue()), (doc, shared, items) => {
      const withShared = { ...doc, list: [...items, shared, { again: shared }, [shared]], more: [shared], last: shared };
      expect([...yamlChunks(withShared)].join("")).toBe(stringify(withShared, { lineWidth: 0 }));
    }));
  });
});

describe("check output in pieces", () => {
  const none = { failOn: new Set<FailOn>() };

  it("json of every fixture against four targets, with field checks, is the text of JSON.stringify of the result", () => {
    const { kind, ...rest } = result;
    const pieces = [...checkChunks.json(result, none)];
    expect(pieces.join("")).toBe(JSON.stringify({ kind, passed: false, ...rest }, null, 2) + "\n");
    // One piece per object field at least: no piece holds the objects as one string.
    expect(pieces.length).toBeGreaterThan(result.objects.length);
  });

  it("json as one text (the HTTP answer, built without pieces) is the same bytes as the pieces", () => {
    expect(checkRenderers.json(result, none)).toBe([...checkChunks.json(result, none)].join(""));
  });

  it("yaml of every fixture against four targets is the text of yaml's stringify of the result", () => {
    const { kind, ...rest } = result;
    const pieces = [...checkChunks.yaml(result, none)];
    expect(pieces.join("")).toBe(stringify({ kind, passed: false, ...rest }, { lineWidth: 0 }));
    expect(pieces.length).toBeGreaterThan(result.objects.length);
  });

  it("sarif is in pieces the text of JSON.stringify of its log", () => {
    const text = [...checkChunks.sarif(result, none)].join("");
    expect(text).toBe(toFile(JSON.parse(text)));
    expect(JSON.parse(text).runs[0].results.length).toBeGreaterThan(10);
  });

  it.each(["text", "wide", "markdown", "github", "junit"] as const)("%s comes in pieces of whole lines, a row or test case each", (format) => {
    const pieces = [...checkChunks[format](result, none)];
    expect(pieces.length).toBeGreaterThan(result.objects.length / 2);
    expect(pieces.every((p) => p.endsWith("\n"))).toBe(true);
  });

  // json, wide, sarif and yaml are larger than a pipe's buffer (64 KiB): the command waits for the reader as it writes.
  it.each(CHECK_FORMATS)("kds check -o %s prints exactly the text of the renderer, through a pipe", async (format) => {
    const run = await runKds(["check", "--target", TARGETS.join(","), "-o", format, ...files], { cwd: FIXTURES });
    expect(run.stdout).toBe(checkRenderers[format](result, none));
  });
});

describe("writeChunks", () => {
  it("stops quietly when the reader goes away (kds check … | head), exiting as the check says", async () => {
    // Every fixture 40 times: 6 MB of output, far more than a pipe holds, so writes are still to come when our end closes.
    const args = ["check", "--target", TARGETS.join(","), "-o", "json", ...Array.from({ length: 40 }, () => files).flat()];
    const child = spawn(KDS, args, { cwd: FIXTURES, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.once("data", () => child.stdout.destroy());
    const [code] = await once(child, "close");
    expect(stderr).toBe("");
    // As the whole check exits: the fixtures hold malformed documents.
    expect(code).toBe(2);
  });

  it("waits for a slow stream to drain and writes every piece in order", async () => {
    const received: string[] = [];
    let waits = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) { received.push(chunk.toString()); setTimeout(done, 1); },
    });
    slow.on("drain", () => waits++);
    const pieces = Array.from({ length: 2000 }, (_, i) => `piece ${i} ${"x".repeat(i % 97)}\n`);
    await writeChunks(slow, pieces);
    expect(received.join("")).toBe(pieces.join(""));
    expect(waits).toBeGreaterThan(0);
  });
});
