/**
 * Names across the imported files: which file (and so which IDL module) a Rust path such as
 * `crate::tenant::tenant_pools_dir`, `super::Role` or a `use`d name refers to. What is not found
 * in the imported files is external (`std::collections::BTreeMap`, `serde_json::Value`).
 */
import type { FileItems } from "./collect.js";

/** Where a Rust path leads. */
export type Resolved<T> =
  /** Declared in an imported file. */
  | { readonly file: FileItems; readonly name: string; readonly value: T }
  /** Not in the imported files: a path into another crate, or a name the files do not declare. */
  | { readonly external: readonly string[] };

/** The imported files as a crate: module paths to files, and name resolution. */
export class Crate {
  private readonly byPath = new Map<string, FileItems>();

  constructor(readonly files: readonly FileItems[]) {
    for (const f of files) if (!this.byPath.has(f.modulePath.join("::"))) this.byPath.set(f.modulePath.join("::"), f);
  }

  /**
   * Resolves a path as written in `from` (`Role`, `crate::tenant::tenant_dir`, `super::x`),
   * looking items up with `lookup` (types, functions or constants).
   */
  resolve<T>(from: FileItems, segments: readonly string[], lookup: (file: FileItems, name: string) => T | undefined): Resolved<T> {
    if (segments.length === 0) return { external: [] };
    const name = segments.at(-1)!;
    if (segments.length === 1) {
      const own = lookup(from, name);
      if (own !== undefined) return { file: from, name, value: own };
      const used = from.uses.find((u) => u.local === name);
      if (used) return this.resolveAbsolute(from, used.path, lookup);
      for (const glob of from.globs) {
        const module = this.module(from, glob);
        const found = module && lookup(module, name);
        if (module && found !== undefined) return { file: module, name, value: found };
      }
      // A name in scope by a route this importer does not follow (a re-export): unique among the files.
      const anywhere = this.files.flatMap((f) => {
        const v = lookup(f, name);
        return v === undefined ? [] : [{ file: f, name, value: v }];
      });
      if (anywhere.length === 1) return anywhere[0]!;
      const globbed = from.globs.map((g) => [...g, name]);
      return { external: globbed.length > 0 ? globbed[0]! : [name] };
    }
    const used = from.uses.find((u) => u.local === segments[0]);
    const full = used ? [...used.path, ...segments.slice(1)] : segments;
    return this.resolveAbsolute(from, full, lookup);
  }

  private resolveAbsolute<T>(
    from: FileItems,
    path: readonly string[],
    lookup: (file: FileItems, name: string) => T | undefined,
  ): Resolved<T> {
    const name = path.at(-1)!;
    const module = path.length === 1 ? from : this.module(from, path.slice(0, -1));
    if (module) {
      const found = lookup(module, name);
      if (found !== undefined) return { file: module, name, value: found };
    }
    return { external: path };
  }

  /** The file of a module path written in `from`. */
  module(from: FileItems, segments: readonly string[]): FileItems | undefined {
    if (segments.length === 0) return from;
    const [first, ...rest] = segments;
    let candidates: string[][];
    if (first === "crate") candidates = [rest];
    else if (first === "self") candidates = [[...from.modulePath, ...rest]];
    else if (first === "super") {
      let base = [...from.modulePath];
      let tail = [...segments];
      while (tail[0] === "super") {
        base = base.slice(0, -1);
        tail = tail.slice(1);
      }
      candidates = [[...base, ...tail]];
    } else candidates = [[...from.modulePath, ...segments], [...segments]];
    for (const c of candidates) {
      const f = this.byPath.get(c.join("::"));
      if (f) return f;
    }
    // Files imported one by one know only their own name: match the path's last module name.
    const last = candidates[0]!.at(-1);
    const matches = this.files.filter((f) => f.modulePath.at(-1) === last || (last === undefined && f.modulePath.length === 0));
    return matches.length === 1 ? matches[0] : undefined;
  }
}
