// Hostile request bodies and headers get a clean Status, never a 500 or a hang, whenever they reach
// the worker. Through SELF.fetch the Content-Length header arrives as sent, junk included, so the
// worker's own answer is tested here; over a real socket workerd's HTTP layer refuses a junk
// Content-Length before the worker runs (test/node/e2e-raw-http.test.ts says what it answers).
import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { CheckResult } from "../../src/check/result";
import { HTTP_BODY_LIMIT } from "../../src/check/limits";
import { Status } from "../../src/discovery/types";
import { seedSnapshots } from "./lib/seed";

beforeAll(async () => { await seedSnapshots(); });
const POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n";
const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  SELF.fetch("https://kds.test/v1/check?target=1.29", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("hostile bodies", () => {
  it("answers 400 for a Content-Length that is not a number of bytes, when one reaches the worker", async () => {
    for (const length of ["abc", "-1", "1e9", "1e20"]) {
      const res = await post(POD, { "content-length": length });
      expect(res.status, length).toBe(400);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(Status.parse(await res.json()).message, length).toContain("is not a number of bytes");
    }
  });

  it("answers 413 for a Content-Length over the limit, before reading the body", async () => {
    const res = await post(POD, { "content-length": String(HTTP_BODY_LIMIT + 1) });
    expect(res.status).toBe(413);
    expect(Status.parse(await res.json()).reason).toBe("RequestEntityTooLarge");
  });

  it("answers 413 to a 20 MB chunked upload, reading no more than the limit", async () => {
    const chunk = new TextEncoder().encode("#".repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 20 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await post(body);
    expect(res.status).toBe(413);
    expect(Status.parse(await res.json()).message).toContain(`larger than ${HTTP_BODY_LIMIT} bytes`);
    expect(sent).toBeLessThan(20 * 1024 * 1024);
  });

  it("checks the object after 64,000 empty comment lines", async () => {
    const res = await post("#\n".repeat(64_000) + POD);
    expect(res.status).toBe(200);
    const result = CheckResult.parse(await res.json());
    expect(result.objects).toMatchObject([{ kind: "Pod", name: "web", location: { line: 64_001 } }]);
  });
});
