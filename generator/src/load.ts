/**
 * The loader: IDL files in, a checked model or diagnostics out. Pure over its input (no file
 * system); every problem of every file is reported, and a model is returned only without errors.
 */
import { dedupeDiagnostics, formatLocation, hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";
import { didYouMean } from "./diagnostics/suggest.js";
import { checkShape } from "./parse/check-shape.js";
import { keyRange, type DataPath } from "./parse/locate.js";
import { readYaml, type SourceFile, type YamlFile } from "./parse/read-yaml.js";
import { RESERVED_GLOBALS, RUNTIME_EXPORTS, pathFunctionName, rootConstName, typeApiNames } from "./model/api-names.js";
import { buildPaths, buildRoots, type RawHelper, type RawRootDecl } from "./model/build-paths.js";
import { buildTypes, type PendingDefault } from "./model/build-types.js";
import { checkTypes, typeHasDefault } from "./model/check-types.js";
import { LoadContext, ModuleContext, type DeclKind } from "./model/context.js";
import type { Model, Module, TypeDecl } from "./model/ir.js";
import { docText, type RawModule, type RawType } from "./model/raw.js";

export type { SourceFile } from "./parse/read-yaml.js";

export interface LoadResult {
  /** The checked model; undefined when any error was found. */
  readonly model: Model | undefined;
  /** Every diagnostic, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
}

export function loadIdl(files: readonly SourceFile[]): LoadResult {
  const load = new LoadContext();
  const valid: { yaml: YamlFile; raw: RawModule }[] = [];
  let broken = false;
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const read = readYaml(file);
    load.diagnostics.push(...read.diagnostics);
    if (!read.yaml) {
      broken = true;
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
    if (pruned.raw) valid.push({ yaml: read.yaml, raw: pruned.raw });
  }

  const contexts = registerModules(load, valid);
  checkImports(load, valid, contexts, broken);

  const pending: PendingDefault[] = [];
  const typesByModule = new Map<string, TypeDecl[]>();
  const rawRoots: RawRootDecl[] = [];
  const rawHelpers: RawHelper[] = [];
  for (const { raw } of valid) {
    const ctx = contexts.get(raw.module);
    if (ctx === undefined) continue;
    typesByModule.set(raw.module, buildTypes(ctx, raw.types ?? {}, pending));
    for (const [name, r] of Object.entries(raw.roots ?? {})) rawRoots.push({ ctx, name, raw: r });
    for (const [name, h] of Object.entries(raw.paths ?? {})) rawHelpers.push({ ctx, name, raw: h });
  }
  const roots = buildRoots(rawRoots);
  const helpers = buildPaths(rawHelpers, roots);

  const modules: Module[] = [];
  for (const { yaml, raw } of valid) {
    const ctx = contexts.get(raw.module);
    if (ctx === undefined) continue;
    modules.push({
      name: raw.module,
      file: yaml.file.path,
      doc: docText(raw.doc),
      imports: [...(raw.imports ?? [])].sort(),
      types: typesByModule.get(raw.module) ?? [],
      roots: roots.filter((r) => r.module === raw.module),
      paths: Object.keys(raw.paths ?? {}).flatMap((name) => helpers.get(name) ?? []),
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

/**
 * Removes the declarations that hold schema errors. Returns undefined data when an error sits
 * outside any declaration (the module itself is unusable then).
 */
function pruneBroken(data: unknown, broken: readonly DataPath[]): { raw: RawModule | undefined; removed: unknown } {
  const removed: Record<string, Record<string, unknown>> = {};
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { raw: undefined, removed: data };
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const path of broken) {
    const [section, name] = path;
    if (!(SECTIONS as readonly unknown[]).includes(section) || typeof name !== "string") return { raw: undefined, removed: data };
    const entries = { ...(copy[section as string] as Record<string, unknown>) };
    if (name in entries) {
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
      load.names.set(name, { name, kind, module, range: keyRange(yaml, [section, name]) });
      const k = (value as { kind?: unknown } | null)?.kind;
      if (kind === "type" && (k === "enum" || k === "open-enum" || k === "struct" || k === "string")) {
        load.rawTypes.set(name, { module, raw: value as RawType });
      } else if (kind === "type") {
        load.rawTypes.set(name, { module, raw: { kind: "struct", fields: {} } });
      }
    }
  }
}

function registerModules(load: LoadContext, valid: readonly { yaml: YamlFile; raw: RawModule }[]): Map<string, ModuleContext> {
  const contexts = new Map<string, ModuleContext>();
  for (const { yaml, raw } of valid) {
    const fileModule = moduleNameOf(yaml.file.path);
    const ctx = new ModuleContext(load, yaml, raw.module, new Set(raw.imports ?? []));
    if (raw.module !== fileModule) {
      ctx.report("module-name-mismatch", ctx.valueAt(["module"]), { module: raw.module, file: yaml.file.path });
    }
    const other = contexts.get(raw.module);
    if (other) {
      ctx.report("duplicate-name", ctx.valueAt(["module"]), { name: raw.module, other: formatLocation(other.valueAt(["module"])) });
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
  load: LoadContext,
  valid: readonly { yaml: YamlFile; raw: RawModule }[],
  contexts: ReadonlyMap<string, ModuleContext>,
  broken: boolean,
): void {
  const known = new Set([...contexts.keys(), ...[...load.names.values()].map((n) => n.module)]);
  for (const { raw } of valid) {
    const ctx = contexts.get(raw.module);
    if (!ctx) continue;
    (raw.imports ?? []).forEach((name, i) => {
      if (name === raw.module) {
        ctx.report("import-cycle", ctx.valueAt(["imports", i]), { cycle: `${name} -> ${name}` });
      } else if (!known.has(name) && !broken) {
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
  const types = new Map(modules.flatMap((m) => m.types.map((t) => [t.name, t] as const)));
  const claim = (name: string, what: string, range: Diagnostic["range"]): void => {
    if ((RESERVED_GLOBALS as readonly string[]).includes(name)) {
      load.report("reserved-name", range, { name, what: `a ${what} name`, reason: "it would shadow a JavaScript global" });
      return;
    }
    const other = taken.get(name);
    if (other !== undefined) {
      load.report("name-collision", range, { what: capitalize(what), name, other });
      return;
    }
    taken.set(name, `${what} '${name}'`);
  };
  for (const m of modules) {
    for (const t of m.types) {
      const names = typeApiNames(t, typeHasDefault(types, { kind: "named", name: t.name, range: t.range }));
      for (const n of Object.values(names)) if (n !== undefined) claim(n, n === t.name ? "type" : "generated function or type", t.range);
    }
    for (const r of m.roots) claim(rootConstName(r), "root", r.range);
    for (const p of m.paths) claim(pathFunctionName(p), "path helper", p.range);
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
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
