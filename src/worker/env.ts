export type Env = { SNAPSHOTS: KVNamespace };
export type AppEnv = { Bindings: Env };
