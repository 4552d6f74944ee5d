// --ignore patterns, as .gitignore-style globs: `*` and `?` stay within one path segment, `**`
// crosses segments, and a pattern without "/" matches a file or folder name at any depth.

function globRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      const slash = glob[i + 2] === "/";
      re += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/** A matcher for paths written with "/" (a leading "./" and a trailing "/" are ignored). */
export function globMatcher(globs: string[]): (path: string) => boolean {
  const tidy = (p: string) => p.replace(/^(\.\/)+/, "").replace(/\/+$/, "");
  const tests = globs.map((g) => {
    const pattern = tidy(g);
    const re = globRegExp(pattern);
    return pattern.includes("/") ? (p: string) => re.test(p) : (p: string) => re.test(p.slice(p.lastIndexOf("/") + 1));
  });
  return (path) => {
    const p = tidy(path.split("\\").join("/"));
    return tests.some((t) => t(p));
  };
}
