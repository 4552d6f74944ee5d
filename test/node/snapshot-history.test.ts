// Known Kubernetes history, as the bundled snapshots must tell it.
import { describe, expect, it } from "vitest";
import { serves, servedGroupVersions, snapshot } from "./lib/snapshots";

const servedIn = async (id: string, group: string, version: string, kind: string) => serves(await snapshot(id), group, version, kind);

describe("known API history", () => {
  it("serves extensions/v1beta1 Ingress in 1.21 and not in 1.22", async () => {
    expect(await servedIn("1.21", "extensions", "v1beta1", "Ingress")).toBe(true);
    expect(await servedIn("1.22", "extensions", "v1beta1", "Ingress")).toBe(false);
  });
  it("removes policy/v1beta1 PodSecurityPolicy in 1.25", async () => {
    expect(await servedIn("1.24", "policy", "v1beta1", "PodSecurityPolicy")).toBe(true);
    expect(await servedIn("1.25", "policy", "v1beta1", "PodSecurityPolicy")).toBe(false);
  });
  it("removes batch/v1beta1 CronJob in 1.25", async () => {
    expect(await servedIn("1.24", "batch", "v1beta1", "CronJob")).toBe(true);
    expect(await servedIn("1.25", "batch", "v1beta1", "CronJob")).toBe(false);
  });
  it("removes autoscaling/v2beta2 in 1.26", async () => {
    expect(servedGroupVersions(await snapshot("1.25")).has("autoscaling/v2beta2")).toBe(true);
    expect(servedGroupVersions(await snapshot("1.26")).has("autoscaling/v2beta2")).toBe(false);
  });
  it("removes flowcontrol.apiserver.k8s.io/v1beta2 in 1.29 and v1beta3 in 1.32", async () => {
    expect(servedGroupVersions(await snapshot("1.28")).has("flowcontrol.apiserver.k8s.io/v1beta2")).toBe(true);
    expect(servedGroupVersions(await snapshot("1.29")).has("flowcontrol.apiserver.k8s.io/v1beta2")).toBe(false);
    expect(servedGroupVersions(await snapshot("1.31")).has("flowcontrol.apiserver.k8s.io/v1beta3")).toBe(true);
    expect(servedGroupVersions(await snapshot("1.32")).has("flowcontrol.apiserver.k8s.io/v1beta3")).toBe(false);
  });
  it("serves resource.k8s.io only from the release where it reached a default-on (GA) version", async () => {
    for (let m = 19; m <= 33; m++) {
      expect([...servedGroupVersions(await snapshot(`1.${m}`))].filter((gv) => gv.startsWith("resource.k8s.io/")), `1.${m}`).toEqual([]);
    }
    for (let m = 34; m <= 36; m++) expect(servedGroupVersions(await snapshot(`1.${m}`)), `1.${m}`).toContain("resource.k8s.io/v1");
  });
  it("serves flowcontrol.apiserver.k8s.io/v1beta3 by default in 1.26 although betas from 1.24 on are off", async () => {
    expect(servedGroupVersions(await snapshot("1.26")).has("flowcontrol.apiserver.k8s.io/v1beta3")).toBe(true);
  });
  it("never serves an alpha version by default", async () => {
    for (let m = 19; m <= 36; m++) {
      expect([...servedGroupVersions(await snapshot(`1.${m}`))].filter((gv) => /alpha/.test(gv)), `1.${m}`).toEqual([]);
    }
  });
});
