// The worker: kube-compatible discovery per snapshot under /k8s, the service's own API under /v1.
import { Hono } from "hono";
import type { AppEnv } from "./env";
import { cors } from "./middleware/cors";
import { notFound, onError } from "./middleware/errors";
import { discovery } from "./routes/discovery";
import { versions } from "./routes/versions";
import { check } from "./routes/check";
import { diff } from "./routes/diff";
import { timeline } from "./routes/timeline";
import { matrix } from "./routes/matrix";
import { pages } from "./routes/pages";
import { openapi } from "./routes/openapi";
import { embeds } from "./routes/embeds";
import { badges } from "./routes/badges";

export type { Env } from "./env";

const app = new Hono<AppEnv>();
app.onError(onError);
app.notFound(notFound);
app.use("*", cors());
app.get("/healthz", (c) => c.text("ok\n", 200, { "cache-control": "no-store" }));
app.route("/k8s", discovery);
app.route("/v1/versions", versions);
app.route("/v1/diff", diff);
app.route("/v1/timeline", timeline);
app.route("/v1/check", check);
app.route("/v1/matrix", matrix);
app.route("/v1/openapi.json", openapi);
app.route("/embed", embeds);
app.route("/badge", badges);
app.route("/", pages);

export default app;
