// Requests to the worker's own fetch handler (src/worker/index.ts) in this isolate, with the test's
// real KV and an ExecutionContext, waited on as the runtime waits on it. Not SELF.fetch: under
// vitest-pool-workers every SELF.fetch costs more than the one before it in the same workerd
// (cloudflare/workers-sdk#15446; measured here: 200 requests to /healthz took 1 s, the next 200
// took 7 s, the next 23 s), so the walks over every document of every snapshot took minutes and
// `npm run fuzz` (5,000 requests) most of an hour. SELF stays where the service binding itself is
// part of what is tested (hostile-bodies: Content-Length as the runtime hands it over).
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import worker from "../../../src/worker/index";

export async function fetchWorker(url: string, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(url, init), env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}
