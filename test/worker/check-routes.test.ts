/// <reference types="vite/client" />
import { beforeAll, describe, expect, it } from "vitest";
import { HTTP_BODY_LIMIT, HTTP_VERDICT_LIMIT, MAX_TARGETS } from "../../src/check/limits";
import { CHECK_FORMATS } from "../../src/check/render";
import { CheckResult } from "../../src/check/result";
import { Status } from "../../src/discovery/types";
import { seedSnapshots } from "./lib/seed";
import legacyIngress from "../fixtures/manifests/ingress-nginx/legacy-ingress.yaml?raw";
import pspAndCronJob from "../fixtures/manifests/psp-and-cronjob.yaml?raw";
import certificate from "../fixtures/manifests/cert-manager-certificate.yaml?raw";
import malformed from "../fixtures/manifests/malformed.yaml?raw";
import missingFields from "../fixtures/manifests/missing-fields.yaml?raw";
import prometheusOperator from "../fixtures/manifests/crds/prometheus-operator/bundle.yaml?raw";
import certManagerApp from "../fixtures/manifests/crds/cert-manager/app.yaml?raw";
import certManagerCrds from "../fixtures/manifests/crds/cert-manager/crds.yaml?raw";
import { fetchWorker } from "./lib/fetch-worker";
import manifest137 from "../../snapshots/1.37/manifest.json";

beforeAll(async () => { await seedSnapshots(); });
const post = (query: string, body: BodyInit, headers: Record<string, string> = {}) =>
  fetchWorker(`https://kds.test/v1/check?${query}`, { method: "POST", body, headers });
const result = async (res: Response) => CheckResult.parse(await res.json());

describe("POST /v1/check", () => {
  it("reports the extensions/v1beta1 Ingress of an ingress-nginx style chart as not served by 1.22", async () => {
    const res = await post("target=1.22&source=chart.yaml", legacyIngress);
    expect(res.status).toBe(200);
    const r = await result(res);
    const ingress = r.objects.find((o) => o.kind === "Ingress")!;
    expect(ingress.location).toMatchObject({ source: "chart.yaml", document: 6, template: "app/templates/ingress.yaml" });
    expect(ingress.verdicts).toMatchObject([{ target: "1.22", status: "not-served", removedIn: "1.22", replacement: { apiVersion: "networking.k8s.io/v1", kind: "Ingress" } }]);
    expect(r.summary).toMatchObject({ objects: 6, served: 5, notServed: 1 });
  });

  it("checks a fleet: one verdict per target", async () => {
    const r = await result(await post("target=1.24,1.25", pspAndCronJob));
    expect(r.objects.map((o) => o.verdicts.map((v) => `${v.target} ${v.status}`))).toEqual([
      ["1.24 deprecated", "1.25 not-served"], ["1.24 deprecated", "1.25 not-served"],
    ]);
  });

  it("serves a custom resource whose CustomResourceDefinition is in the same body", async () => {
    const r = await result(await post("target=1.29", prometheusOperator));
    expect(r.objects.map((o) => [o.kind, o.verdicts[0]!.status])).toEqual([["CustomResourceDefinition", "served"], ["ServiceMonitor", "served"], ["PrometheusRule", "unknown"]]);
  });

  it("calls a kind the 1.37 manifest leaves open unknown there, with the manifest's reason, and not served by 1.36", async () => {
    const open = manifest137.unknown.find((u) => "kind" in u && u.kind === "PodCertificateRequest")!;
    const res = await post("target=1.37,1.36", "apiVersion: certificates.k8s.io/v1\nkind: PodCertificateRequest\nmetadata: {name: pcr, namespace: default}\n");
    expect(res.status).toBe(200);
    const [onNewest, onOlder] = (await result(res)).objects[0]!.verdicts;
    expect(onNewest).toMatchObject({ target: "1.37", status: "unknown", reason: "not-established", replacement: null });
    expect(onNewest!.message).toBe(`whether 1.37 serves certificates.k8s.io/v1 PodCertificateRequest is not established: ${open.reason}`);
    expect(onOlder).toMatchObject({ target: "1.36", status: "not-served", reason: "not-served" });
  });

  it("calls a cert-manager Certificate unknown to the target, not removed", async () => {
    const r = await result(await post("target=1.29", certificate));
    expect(r.objects[0]!.verdicts[0]).toMatchObject({ status: "unknown", removedIn: null });
  });

  it("answers 422 for malformed YAML, with document and line, still reporting the documents that parsed", async () => {
    const res = await post("target=1.29", malformed);
    expect(res.status).toBe(422);
    const r = await result(res);
    expect(r.objects.map((o) => o.name)).toEqual(["before", "after"]);
    expect(r.errors).toMatchObject([{ document: 2, reason: "MalformedYAML" }]);
    expect(r.errors[0]!.line).toBeGreaterThan(8);
  });

  it("reports objects without apiVersion or kind", async () => {
    const r = await result(await post("target=1.29", missingFields));
    expect(r.summary.invalid).toBe(2);
    expect(r.objects.filter((o) => o.problem).map((o) => o.verdicts)).toEqual([[], []]);
  });

  it("refuses an alias bomb quickly with 422 and keeps the other documents", async () => {
    let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (const [prev, x] of [..."abcdefgh"].map((p, i) => [p, "bcdefghi"[i]!])) bomb += `${x}: &${x} [${Array(9).fill(`*${prev}`).join(",")}]\n`;
    const res = await post("target=1.29", `apiVersion: v1\nkind: Pod\n---\n${bomb}`);
    expect(res.status).toBe(422);
    const r = await result(res);
    expect(r.errors).toMatchObject([{ document: 2, reason: "TooManyAliases" }]);
    expect(r.objects.map((o) => o.kind)).toEqual(["Pod"]);
  });

  it("refuses a document nested beyond the limit without exhausting the worker", async () => {
    const deep = "[".repeat(400_000) + "]".repeat(400_000);
    const res = await post("target=1.29", `apiVersion: v1\nkind: Pod\n---\nspec: ${deep}\n`);
    expect(res.status).toBe(422);
    expect((await result(res)).errors).toMatchObject([{ document: 2, line: 4, reason: "TooDeep" }]);
  });

  it("answers 413 for a body over the documented limit, declared or streamed", async () => {
    const big = "#".repeat(HTTP_BODY_LIMIT + 1);
    const declared = await post("target=1.29", big);
    expect(declared.status).toBe(413);
    expect(Status.parse(await declared.json())).toMatchObject({ code: 413, reason: "RequestEntityTooLarge" });
    const chunk = new TextEncoder().encode("#".repeat(64 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) { for (let i = 0; i <= HTTP_BODY_LIMIT / chunk.length; i++) controller.enqueue(chunk); controller.close(); },
    });
    const streamed = await fetchWorker("https://kds.test/v1/check?target=1.29", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it("checks a target named 1,000 times, or by id and alias, once", async () => {
    const objects = Array.from({ length: 1000 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`).join("---\n");
    const r = await result(await post(`target=${Array(1000).fill("1.29").join(",")},v1.29,1.29.2`, objects));
    expect(r.targets.map((t) => t.id)).toEqual(["1.29"]);
    expect(r.objects).toHaveLength(1000);
    expect(r.objects.every((o) => o.verdicts.length === 1)).toBe(true);
  });

  it("answers 422 naming the limit for more distinct targets than a check takes", async () => {
    const names = Array.from({ length: MAX_TARGETS + 1 }, (_, i) => `1.${i}`);
    const res = await post(`target=${names.join(",")}`, pspAndCronJob);
    expect(res.status).toBe(422);
    const status = Status.parse(await res.json());
    expect(status).toMatchObject({ code: 422, reason: "Invalid" });
    expect(status.message).toContain(`at most ${MAX_TARGETS} distinct targets`);
  });

  it("answers 413 naming the limit when documents × targets exceed it, without parsing them", async () => {
    const documents = Math.floor(HTTP_VERDICT_LIMIT / 2) + 1;
    const res = await post("target=1.28,1.29", "---\nkind: A\n".repeat(documents));
    expect(res.status).toBe(413);
    const status = Status.parse(await res.json());
    expect(status).toMatchObject({ code: 413, reason: "RequestEntityTooLarge" });
    expect(status.message).toContain(`${documents} documents × 2 targets is ${documents * 2} verdicts; a check computes at most ${HTTP_VERDICT_LIMIT}`);
  });

  it("answers 413 naming the limit when the items of one List × targets exceed it", async () => {
    const items = Math.floor(HTTP_VERDICT_LIMIT / 2) + 1;
    const list = JSON.stringify({ apiVersion: "v1", kind: "List", items: Array(items).fill({ apiVersion: "v1", kind: "Pod" }) });
    const res = await post("target=1.28,1.29", list);
    expect(res.status).toBe(413);
    expect(Status.parse(await res.json()).message).toContain(`${items} objects × 2 targets`);
    expect((await post("target=1.29", list)).status).toBe(200);
  });

  it("answers 404 listing the known snapshots for an unknown target", async () => {
    const res = await post("target=1.29,9.99", pspAndCronJob);
    expect(res.status).toBe(404);
    expect(Status.parse(await res.json()).message).toMatch(/^snapshot 9\.99 not found; known snapshots: /);
  });

  it("answers 400 for a missing target, an unknown format or fail-on, or a body that is not UTF-8, in words for people", async () => {
    const messages: Record<string, string> = {
      "source=x": 'missing query parameter "target"',
      "target=": 'query parameter "target" is empty',
      "target=1.29&format=pdf": `query parameter "format" must be one of ${CHECK_FORMATS.join(", ")}, not "pdf"`,
      "target=1.29&fail-on=deprecated,everything": 'query parameter "fail-on" must be one of deprecated, unknown, not "everything"',
    };
    for (const [q, message] of Object.entries(messages)) {
      const res = await post(q, pspAndCronJob);
      expect(res.status, q).toBe(400);
      expect(Status.parse(await res.json()), q).toMatchObject({ reason: "BadRequest", message });
    }
    expect((await post("target=1.29", new Uint8Array([0x61, 0xff, 0xfe]))).status).toBe(400);
  });

  it("takes curl -F file=@… uploads (multipart/form-data), several files at once, each named by its file name", async () => {
    const form = new FormData();
    form.append("file", new File([legacyIngress], "chart.yaml", { type: "application/x-yaml" }));
    form.append("file", new File([pspAndCronJob], "legacy.yaml"));
    const res = await post("target=1.25", form);
    expect(res.status).toBe(200);
    const r = await result(res);
    expect([...new Set(r.objects.map((o) => o.location.source))]).toEqual(["chart.yaml", "legacy.yaml"]);
    expect(r.summary.objects).toBe(8);
  });

  it("treats the form's crds files as installed in every target, and does not check them (curl -F crds=@crds.yaml)", async () => {
    const form = new FormData();
    form.append("file", new File([certManagerApp], "app.yaml"));
    form.append("crds", new File([certManagerCrds], "crds/cert-manager.yaml"));
    const res = await post("target=1.25,1.29", form);
    expect(res.status).toBe(200);
    const r = await result(res);
    expect([...new Set(r.objects.map((o) => o.location.source))]).toEqual(["app.yaml"]);
    expect(r.summary).toMatchObject({ objects: 3, served: 4, notServed: 2, unknown: 0 });
    expect(r.objects.find((o) => o.apiVersion === "cert-manager.io/v1alpha2")!.verdicts[0]!.message).toContain("crds/cert-manager.yaml");
  });

  it("refuses crds files without a CustomResourceDefinition, and a form of crds files only, with a 400 naming them", async () => {
    const noCrd = new FormData();
    noCrd.append("file", new File([certManagerApp], "app.yaml"));
    noCrd.append("crds", new File([certManagerApp], "not-crds.yaml"));
    const res = await post("target=1.29", noCrd);
    expect(res.status).toBe(400);
    expect(Status.parse(await res.json()).message).toBe("crds files: no CustomResourceDefinition found in not-crds.yaml");
    const only = new FormData();
    only.append("crds", new File([certManagerCrds], "crds.yaml"));
    const alone = await post("target=1.29", only);
    expect(alone.status).toBe(400);
    expect(Status.parse(await alone.json()).message).toContain("the form holds only crds files");
  });

  it("takes curl --data-binary @app.yaml, which curl sends as application/x-www-form-urlencoded with its newlines", async () => {
    const res = await post("target=1.22", legacyIngress, { "content-type": "application/x-www-form-urlencoded" });
    expect(res.status).toBe(200);
    expect((await result(res)).summary).toMatchObject({ objects: 6, notServed: 1 });
  });

  it("refuses curl -d @app.yaml (newlines stripped) with a 400 that says to use --data-binary", async () => {
    const res = await post("target=1.22", legacyIngress.replace(/\r?\n/g, ""), { "content-type": "application/x-www-form-urlencoded" });
    expect(res.status).toBe(400);
    expect(Status.parse(await res.json()).message).toContain("curl --data-binary @app.yaml");
  });

  it("answers 415 for a body that is neither text nor a form", async () => {
    for (const type of ["image/png", "application/zip", "application/pdf"]) {
      const res = await post("target=1.29", new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { "content-type": type });
      expect(res.status, type).toBe(415);
      expect(Status.parse(await res.json())).toMatchObject({ reason: "UnsupportedMediaType", code: 415 });
    }
  });

  it("renders the CLI's formats: github annotations, junit, sarif", async () => {
    const gh = await (await post("target=1.25&format=github&source=m.yaml", pspAndCronJob)).text();
    expect(gh).toMatch(/^::error file=m\.yaml,line=1,title=policy\/v1beta1 PodSecurityPolicy%3A not-served on 1\.25::/m);
    const junit = await post("target=1.25&format=junit", pspAndCronJob);
    expect(junit.headers.get("content-type")).toBe("application/xml");
    expect(await junit.text()).toContain('<testsuite name="Kubernetes 1.25" tests="2" failures="2"');
    const sarif = await (await post("target=1.25&format=sarif", pspAndCronJob)).json() as { version: string };
    expect(sarif.version).toBe("2.1.0");
  });

  it("lets a page on another origin POST YAML: the preflight allows POST with Content-Type", async () => {
    const pre = await fetchWorker("https://kds.test/v1/check?target=1.29", { method: "OPTIONS", headers: {
      origin: "https://docs.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type",
    } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-methods")!.split(/,\s*/)).toContain("POST");
    expect(pre.headers.get("access-control-allow-headers")!.toLowerCase().split(/,\s*/)).toContain("content-type");
    const res = await post("target=1.29", pspAndCronJob, { origin: "https://docs.example", "content-type": "application/yaml" });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("answers 405 to GET", async () => {
    const res = await fetchWorker("https://kds.test/v1/check?target=1.29");
    expect(res.status).toBe(405);
    expect(Status.parse(await res.json()).reason).toBe("MethodNotAllowed");
  });
});
