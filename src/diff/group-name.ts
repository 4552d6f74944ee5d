// The core group has the empty name; URLs, flags and human output spell it "core".
export const CORE = "core";

export function groupFromParam(param: string): string {
  return param === CORE ? "" : param;
}

export function displayGroup(group: string): string {
  return group === "" ? CORE : group;
}
