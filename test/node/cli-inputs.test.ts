// What `kds check` reads from the paths it is given: size limits enforced before reading,
// symlinks followed (folders too, each once) and, when they cannot be, called what they are.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { CLI_INPUT_LIMIT } from "../../src/check/limits";
import { readInputs } from "../../src/cli/inputs";

const dir = mkdtempSync(join(tmpdir(), "kds-inputs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const noStdin = Readable.from([]);
const DEPLOYMENT = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n";
const read = (...paths: string[]) => readInputs(paths, noStdin);

describe("kds check inputs", () => {
  it("refuses a file over the limit from its size, without reading it", async () => {
    const huge = join(dir, "huge.yaml");
    writeFileSync(huge, "");
    truncateSync(huge, 64 * 2 ** 30); // sparse: reading it whole would need 64 GiB
    await expect(read(huge)).rejects.toThrow(`${huge} is ${64 * 2 ** 30} bytes; the limit is ${CLI_INPUT_LIMIT} bytes`);
  });

  it("stops reading an endless device at the limit", async () => {
    await expect(read("/dev/zero")).rejects.toThrow(`/dev/zero is over the limit of ${CLI_INPUT_LIMIT} bytes`);
  });

  it("stops reading stdin at the limit", async () => {
    const endless = Readable.from((function* () { for (;;) yield Buffer.alloc(1 << 20, 0x20); })());
    await expect(readInputs(["-"], endless)).rejects.toThrow(`stdin is over the limit of ${CLI_INPUT_LIMIT} bytes`);
  });

  it("calls a self-referencing symlink a symlink loop", async () => {
    const loop = join(dir, "loop.yaml");
    symlinkSync(loop, loop);
    await expect(read(loop)).rejects.toThrow(`${loop}: symlink loop`);
  });

  it("names the missing target of a broken symlink", async () => {
    const broken = join(dir, "broken.yaml");
    symlinkSync(join(dir, "gone.yaml"), broken);
    await expect(read(broken)).rejects.toThrow(`${broken}: broken symlink (its target ${join(dir, "gone.yaml")} does not exist)`);
  });

  it("says no such file for a path that does not exist", async () => {
    await expect(read(join(dir, "nope.yaml"))).rejects.toThrow(`${join(dir, "nope.yaml")}: no such file or folder`);
  });

  it("follows a symlinked folder inside a folder", async () => {
    const tree = join(dir, "tree"), elsewhere = join(dir, "elsewhere");
    mkdirSync(tree);
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, "app.yaml"), DEPLOYMENT);
    symlinkSync(elsewhere, join(tree, "linked"));
    const inputs = await read(tree);
    expect(inputs).toEqual([{ source: join(tree, "linked", "app.yaml"), text: DEPLOYMENT, inFolder: true }]);
  });

  it("reads each folder once when a symlink leads back up the tree", async () => {
    const tree = join(dir, "cyclic");
    mkdirSync(join(tree, "sub"), { recursive: true });
    writeFileSync(join(tree, "a.yaml"), DEPLOYMENT);
    writeFileSync(join(tree, "sub", "b.yaml"), DEPLOYMENT);
    symlinkSync(tree, join(tree, "sub", "up"));
    const inputs = await read(tree);
    expect(inputs.map((i) => i.source)).toEqual([join(tree, "a.yaml"), join(tree, "sub", "b.yaml")]);
  });

  it("refuses a broken symlink inside a folder instead of skipping it", async () => {
    const tree = join(dir, "with-broken");
    mkdirSync(tree);
    writeFileSync(join(tree, "a.yaml"), DEPLOYMENT);
    symlinkSync(join(tree, "missing.yaml"), join(tree, "b.yaml"));
    await expect(read(tree)).rejects.toThrow(`${join(tree, "b.yaml")}: broken symlink`);
  });
});
