// Accept negotiation, unit by unit: what kube-apiserver answers for each Accept a client sends.
import { describe, expect, it } from "vitest";
import { acceptableTypes, contentTypeFor, negotiate, parseAccept } from "../../src/worker/negotiate";

const V2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
const V2BETA1 = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";
// What client-go's discovery client sends for /api and /apis, and for group-version documents.
const CLIENT_GO_1_30 = `${V2},${V2BETA1},application/json`;
const CLIENT_GO_1_27 = `${V2BETA1},application/json`;
const CLIENT_GO_GV = "application/json, */*";

const choose = (accept: string | undefined, served: ("v2" | "v2beta1")[]) => negotiate(parseAccept(accept), served);

describe("negotiate", () => {
  it("gives client-go 1.30+ the first aggregated form the release serves", () => {
    expect(choose(CLIENT_GO_1_30, ["v2", "v2beta1"])).toBe("v2");
    expect(choose(CLIENT_GO_1_30, ["v2beta1"])).toBe("v2beta1");
    expect(choose(CLIENT_GO_1_30, ["v2"])).toBe("v2");
    expect(choose(CLIENT_GO_1_30, [])).toBe("legacy");
  });
  it("gives client-go 1.29 and older legacy JSON from a release that serves only v2", () => {
    expect(choose(CLIENT_GO_1_27, ["v2"])).toBe("legacy");
    expect(choose(CLIENT_GO_1_27, ["v2", "v2beta1"])).toBe("v2beta1");
  });
  it("gives group-version requests legacy JSON", () => {
    expect(choose(CLIENT_GO_GV, [])).toBe("legacy");
  });
  it("answers no Accept header, */*, * and application/* with legacy JSON", () => {
    for (const accept of [undefined, "", "*/*", "*", "application/*"]) expect(choose(accept, ["v2"]), String(accept)).toBe("legacy");
  });
  it("matches the g, v and as parameters in any order, with spaces and quotes", () => {
    expect(choose('application/json; as=APIGroupDiscoveryList ;v="v2";  g=apidiscovery.k8s.io', ["v2"])).toBe("v2");
  });
  it("ignores parameters the apiserver does not know (and pretty, charset, profile)", () => {
    expect(choose(`${V2};profile=nopeer;pretty=1`, ["v2"])).toBe("v2");
    expect(choose("application/json;charset=utf-8;foo=bar", [])).toBe("legacy");
  });
  it("skips an aggregated clause that names a different group, kind or an unserved version", () => {
    expect(choose("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupList", ["v2"])).toBeNull();
    expect(choose("application/json;g=example.com;v=v2;as=APIGroupDiscoveryList", ["v2"])).toBeNull();
    expect(choose("application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList", ["v2"])).toBeNull();
    expect(choose("application/json;as=APIGroupDiscoveryList", ["v2"])).toBeNull();
  });
  it("skips a watch stream clause, which discovery never serves", () => {
    expect(choose("application/json;stream=watch, application/json", [])).toBe("legacy");
    expect(choose("application/json;stream=watch", [])).toBeNull();
  });
  it("finds nothing for YAML, protobuf or other types alone", () => {
    for (const accept of ["application/yaml", "application/vnd.kubernetes.protobuf", "text/html", "text/*"]) expect(choose(accept, ["v2"]), accept).toBeNull();
  });
  it("orders by q-value before list order, and drops q=0", () => {
    expect(choose(`${V2};q=0.5, application/json`, ["v2"])).toBe("legacy");
    expect(choose(`application/json;q=0.4, ${V2};q=0.9`, ["v2"])).toBe("v2");
    expect(choose(`${V2};q=0`, ["v2"])).toBeNull();
    expect(choose(`application/json;q=0, ${V2}`, [])).toBeNull();
  });
  it("prefers a concrete media type to a wildcard of the same q-value", () => {
    expect(choose(`*/*, ${V2}`, ["v2"])).toBe("v2");
    expect(choose(`application/*, ${V2BETA1}`, ["v2beta1"])).toBe("v2beta1");
  });
});

describe("content types", () => {
  it("echoes the negotiated form with parameters in g, v, as order", () => {
    expect(contentTypeFor("v2")).toBe(V2);
    expect(contentTypeFor("v2beta1")).toBe(V2BETA1);
    expect(contentTypeFor("legacy")).toBe("application/json");
  });
  it("names every served type for a 406 message", () => {
    expect(acceptableTypes(["v2", "v2beta1"])).toBe(`application/json, ${V2}, ${V2BETA1}`);
  });
});
