// Fields on the pages: a kind's page lists its fields with the release each appeared in; the
// check form shows the field findings under each verdict.
import { beforeAll, describe, expect, it } from "vitest";
import { seedSnapshots } from "./lib/seed";
import { fetchWorker } from "./lib/fetch-worker";

beforeAll(async () => { await seedSnapshots(); });

describe("fields on the pages", () => {
  it("/ui/kinds/Deployment lists apps/v1 Deployment's fields with the release each appeared in", async () => {
    const res = await fetchWorker("https://kds.test/ui/kinds/Deployment");
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain("<code>spec.template.spec.containers[].resizePolicy</code></td><td>1.27</td>");
    expect(body).toContain("<code>spec.replicas</code></td><td>1.19</td>");
  });

  it("the check form shows an unknown field with its line under the target's verdict", async () => {
    const f = new FormData();
    f.append("target", "1.23");
    f.append("manifests", "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: '@daily'\n  timeZone: Etc/UTC\n  jobTemplate: {}\n");
    const body = await (await fetchWorker("https://kds.test/ui/check", { method: "POST", body: f })).text();
    expect(body).toContain("<li><strong>✕ unknown field</strong> line 7: spec.timeZone is not a field of batch/v1 CronJob in 1.23; first in 1.24");
  });
});
