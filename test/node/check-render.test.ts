import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkManifests } from "../../src/check/check";
import { checkRenderers } from "../../src/check/render";
import type { FailOn } from "../../src/check/render/options";
import { CheckResult } from "../../src/check/result";
import { BUNDLED_SNAPSHOTS, localSnapshots } from "./lib/local-snapshots";

const FIXTURES = join(import.meta.dirname, "../fixtures/manifests");
const read = (f: string) => ({ source: `manifests/${f}`, text: readFileSync(join(FIXTURES, f), "utf8") });
const none = { failOn: new Set<FailOn>() };
let result: CheckResult;

beforeAll(async () => {
  const snapshots = localSnapshots(BUNDLED_SNAPSHOTS);
  const inputs = ["psp-and-cronjob.yaml", "flowschema-v1beta3.yaml", "cert-manager-certificate.yaml", "malformed.yaml", "missing-fields.yaml"].map(read);
  result = checkManifests(inputs, [await snapshots.index("1.29")], await snapshots.history());
});
const line = (kind: string) => result.objects.find((o) => o.kind === kind)!.location.line;

describe("check renderers", () => {
  it("json round-trips through the published schema", () => {
    expect(CheckResult.parse(JSON.parse(checkRenderers.json(result, none)))).toEqual({ ...result, passed: false });
  });

  it("text lists the problems first, one table row per object and target, with the replacement", () => {
    const text = checkRenderers.text(result, none);
    const rows = text.split("\n");
    expect(rows[0]).toMatch(/^\s+LOCATION\s+OBJECT\s+TARGET\s+STATUS\s+REPLACEMENT\s+DETAIL$/);
    expect(text).toMatch(new RegExp(`^✗  manifests/psp-and-cronjob\\.yaml:${line("CronJob")} +batch/v1beta1 CronJob reports/nightly-report +1\\.29 +NOT SERVED +batch/v1 CronJob +batch/v1beta1 CronJob is not served by 1\\.29`, "m"));
    expect(text).toMatch(/^!  manifests\/flowschema-v1beta3\.yaml:1 +.* +1\.29 +DEPRECATED +flowcontrol\.apiserver\.k8s\.io\/v1 FlowSchema +flowcontrol\.apiserver\.k8s\.io\/v1beta3 FlowSchema is served by 1\.29 but deprecated/m);
    expect(text).toMatch(/^✗  manifests\/missing-fields\.yaml:\d+ +.* +- +INVALID +- +object has no apiVersion/m);
    expect(text).toMatch(/^✗  manifests\/malformed\.yaml:\d+:\d+ +document 2 +- +UNREADABLE +- +MalformedYAML: /m);
    // Failing rows come before warnings; served verdicts are not listed.
    const marks = rows.map((l) => l[0]).filter((m) => m === "✗" || m === "!").join("");
    expect(marks).toMatch(/^✗+!+$/);
    expect(text).not.toContain("✓");
  });

  it("wide also lists every served verdict, after the problems", () => {
    const rows = checkRenderers.wide(result, none).split("\n");
    expect(rows.filter((l) => l.startsWith("✓")).length).toBe(result.summary.served);
    expect(rows.map((l) => l[0]).filter((m) => m === "✗" || m === "!" || m === "✓").join("")).toMatch(/^✗+!+✓+$/);
  });

  it("markdown is a table for a pull-request comment, with the run's verdict in its heading", () => {
    const md = checkRenderers.markdown(result, none);
    expect(md.startsWith("### kds check: failed against 1.29\n")).toBe(true);
    expect(md).toContain("| ❌ | `manifests/psp-and-cronjob.yaml:" + line("CronJob") + "` | `batch/v1beta1 CronJob reports/nightly-report` | 1.29 | NOT SERVED | `batch/v1 CronJob` |");
  });

  it("yaml carries what json carries", () => {
    expect(parse(checkRenderers.yaml(result, none))).toEqual(JSON.parse(checkRenderers.json(result, none)));
  });

  it("github annotates file and line: errors for not served, warnings for deprecated, notices for unknown", () => {
    const out = checkRenderers.github(result, none).split("\n");
    expect(out).toContainEqual(expect.stringMatching(new RegExp(`^::error file=manifests/psp-and-cronjob.yaml,line=${line("CronJob")},title=batch/v1beta1 CronJob%3A not-served on 1.29::`)));
    expect(out).toContainEqual(expect.stringMatching(/^::warning file=manifests\/flowschema-v1beta3.yaml,line=1,title=.*deprecated on 1.29::/));
    expect(out).toContainEqual(expect.stringMatching(/^::notice file=manifests\/cert-manager-certificate.yaml,line=1,.*unknown on 1.29::/));
    expect(out).toContainEqual(expect.stringMatching(/^::error file=manifests\/malformed.yaml,line=\d+,title=Unreadable document 2/));
  });

  it("github turns deprecations into errors with --fail-on deprecated", () => {
    const out = checkRenderers.github(result, { failOn: new Set<FailOn>(["deprecated"]) });
    expect(out).toMatch(/^::error file=manifests\/flowschema-v1beta3.yaml,line=1,title=.*deprecated on 1.29::/m);
  });

  it("junit has a suite per target plus one for unreadable input, with counts that match", () => {
    const xml = checkRenderers.junit(result, none);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kds check"')).toBe(true);
    const checkable = result.objects.filter((o) => !o.problem).length;
    expect(xml).toContain(`<testsuite name="Kubernetes 1.29" tests="${checkable}" failures="2" errors="0" skipped="1">`);
    expect(xml).toContain('<testsuite name="input" tests="3" failures="0" errors="3" skipped="0">');
    expect(xml).toMatch(/<failure type="not-served" message="batch\/v1beta1 CronJob is not served by 1.29: [^"]*"\/>/);
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml.match(/<testcase /g)).toHaveLength(checkable + 3);
  });

  it("junit escapes XML", () => {
    const tricky = { ...result, objects: [{ ...result.objects.find((o) => o.kind === "CronJob")!, name: `a<b>&"c"` }], errors: [] };
    const xml = checkRenderers.junit(tricky, none);
    expect(xml).toContain("a&lt;b&gt;&amp;&quot;c&quot;");
    expect(xml).not.toContain("a<b>");
  });

  it("sarif 2.1.0 locates each finding with a rule and level", () => {
    const log = JSON.parse(checkRenderers.sarif(result, none));
    expect(log.version).toBe("2.1.0");
    const results = log.runs[0].results as { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
    const rules = new Set(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id));
    expect(results.every((r) => rules.has(r.ruleId))).toBe(true);
    expect(results.map((r) => [r.ruleId, r.level]).sort()).toEqual([
      ["deprecated", "warning"], ["invalid-object", "error"], ["invalid-object", "error"], ["not-served", "error"], ["not-served", "error"], ["unknown", "note"], ["unreadable-document", "error"],
    ]);
    const cron = results.find((r) => r.ruleId === "not-served" && r.locations[0]!.physicalLocation.region.startLine === line("CronJob"))!;
    expect(cron.locations[0]!.physicalLocation.artifactLocation.uri).toBe("manifests/psp-and-cronjob.yaml");
  });
});
