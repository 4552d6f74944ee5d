// The one worker the end-to-end files share (started by test/node/global-worker.ts). To use it in a
// new file, add the file to E2E_FILES in vitest.config.ts and call sharedWorker().
import { inject } from "vitest";

export interface SharedWorker {
  url: string;
  /** index.js of the production bundle it runs (for tests that inspect what ships). */
  bundle: string;
  /** Pid of the workerd process serving it, null when not found. */
  pid: number | null;
}

export function sharedWorker(): SharedWorker {
  const url = inject("workerUrl");
  if (!url) throw new Error("no shared worker in this project: add the test file to E2E_FILES in vitest.config.ts");
  const pid = inject("workerPid");
  return { url, bundle: inject("workerBundle"), pid: pid > 0 ? pid : null };
}
