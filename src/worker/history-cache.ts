// The release history (built once per catalog generation by kvSnapshots) and the availability
// matrix computed from it once, so a page over all releases re-reads no snapshot and recomputes nothing.
import { availabilityMatrix, type AvailabilityMatrix } from "../matrix/availability";
import type { ReleaseHistory } from "../timeline/history";
import type { Env } from "./env";
import { kvSnapshots } from "./routes/kv-snapshots";

export interface ReleaseFacts { history: ReleaseHistory; matrix: AvailabilityMatrix }

const matrices = new WeakMap<ReleaseHistory, AvailabilityMatrix>();

export async function releaseFacts(env: Env): Promise<ReleaseFacts> {
  const history = await kvSnapshots(env).history();
  let matrix = matrices.get(history);
  if (!matrix) matrices.set(history, matrix = availabilityMatrix(history));
  return { history, matrix };
}
