// The README's curl commands against the real worker (the shared production bundle): what curl really sends
// for --data-binary, -d and -F decides what the check sees.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CheckResult } from "../../src/check/result";
import { Status } from "../../src/discovery/types";
import { sharedWorker } from "./helpers/shared-worker";

const FIXTURES = join(import.meta.dirname, "../fixtures/manifests");
const worker = sharedWorker();

function curl(args: string[]): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => execFile("curl", ["-s", "-w", "\n%{http_code}", ...args], { cwd: FIXTURES, timeout: 60_000 }, (err, stdout) => {
    if (err) return fail(err);
    const at = stdout.lastIndexOf("\n");
    ok({ status: Number(stdout.slice(at + 1)), body: stdout.slice(0, at) });
  }));
}

describe("curl against POST /v1/check", () => {
  const url = () => `${worker.url}/v1/check?target=1.22`;

  it("--data-binary @file checks the file", async () => {
    const r = await curl(["--data-binary", "@ingress-nginx/legacy-ingress.yaml", url()]);
    expect(r.status).toBe(200);
    expect(CheckResult.parse(JSON.parse(r.body)).summary).toMatchObject({ objects: 6, notServed: 1 });
  });

  it("-F file=@a -F file=@b checks both files, named by their file names", async () => {
    const r = await curl(["-F", "file=@ingress-nginx/legacy-ingress.yaml", "-F", "file=@psp-and-cronjob.yaml", url()]);
    expect(r.status).toBe(200);
    const result = CheckResult.parse(JSON.parse(r.body));
    expect([...new Set(result.objects.map((o) => o.location.source))]).toEqual(["legacy-ingress.yaml", "psp-and-cronjob.yaml"]);
  });

  it("-d @file (newlines stripped by curl) is refused with the command to use", async () => {
    const r = await curl(["-d", "@ingress-nginx/legacy-ingress.yaml", url()]);
    expect(r.status).toBe(400);
    expect(Status.parse(JSON.parse(r.body)).message).toContain("--data-binary");
  });
});
