// action.yml run as a GitHub runner runs a composite action: each step's script in bash, in the
// workspace, with GITHUB_ACTION_PATH set and the step's env filled from the inputs.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { REPO } from "./lib/kds-bin";

interface Step { name: string; shell: string; run: string; env?: Record<string, string> }
interface Action { inputs: Record<string, { required?: boolean; default?: string }>; runs: { using: string; steps: Step[] } }

const action = parse(readFileSync(join(REPO, "action.yml"), "utf8")) as Action;
const FIX = join(REPO, "test/fixtures/manifests");

/** A checked-out repository with manifests under deploy/. */
function workspace(...fixtures: string[]): string {
  const ws = mkdtempSync(join(tmpdir(), "kds-ws-"));
  mkdirSync(join(ws, "deploy"));
  for (const f of fixtures) cpSync(join(FIX, f), join(ws, "deploy", f), { recursive: true });
  return ws;
}

/** Runs every step as the runner would; stops at the first failing step, as the runner does. */
function runAction(ws: string, given: Record<string, string>, runner: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, given[k] ?? v.default ?? ""]));
  let stdout = "", stderr = "";
  for (const step of action.runs.steps) {
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, v.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => inputs[name] ?? "")]));
    const r = spawnSync("bash", ["-e", "-c", step.run], { cwd: ws, encoding: "utf8", env: { ...process.env, ...env, GITHUB_ACTION_PATH: REPO, GITHUB_WORKSPACE: ws, ...runner } });
    stdout += r.stdout;
    stderr += r.stderr;
    if (r.status !== 0) return { code: r.status ?? -1, stdout, stderr };
  }
  return { code: 0, stdout, stderr };
}

describe("action.yml", () => {
  it("is a composite action whose steps are bash scripts", () => {
    expect(action.runs.using).toBe("composite");
    expect(action.inputs.targets?.required).toBe(true);
    expect(action.runs.steps.every((s) => s.shell === "bash")).toBe(true);
  });

  it("annotates the removed APIs on their files and lines and fails the job", () => {
    const ws = workspace("psp-and-cronjob.yaml", "current-app.yaml");
    const r = runAction(ws, { targets: "1.25,1.29", paths: "deploy/psp-and-cronjob.yaml\ndeploy/current-app.yaml" });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=deploy\/psp-and-cronjob\.yaml,line=13,title=batch\/v1beta1 CronJob%3A not-served on 1\.25::/m);
    expect(r.stdout).not.toContain("current-app.yaml");
  });

  it("passes when every object is served, checking the whole workspace by default", () => {
    const r = runAction(workspace("current-app.yaml"), { targets: "1.29" });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("3 objects against 1.29");
  });

  it("writes the problems table to the step summary when the runner offers one", () => {
    const ws = workspace("psp-and-cronjob.yaml");
    const summary = join(ws, "step-summary.md");
    const r = runAction(ws, { targets: "1.25", paths: "deploy" }, { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    const md = readFileSync(summary, "utf8");
    expect(md.startsWith("### kds check: failed against 1.25\n")).toBe(true);
    expect(md).toContain("| ❌ | `deploy/psp-and-cronjob.yaml:13` | `batch/v1beta1 CronJob reports/nightly-report` | 1.25 | NOT SERVED | `batch/v1 CronJob` |");
  });

  it("leaves out what ignore names, so a repository with a chart can be checked as it is", () => {
    const ws = workspace("psp-and-cronjob.yaml");
    cpSync(join(REPO, "test/fixtures/repo/charts"), join(ws, "charts"), { recursive: true });
    expect(runAction(ws, { targets: "1.25" }).code).toBe(2);
    const r = runAction(ws, { targets: "1.25", ignore: "charts/**\n*.md" });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=deploy\/psp-and-cronjob\.yaml,line=13,/m);
    expect(r.stdout).not.toContain("charts/");
  });

  it("honours fail-on", () => {
    const ws = workspace("hpa-v2beta2.yaml");
    expect(runAction(ws, { targets: "1.23", paths: "deploy" }).code).toBe(0);
    const r = runAction(ws, { targets: "1.23", paths: "deploy", "fail-on": "deprecated" });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=deploy\/hpa-v2beta2\.yaml,line=\d+,title=autoscaling\/v2beta2 HorizontalPodAutoscaler%3A deprecated on 1\.23::/m);
  });
});
