import { SELF } from "cloudflare:test";
import { expect, it } from "vitest";
it("answers /healthz", async () => {
  const res = await SELF.fetch("https://k8s.test/healthz");
  expect(await res.text()).toBe("ok");
});
