// Flags as kubectl reads them: a boolean flag takes =true or =false, and its last mention wins.
import { describe, expect, it } from "vitest";
import { parseFlags } from "../../src/cli/args";

const OPTIONS = { verify: { type: "boolean" }, name: { type: "string" } } as const;
const verify = (...argv: string[]) => parseFlags(argv, OPTIONS).values.verify;

describe("parseFlags", () => {
  it("reads --flag=true and --flag=false (and Go's other spellings) for boolean flags", () => {
    expect([verify("--verify=true"), verify("--verify=false"), verify("--verify=1"), verify("--verify=F"), verify()]).toEqual([true, false, true, false, undefined]);
  });
  it("lets the last mention of a boolean flag win", () => {
    expect([verify("--verify", "--verify=false"), verify("--verify=false", "--verify")]).toEqual([false, true]);
  });
  it("refuses a boolean flag's value that is not a boolean", () => {
    expect(() => verify("--verify=maybe")).toThrow('--verify takes true or false, got "maybe"');
  });
  it("leaves string flags and everything after -- alone", () => {
    expect(parseFlags(["--name=false", "--", "--verify=false"], OPTIONS)).toMatchObject({ values: { name: "false" }, positionals: ["--verify=false"] });
  });
});
