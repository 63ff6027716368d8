/**
 * The loader: IDL files in, a checked model or diagnostics out. Pure over its input (no file
 * system); every problem of every file is reported, and a model is returned only without errors.
 */
import {
  compareStrings,
  dedupeDiagnostics,
  formatLocation,
  hasErrors,
  sortDiagnostics,
  type Diagnostic,
} from "./diagnostics/diagnostic.js";
import { closest, didYouMean } from "./diagnostics/suggest.js";
import { checkShape } from "./parse/check-shape.js";
import { keyRange, type DataPath } from "./parse/locate.js";
import { readYaml, type SourceFile, type YamlFile } from "./parse/read-yaml.js";
import { RESERVED_GLOBALS, RUNTIME_EXPORTS, pathFunctionName, rootConstName, typeApiNames } from "./model/api-names.js";
import { buildPaths, buildRoots, type RawHelper, type RawRootDecl } from "./model/build-paths.js";
import { buildTypes } from "./model/build-types.js";
import { checkTypes } from "./model/check-types.js";
import { LoadContext, ModuleContext, type DeclKind } from "./model/context.js";
import { declHasDefault } from "./model/facts.js";
import type { Model, Module, TypeDecl } from "./model/ir.js";
import type { PendingDefault } from "./model/kind-loader.js";
import { docText, type RawModule, type RawType } from "./model/raw.js";

export type { SourceFile } from "./parse/read-yaml.js";

export interface LoadResult {
  /** The checked model; undefined when any error was found. */
  readonly model: Model | undefined;
  /** Every diagnostic, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface LoadOptions {
  /** Display path of the folder the files come from, for a diagnostic about the folder itself. */
  readonly dir?: string;
}

export function loadIdl(files: readonly SourceFile[], options: LoadOptions = {}): LoadResult {
  const load = new LoadContext();
  if (files.length === 0) {
    const dir = options.dir ?? "idl";
    const at = { line: 1, col: 1, offset: 0 };
    load.report("no-modules", { file: dir, start: at, end: at }, { dir });
    return { model: undefined, diagnostics: load.diagnostics };
  }
  const valid: { yaml: YamlFile; raw: RawModule }[] = [];
  let broken = false;
  const unusable = load.unusableModules;
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const read = readYaml(file);
    load.diagnostics.push(...read.diagnostics);
    if (!read.yaml) {
      broken = true;
      unusable.add(moduleNameOf(file.path));
      continue;
    }
    const shape = checkShape(read.yaml);
    load.diagnostics.push(...shape.diagnostics);
    if (shape.broken.length === 0) {
      valid.push({ yaml: read.yaml, raw: read.yaml.data as RawModule });
      continue;
    }
    broken = true;
    // Declarations that break the schema are left out (their names stay known); the rest is still checked.
    const pruned = pruneBroken(read.yaml.data, shape.broken);
    registerBestEffort(load, read.yaml, pruned.removed);
    if (pruned.raw) {
      valid.push({ yaml: read.yaml, raw: pruned.raw });
    } else {
      const own = (read.yaml.data as { module?: unknown } | null)?.module;
      unusable.add(moduleNameOf(file.path));
      if (typeof own === "string") unusable.add(own);
    }
  }

  const contexts = registerModules(load, dependencyOrder(valid));
  checkImports(valid, contexts, unusable);

  const pending: PendingDefault[] = [];
  const typesByModule = new Map<string, TypeDecl[]>();
  const rawRoots: RawRootDecl[] = [];
  const rawHelpers: RawHelper[] = [];
  for (const { yaml, raw } of valid) {
    const ctx = contexts.get(raw.module);
    if (ctx === undefined || ctx.yaml !== yaml) continue;
    // Declarations reported as duplicates are left out, so they cause nothing further.
    const own = <T>(section: Readonly<Record<string, T>> | undefined, kind: DeclKind): [string, T][] =>
      Object.entries(section ?? {}).filter(([name]) => {
        const declared = load.names.get(name);
        return declared?.kind === kind && declared.module === raw.module && declared.broken !== true;
      });
    typesByModule.set(raw.module, buildTypes({ ctx, pending }, Object.fromEntries(own(raw.types, "type"))));
    for (const [name, r] of own(raw.roots, "root")) rawRoots.push({ ctx, name, raw: r });
    for (const [name, h] of own(raw.paths, "path")) rawHelpers.push({ ctx, name, raw: h });
  }
  const roots = buildRoots(rawRoots);
  const helpers = buildPaths(rawHelpers, roots);

  const modules: Module[] = [];
  for (const { yaml, raw } of valid) {
    const ctx = contexts.get(raw.module);
    if (ctx === undefined || ctx.yaml !== yaml) continue;
    modules.push({
      name: raw.module,
      file: yaml.file.path,
      doc: docText(raw.doc),
      imports: [...(raw.imports ?? [])].sort(),
      types: typesByModule.get(raw.module) ?? [],
      roots: roots.filter((r) => r.module === raw.module),
      paths: Object.keys(raw.paths ?? {})
        .flatMap((name) => helpers.get(name) ?? [])
        .filter((h) => h.module === raw.module),
      range: ctx.keyAt([]),
    });
  }
  checkTypes(load, modules, contexts, pending);
  checkApiNames(load, modules);

  const diagnostics = sortDiagnostics(dedupeDiagnostics(load.diagnostics));
  if (broken || hasErrors(diagnostics)) return { model: undefined, diagnostics };
  return { model: { modules: orderModules(modules) }, diagnostics };
}

function moduleNameOf(path: string): string {
  return path.replace(/^.*\//, "").replace(/\.ya?ml$/, "");
}

const SECTIONS = ["types", "roots", "paths"] as const;
const MODULE_KEYS: readonly string[] = ["idl", "module", "doc", "imports", ...SECTIONS];

/**
 * Removes the declarations that hold schema errors. Returns undefined data when an error sits
 * outside any declaration (the module itself is unusable then).
 */
function pruneBroken(data: unknown, broken: readonly DataPath[]): { raw: RawModule | undefined; removed: unknown } {
  const removed: Record<string, Record<string, unknown>> = {};
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { raw: undefined, removed: data };
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  const copied = new Map<string, Record<string, unknown>>();
  for (const path of broken) {
    const [section, name] = path;
    if (path.length === 1 && typeof section === "string" && !MODULE_KEYS.includes(section) && closest(section, MODULE_KEYS) === undefined) {
      // A key foreign to the language (`owner: team-a`) is reported and ignored; a near miss of a
      // real one (`typess:`, `imprts:`) leaves the module unusable, or every use of it would be reported.
      delete copy[section];
      continue;
    }
    if (!(SECTIONS as readonly unknown[]).includes(section) || typeof name !== "string") return { raw: undefined, removed: data };
    // Copy each section once (on its first broken entry), not once per broken entry.
    const entries = copied.get(section as string) ?? { ...(copy[section as string] as Record<string, unknown>) };
    copied.set(section as string, entries);
    if (Object.hasOwn(entries, name)) {
      (removed[section as string] ??= {})[name] = entries[name];
      delete entries[name];
    }
    copy[section as string] = entries;
  }
  return { raw: copy as unknown as RawModule, removed };
}

/** Names from declarations that failed the shape check, so that other places do not report them as unknown. */
function registerBestEffort(load: LoadContext, yaml: YamlFile, removed: unknown): void {
  const data = removed as Partial<Record<string, unknown>> | null;
  if (typeof data !== "object" || data === null) return;
  const own = yaml.data as Partial<Record<string, unknown>> | null;
  const module = typeof own?.["module"] === "string" ? own["module"] : moduleNameOf(yaml.file.path);
  const kinds: Record<(typeof SECTIONS)[number], DeclKind> = { types: "type", roots: "root", paths: "path" };
  for (const section of SECTIONS) {
    const kind = kinds[section];
    const entries = data[section];
    if (typeof entries !== "object" || entries === null || Array.isArray(entries)) continue;
    for (const [name, value] of Object.entries(entries)) {
      if (load.names.has(name)) continue;
      load.names.set(name, { name, kind, module, range: keyRange(yaml, [section, name]), broken: true });
      // Never read for its content (a broken type is used silently), but kept a mapping all the same.
      const raw = (typeof value === "object" && value !== null ? value : {}) as RawType;
      if (kind === "type") load.rawTypes.set(name, { module, raw, broken: true });
    }
  }
}

function registerModules(load: LoadContext, valid: readonly { yaml: YamlFile; raw: RawModule }[]): Map<string, ModuleContext> {
  const contexts = new Map<string, ModuleContext>();
  for (const { yaml, raw } of valid) {
    const fileModule = moduleNameOf(yaml.file.path);
    // Files come in dependency order: a name declared again by a module that imports the first one is the duplicate.
    const ctx = new ModuleContext(load, yaml, raw.module, new Set(raw.imports ?? []));
    if (raw.module !== fileModule) {
      ctx.report("module-name-mismatch", ctx.valueAt(["module"]), { module: raw.module, file: yaml.file.path });
    }
    const other = contexts.get(raw.module);
    if (other) {
      // A module named after another file is reported as that mismatch alone.
      if (raw.module === fileModule) {
        ctx.report("duplicate-name", ctx.valueAt(["module"]), { name: raw.module, other: formatLocation(other.valueAt(["module"])) });
      }
      continue;
    }
    contexts.set(raw.module, ctx);
    load.modules.set(raw.module, ctx);
    const sections: [keyof RawModule & ("types" | "roots" | "paths"), DeclKind][] = [
      ["types", "type"],
      ["roots", "root"],
      ["paths", "path"],
    ];
    for (const [section, kind] of sections) {
      for (const name of Object.keys(raw[section] ?? {})) {
        const range = ctx.keyAt([section, name]);
        const previous = load.names.get(name);
        if (previous) {
          ctx.report("duplicate-name", range, { name, other: formatLocation(previous.range) });
          load.duplicated.add(name);
          continue;
        }
        load.names.set(name, { name, kind, module: raw.module, range });
        if (kind === "type") load.rawTypes.set(name, { module: raw.module, raw: raw.types![name]! });
      }
    }
  }
  return contexts;
}

function checkImports(
  valid: readonly { yaml: YamlFile; raw: RawModule }[],
  contexts: ReadonlyMap<string, ModuleContext>,
  unusable: ReadonlySet<string>,
): void {
  const known = new Set([...contexts.keys(), ...unusable]);
  for (const { yaml, raw } of valid) {
    const ctx = contexts.get(raw.module);
    if (!ctx || ctx.yaml !== yaml) continue;
    (raw.imports ?? []).forEach((name, i) => {
      if (name === raw.module) {
        ctx.report("import-cycle", ctx.valueAt(["imports", i]), { cycle: `${name} -> ${name}` });
      } else if (!known.has(name)) {
        ctx.report("unknown-module", ctx.valueAt(["imports", i]), { module: name, hint: didYouMean(name, contexts.keys()) });
      }
    });
  }
  // Cycles among distinct modules.
  const state = new Map<string, "active" | "done">();
  const visit = (name: string, trail: string[]): void => {
    state.set(name, "active");
    const ctx = contexts.get(name)!;
    const imports = [...ctx.imports];
    imports.forEach((dep, i) => {
      if (dep === name || !contexts.has(dep)) return;
      if (state.get(dep) === "active") {
        const cycle = [...trail.slice(trail.indexOf(dep)), dep];
        ctx.report("import-cycle", ctx.valueAt(["imports", i]), { cycle: cycle.join(" -> ") });
      } else if (!state.has(dep)) {
        visit(dep, [...trail, dep]);
      }
    });
    state.set(name, "done");
  };
  for (const name of [...contexts.keys()].sort()) if (!state.has(name)) visit(name, [name]);
}

/** Every exported name of the generated package must be unique and must not shadow a global. */
function checkApiNames(load: LoadContext, modules: readonly Module[]): void {
  const taken = new Map<string, string>();
  for (const name of RUNTIME_EXPORTS) taken.set(name, "the runtime export of the same name");
  const claim = (name: string, what: string, range: Diagnostic["range"], of?: string): void => {
    if ((RESERVED_GLOBALS as readonly string[]).includes(name)) {
      const as = what === "generated name" ? "a generated name" : `a ${what} name`;
      load.report("reserved-name", range, { name, what: as, reason: "it would shadow a JavaScript global" });
      return;
    }
    const other = taken.get(name);
    if (other !== undefined) {
      load.report("name-collision", range, { what: capitalize(what), name, other });
      return;
    }
    taken.set(name, `${what} '${name}'${of === undefined ? "" : ` of ${of}`}`);
  };
  for (const m of modules) {
    for (const t of m.types) {
      const names = typeApiNames(t, declHasDefault(t));
      for (const n of Object.values(names)) {
        if (typeof n === "string") claim(n, n === t.name ? "type" : "generated name", t.range, n === t.name ? undefined : `type ${t.name}`);
      }
    }
    for (const r of m.roots) claim(rootConstName(r), "root", r.range);
    for (const p of m.paths) claim(pathFunctionName(p), "path helper", p.range);
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The loaded files with imported modules first, ties broken by module name then path. */
function dependencyOrder<T extends { readonly yaml: YamlFile; readonly raw: RawModule }>(valid: readonly T[]): T[] {
  // Of files claiming the same module, the one named after it comes first.
  const misnamed = (v: T): number => (moduleNameOf(v.yaml.file.path) === v.raw.module ? 0 : 1);
  const sorted = [...valid].sort(
    (a, b) => compareStrings(a.raw.module, b.raw.module) || misnamed(a) - misnamed(b) || compareStrings(a.yaml.file.path, b.yaml.file.path),
  );
  const first = new Map<string, T>();
  for (const v of sorted) if (!first.has(v.raw.module)) first.set(v.raw.module, v);
  const out: T[] = [];
  const seen = new Set<T>();
  const visit = (v: T): void => {
    if (seen.has(v)) return;
    seen.add(v);
    for (const dep of [...(v.raw.imports ?? [])].sort()) {
      const d = first.get(dep);
      if (d) visit(d);
    }
    out.push(v);
  };
  for (const v of sorted) visit(v);
  return out;
}

/** Imported modules first; ties broken by name, so the order never depends on the file system. */
function orderModules(modules: readonly Module[]): Module[] {
  const byName = new Map(modules.map((m) => [m.name, m]));
  const out: Module[] = [];
  const seen = new Set<string>();
  const visit = (m: Module): void => {
    if (seen.has(m.name)) return;
    seen.add(m.name);
    for (const dep of m.imports) {
      const d = byName.get(dep);
      if (d) visit(d);
    }
    out.push(m);
  };
  for (const m of [...modules].sort((a, b) => (a.name < b.name ? -1 : 1))) visit(m);
  return out;
}
