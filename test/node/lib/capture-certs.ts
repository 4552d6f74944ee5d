// Certificates for HTTPS capture tests, made with openssl at test time: a CA, a server
// certificate for 127.0.0.1 (subjectAltName IP, and DNS kubernetes.default.svc for --tls-server-name)
// and a client certificate, all signed by the CA; plus an unrelated CA.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TestCertificates { dir: string; files: Record<"ca" | "serverCert" | "serverKey" | "clientCert" | "clientKey" | "otherCa", string>; read(file: keyof TestCertificates["files"]): Buffer }

function openssl(args: string[], cwd: string): void {
  execFileSync("openssl", args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
}

function issue(dir: string, name: string, subject: string, ca: string, extensions: string): void {
  openssl(["req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", subject], dir);
  writeFileSync(join(dir, `${name}.ext`), extensions);
  openssl(["x509", "-req", "-in", `${name}.csr`, "-CA", `${ca}.crt`, "-CAkey", `${ca}.key`, "-CAcreateserial", "-days", "2", "-out", `${name}.crt`, "-extfile", `${name}.ext`], dir);
}

function selfSigned(dir: string, name: string, subject: string): void {
  openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", `${name}.key`, "-out", `${name}.crt`, "-days", "2", "-subj", subject, "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign"], dir);
}

export function makeCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), "kds-capture-certs-"));
  selfSigned(dir, "ca", "/CN=kds-capture-test-ca");
  selfSigned(dir, "other-ca", "/CN=kds-capture-unrelated-ca");
  issue(dir, "server", "/CN=kube-apiserver", "ca", "subjectAltName=IP:127.0.0.1,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n");
  issue(dir, "client", "/CN=kds-capture/O=system:masters", "ca", "extendedKeyUsage=clientAuth\n");
  const files = { ca: "ca.crt", serverCert: "server.crt", serverKey: "server.key", clientCert: "client.crt", clientKey: "client.key", otherCa: "other-ca.crt" };
  const abs = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, join(dir, v)])) as TestCertificates["files"];
  return { dir, files: abs, read: (f) => readFileSync(abs[f]) };
}
