import { Hono } from "hono";
export type Env = { SNAPSHOTS: KVNamespace };
const app = new Hono<{ Bindings: Env }>();
app.get("/healthz", (c) => c.text("ok"));
export default app;
