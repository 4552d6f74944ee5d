// Which layer answers a malformed request. Over a real socket, workerd's own HTTP server (kj) reads
// the request head before the worker runs: a Content-Length that is not 1*DIGIT never reaches the
// worker, and workerd answers it itself (500, plain text, connection closed; `npm start`'s wrangler
// dev listens with the same workerd). A Content-Length that is a number reaches the worker, which
// answers with a Status (test/worker/hostile-bodies.test.ts has the worker's own 400 for the junk values).
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { HTTP_BODY_LIMIT } from "../../src/check/limits";
import { Status } from "../../src/discovery/types";
import { sharedWorker } from "./helpers/shared-worker";

const worker = sharedWorker();

interface RawResponse { status: number; headers: Record<string, string>; body: string }

/** Sends `head` as raw bytes and reads the whole answer (the request asks the server to close). */
function rawRequest(head: string): Promise<RawResponse> {
  const { hostname, port } = new URL(worker.url);
  return new Promise((done, fail) => {
    const socket = connect(Number(port), hostname);
    let received = "";
    socket.setTimeout(10_000, () => { socket.destroy(); fail(new Error(`no complete answer within 10 s: ${JSON.stringify(received)}`)); });
    socket.on("data", (d) => { received += d; });
    socket.on("error", fail);
    socket.on("end", () => {
      const [top = "", body = ""] = received.split(/\r\n\r\n(.*)/s);
      const [statusLine = "", ...lines] = top.split("\r\n");
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
      done({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1]), headers, body });
    });
    socket.write(head);
  });
}

const checkWithLength = (length: string) =>
  rawRequest(`POST /v1/check?target=1.29 HTTP/1.1\r\nHost: kds.test\r\nContent-Type: application/yaml\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n`);

describe("a malformed Content-Length over a real socket", () => {
  for (const length of ["abc", "-1", "1e9", "1e20"]) {
    it(`Content-Length: ${length} is answered by workerd's HTTP layer (500, plain text), not by the worker`, async () => {
      const res = await checkWithLength(length);
      expect(res.status).toBe(500);
      expect(res.headers.connection).toBe("close");
      // Not the worker's Status JSON, nor its headers: the worker never saw the request.
      expect(res.body).toBe("Internal Server Error");
      expect(res.headers["cache-control"]).toBeUndefined();
    });
  }

  it("leaves the worker serving the next request", async () => {
    await checkWithLength("abc");
    const res = await fetch(`${worker.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok\n");
  });

  it("a numeric Content-Length over the limit reaches the worker, which answers 413 with a Status before any body", async () => {
    const res = await checkWithLength(String(HTTP_BODY_LIMIT * 1000));
    expect(res.status).toBe(413);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(Status.parse(JSON.parse(res.body)).reason).toBe("RequestEntityTooLarge");
  });
});
