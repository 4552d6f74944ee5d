// The npm package as users get it: packed from a clone (prepare builds the CLI), installed into
// an empty folder, and run there with no network against the snapshots it ships.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO } from "./lib/kds-bin";

const FIX = join(REPO, "test/fixtures/manifests");
let files: string[];
let clone: string;
let installed: string;

/** A clone of the working tree (tracked and new files, not ignored ones), sharing node_modules. */
function cloneOfWorkingTree(): string {
  const clone = mkdtempSync(join(tmpdir(), "kds-clone-"));
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: REPO, encoding: "utf8" });
  for (const f of listed.split("\0").filter(Boolean)) {
    mkdirSync(dirname(join(clone, f)), { recursive: true });
    cpSync(join(REPO, f), join(clone, f));
  }
  symlinkSync(join(REPO, "node_modules"), join(clone, "node_modules"));
  return clone;
}

beforeAll(() => {
  clone = cloneOfWorkingTree();
  const out = mkdtempSync(join(tmpdir(), "kds-pack-"));
  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", out], { cwd: clone, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })) as { filename: string; files: { path: string }[] }[];
  files = packed[0]!.files.map((f) => f.path).sort();
  installed = mkdtempSync(join(tmpdir(), "kds-installed-"));
  writeFileSync(join(installed, "package.json"), "{}\n");
  // --offline: the package needs nothing from a registry.
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", join(out, packed[0]!.filename)], { cwd: installed, stdio: "pipe" });
}, 300_000);

describe("npm pack", () => {
  it("ships the built CLI with its bundled snapshots and licences, the docs and the action, and nothing else", () => {
    const outside = files.filter((f) => !/^(package\.json|README\.md|action\.yml|dist\/cli\/[^/]+\.mjs|dist\/cli\/snapshots\.json|dist\/cli\/THIRD-PARTY-LICENSES\.txt|docs\/[^/]+\.md)$/.test(f));
    expect(outside).toEqual([]);
    expect(files).toContain("dist/cli/kds.mjs");
    expect(files).toContain("dist/cli/snapshots.json");
  });

  it("carries the licences of the packages bundled into the CLI", () => {
    const licences = readFileSync(join(clone, "dist/cli/THIRD-PARTY-LICENSES.txt"), "utf8");
    expect(licences.split("\n").filter((l) => /^\S+ \d+\.\d+\.\d+ \(\S+\)$/.test(l))).toEqual([expect.stringMatching(/^yaml /), expect.stringMatching(/^zod /)]);
  });

  it("leaves out TypeScript sources, tests and scripts", () => {
    expect(files.filter((f) => /\.ts$|^(src|test|scripts|snapshots|\.ci)\//.test(f))).toEqual([]);
  });
});

describe("the installed package", () => {
  const run = (args: string[]) => spawnSync("unshare", ["--net", join(installed, "node_modules/.bin/kds"), ...args], { cwd: installed, encoding: "utf8" });

  it("checks manifests offline against the bundled snapshots", () => {
    const r = run(["check", "-t", "1.25", join(FIX, "psp-and-cronjob.yaml")]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/batch\/v1beta1 CronJob is not served by 1\.25: .*use batch\/v1 CronJob/);
  });

  it("runs as built JavaScript with no dependency installed beside it", () => {
    const deps = execFileSync("npm", ["ls", "--all", "--parseable"], { cwd: installed, encoding: "utf8" }).trim().split("\n").slice(1).map((p) => p.slice(p.lastIndexOf("node_modules/") + 13)).sort();
    expect(deps).toEqual(["k8s-discovery-snapshots"]);
    expect(run(["diff", "1.24", "1.25"]).status).toBe(0);
  });
});
