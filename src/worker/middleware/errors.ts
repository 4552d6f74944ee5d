// Every failure becomes a Kubernetes Status; no stack trace or internal message reaches a client.
import type { ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { StoreUnavailable } from "../store";
import { statusResponse } from "../status";

export const RETRY_AFTER_SECONDS = 10;

export const onError: ErrorHandler = (err) => {
  if (err instanceof HTTPException) return statusResponse(err.status, err.message || "request failed");
  // Storage trouble passes (a retried read, a publish finishing): tell clients when to come back.
  if (err instanceof StoreUnavailable) return statusResponse(503, err.message, { headers: { "retry-after": String(RETRY_AFTER_SECONDS) } });
  if (err instanceof URIError) return statusResponse(400, "malformed percent-encoding in the request path");
  console.error("unhandled error", err);
  return statusResponse(500, "an internal error occurred");
};

export const notFound: NotFoundHandler = (c) =>
  statusResponse(404, `the server could not find the requested resource (${new URL(c.req.url).pathname})`);
