declare namespace Cloudflare {
  interface Env { SNAPSHOTS: KVNamespace }
  interface GlobalProps { mainModule: typeof import("../src/worker/index"); }
}
