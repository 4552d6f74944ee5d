// Annotations that land on the file: `helm template … | kds check -o github -` anchors each finding
// on the template Helm's "# Source:" comment names; --filename names stdin when nothing else does.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "./lib/kds-bin";
import { runKdsMain } from "./lib/kds-main";

const FIX = join(REPO, "test/fixtures/manifests");
const RENDERED = join(FIX, "helm/webapp-rendered.yaml");
const ELSEWHERE = mkdtempSync(join(tmpdir(), "kds-cwd-"));
const kds = (args: string[], stdin?: string) => runKdsMain(args, { cwd: ELSEWHERE, stdin });
const annotations = (out: string) => out.split("\n").filter((l) => l.startsWith("::"));

interface SarifResult { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }

describe("helm template output on stdin", () => {
  it("github annotations name the chart template of each finding, as a whole file", async () => {
    const r = await kds(["check", "-t", "1.25", "-o", "github", "-"], readFileSync(RENDERED, "utf8"));
    expect(r.code).toBe(1);
    expect(annotations(r.stdout)).toEqual([
      expect.stringMatching(/^::error file=webapp\/templates\/hpa\.yaml,title=autoscaling\/v2beta1 HorizontalPodAutoscaler%3A not-served on 1\.25::/),
      expect.stringMatching(/^::error file=webapp\/templates\/ingress\.yaml,title=networking\.k8s\.io\/v1beta1 Ingress%3A not-served on 1\.25::/),
    ]);
  });

  it("SARIF results carry the template as their uri and no line of the rendered stream", async () => {
    const r = await kds(["check", "-t", "1.25", "-o", "sarif", "-"], readFileSync(RENDERED, "utf8"));
    const results = JSON.parse(r.stdout).runs[0].results as SarifResult[];
    expect(results.map((x) => x.locations[0]!.physicalLocation)).toEqual([
      { artifactLocation: { uri: "webapp/templates/hpa.yaml" } },
      { artifactLocation: { uri: "webapp/templates/ingress.yaml" } },
    ]);
  });

  it("the same output saved to a file is anchored on that file and line", async () => {
    const r = await kds(["check", "-t", "1.25", "-o", "github", RENDERED]);
    expect(annotations(r.stdout)[0]).toMatch(new RegExp(`^::error file=${RENDERED.replace(/[/.]/g, "\\$&")},line=83,title=autoscaling`));
  });
});

describe("--filename", () => {
  it("names stdin that has no Helm Source comments, keeping the lines", async () => {
    const r = await kds(["check", "-t", "1.25", "-o", "github", "--filename", "deploy/cron.yaml", "-"], readFileSync(join(FIX, "psp-and-cronjob.yaml"), "utf8"));
    expect(annotations(r.stdout)).toEqual([
      expect.stringMatching(/^::error file=deploy\/cron\.yaml,line=1,title=policy\/v1beta1 PodSecurityPolicy/),
      expect.stringMatching(/^::error file=deploy\/cron\.yaml,line=13,title=batch\/v1beta1 CronJob/),
    ]);
  });

  it("names stdin in text output too", async () => {
    const r = await kds(["check", "-t", "1.25", "--filename", "deploy/cron.yaml", "-"], readFileSync(join(FIX, "psp-and-cronjob.yaml"), "utf8"));
    expect(r.stdout).toContain("deploy/cron.yaml:13");
  });
});
