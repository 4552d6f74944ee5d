// A KV namespace that is empty or holds a broken catalog answers with a Status, never a stack trace.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { fetchWorker } from "./lib/fetch-worker";

const get = (path: string) => fetchWorker(`https://kds.test${path}`);

describe.sequential("store failures", () => {
  it("answers 503 ServiceUnavailable while nothing is published", async () => {
    for (const path of ["/k8s/1.29/apis", "/v1/versions"]) {
      const res = await get(path);
      expect(res.status, path).toBe(503);
      expect(await res.json()).toMatchObject({ kind: "Status", apiVersion: "v1", status: "Failure", reason: "ServiceUnavailable", code: 503 });
    }
  });
  it("answers 503 naming the corrupt catalog, with no parser error or stack trace", async () => {
    await env.SNAPSHOTS.put("catalog", "{not json");
    const res = await get("/k8s/1.29/apis");
    const text = await res.text();
    expect(res.status).toBe(503);
    expect(JSON.parse(text)).toEqual({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "the stored catalog is invalid; publish the snapshots again", reason: "ServiceUnavailable", code: 503 });
    expect(text).not.toMatch(/SyntaxError|\bat \S+:\d+/);
  });
});
