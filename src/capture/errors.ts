// Errors a capture reports to its user: the message is the whole story (no stack traces).
// `usage` marks mistakes in the invocation or its inputs (exit code 2), the rest are failures (1).
export class CaptureError extends Error {
  constructor(message: string, readonly usage = false) {
    super(message);
    this.name = "CaptureError";
  }
}
