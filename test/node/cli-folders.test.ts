// Folders as they are: a repository with manifests, a Helm chart, a Grafana dashboard and an
// Alertmanager config. kds check reads the manifests, leaves out the rest with a note, and says
// to render Helm templates first.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CheckResult } from "../../src/check/result";
import { REPO } from "./lib/kds-bin";
import { runKdsMain } from "./lib/kds-main";

const FIX = join(REPO, "test/fixtures");
const ELSEWHERE = mkdtempSync(join(tmpdir(), "kds-cwd-"));
const kds = (args: string[]) => runKdsMain(args, { cwd: FIX, stdin: "" });

describe("kds check on a repository folder", () => {
  it("skips files without any Kubernetes object, one note each, counted in the summary", async () => {
    const r = await kds(["check", "-t", "1.25", "--ignore", "charts/**", "repo"]);
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n").filter((l) => l.startsWith("skipped "))).toEqual([
      "skipped repo/config/alertmanager.yml: not a Kubernetes manifest (no document has a kind)",
      "skipped repo/dashboards/shop.json: not a Kubernetes manifest (no document has a kind)",
    ]);
    expect(r.stdout).toMatch(/3 objects checked against 1\.25, .* 1 not served, .*, 2 files skipped\n$/);
  });

  it("says to render a chart's templates with helm template first, and exits 2", async () => {
    const r = await kds(["check", "-t", "1.29", "-o", "json", "repo/charts/webapp"]);
    expect(r.code).toBe(2);
    const result = CheckResult.parse(JSON.parse(r.stdout));
    expect(result.skipped.map((s) => [s.source, s.reason])).toEqual([
      ["repo/charts/webapp/Chart.yaml", "NotKubernetes"],
      ["repo/charts/webapp/templates/hpa.yaml", "HelmTemplate"],
      ["repo/charts/webapp/templates/service.yaml", "HelmTemplate"],
      ["repo/charts/webapp/values.yaml", "NotKubernetes"],
    ]);
    expect(result.skipped[1]!.message).toMatch(/^an unrendered Helm template \(\{\{ … \}\} on line 1\): render it with helm template first/);
    expect(result.errors).toEqual([]);
    expect(result.summary).toMatchObject({ objects: 0, invalid: 0, errors: 0, skipped: 4 });
  });

  it("names a template given on its own as one, not as malformed YAML", async () => {
    const r = await kds(["check", "-t", "1.29", "-o", "github", "repo/charts/webapp/templates/service.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^::error file=repo\/charts\/webapp\/templates\/service\.yaml,title=Unrendered Helm template::an unrendered Helm template \(\{\{ … \}\} on line 4\)/m);
  });

  it("checks a file named on its own even without a kind: a missing kind is an error there", async () => {
    const r = await kds(["check", "-t", "1.29", "repo/charts/webapp/values.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^✗  repo\/charts\/webapp\/values\.yaml:1 +.* +INVALID +- +object has no apiVersion and kind/m);
  });
});

describe("--ignore", () => {
  it("leaves out folders and files by name, by pattern, or by path inside the folder given", async () => {
    for (const ignore of [["charts"], ["charts/**"], ["repo/charts/**", "*.json"], ["**/templates/*.yaml"]]) {
      const r = await kds(["check", "-t", "1.25", "-o", "json", ...ignore.flatMap((g) => ["--ignore", g]), "repo"]);
      const result = CheckResult.parse(JSON.parse(r.stdout));
      expect(result.skipped.filter((s) => s.reason === "HelmTemplate"), ignore.join(" ")).toEqual([]);
      expect(r.code, ignore.join(" ")).toBe(1);
    }
  });

  it("refuses a folder left empty by it", async () => {
    const r = await runKdsMain(["check", "-t", "1.29", "--ignore", "*.yaml", "--ignore", "*.yml", "--ignore", "*.json", join(FIX, "repo")], { cwd: ELSEWHERE });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no \*\.yaml, \*\.yml or \*\.json files in this folder/);
  });
});
