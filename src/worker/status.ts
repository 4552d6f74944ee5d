// Kubernetes metav1.Status bodies for every API error, so kubectl prints a clean message.
import type { Status } from "../discovery/types";

const REASONS: Record<number, string> = {
  400: "BadRequest", 404: "NotFound", 405: "MethodNotAllowed", 406: "NotAcceptable", 413: "RequestEntityTooLarge",
  415: "UnsupportedMediaType", 422: "Invalid", 500: "InternalError", 503: "ServiceUnavailable",
};

export function statusBody(code: number, message: string, details?: Status["details"]): Status {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason: REASONS[code] ?? "Unknown", ...(details ? { details } : {}), code };
}

export function statusResponse(code: number, message: string, init: { headers?: Record<string, string>; details?: Status["details"] } = {}): Response {
  return new Response(JSON.stringify(statusBody(code, message, init.details)) + "\n", {
    status: code,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...init.headers },
  });
}
