#!/usr/bin/env node
// Makes a synthetic IDL of N types from the real model in idl/: the real types are cloned under
// new names (Role -> Role7, PoolSpec -> PoolSpec7, ...) with every feature they use (enums with
// rename_all and a default, open enums, structs with nested refs, lists, maps, optionals,
// literal and type defaults, omit rules, string types with patterns), and a proportional number
// of path helpers (with their roots) so the output mixes types and paths as the real one does.
//
// Two layouts, as issue 15 asks: every type in one module (`--layout one`), or modules of 9
// types (`--layout many`, the default: 1,000 types make 112 modules); `--per-module N` for
// any other cut. Modules import one another wherever a type, path helper or root refers to one
// declared elsewhere. The last copy is partial when N is not a multiple of the real type
// count: it takes a prefix of the types in dependency order, so it stays valid.
//
//   node bench/make-synthetic-idl.mjs <types> <out-dir> [--layout one|many] [--per-module N] [--idl idl]
//
// Also usable as a module: makeSyntheticIdl({ types, outDir, perModule, idlDir }).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TYPE_NAME = /\b[A-Z][A-Za-z0-9]*\b/g;
const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** The real model: its modules in file order, with types, roots and paths. */
export function readRealModel(idlDir = join(ROOT, "idl")) {
  const modules = readdirSync(idlDir)
    .filter((n) => /\.ya?ml$/.test(n) && n !== "accepted-changes.yaml")
    .sort()
    .map((n) => YAML.parse(readFileSync(join(idlDir, n), "utf8")));
  // Imported modules first, so declarations come before their uses.
  const byName = new Map(modules.map((m) => [m.module, m]));
  const ordered = [];
  const seen = new Set();
  const visit = (m) => {
    if (seen.has(m.module)) return;
    seen.add(m.module);
    for (const imp of m.imports ?? []) if (byName.has(imp)) visit(byName.get(imp));
    ordered.push(m);
  };
  for (const m of modules) visit(m);
  return ordered;
}

function typeRefs(decl, names) {
  const refs = new Set();
  if (decl.kind !== "struct") return refs;
  for (const f of Object.values(decl.fields ?? {})) {
    const expr = typeof f === "string" ? f : f.type;
    for (const id of expr.match(TYPE_NAME) ?? []) if (names.has(id)) refs.add(id);
  }
  return refs;
}

/** Types in an order where every prefix is closed under references (dependencies first). */
function typeOrder(modules) {
  const all = new Map();
  for (const m of modules) for (const [name, decl] of Object.entries(m.types ?? {})) all.set(name, { module: m.module, decl });
  const names = new Set(all.keys());
  const out = [];
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const r of typeRefs(all.get(name).decl, names)) visit(r);
    out.push(name);
  };
  for (const name of all.keys()) visit(name);
  return out.map((name) => ({ name, ...all.get(name) }));
}

/** Path helpers (and roots) in dependency order. */
function pathOrder(modules) {
  const all = new Map();
  for (const m of modules) for (const [name, p] of Object.entries(m.paths ?? {})) all.set(name, { module: m.module, p });
  const out = [];
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name) || !all.has(name)) return;
    seen.add(name);
    for (const [, ref] of all.get(name).p.template.matchAll(PLACEHOLDER)) visit(ref);
    out.push(name);
  };
  for (const name of all.keys()) visit(name);
  return out.map((name) => ({ name, ...all.get(name) }));
}

const renameTypes = (text, map) => text.replace(TYPE_NAME, (id) => map.get(id) ?? id);

function cloneDecl(decl, typeMap) {
  const d = structuredClone(decl);
  if (d.kind === "struct") {
    for (const [k, f] of Object.entries(d.fields ?? {})) {
      if (typeof f === "string") d.fields[k] = renameTypes(f, typeMap);
      else f.type = renameTypes(f.type, typeMap);
    }
  }
  return d;
}

/** Module layouts: every type in one module, or modules of 9 types (1,000 types: 112 modules). */
export const LAYOUTS = { one: Infinity, many: 9 };

/**
 * Writes the synthetic IDL (one .yaml per module) into outDir, which is emptied first.
 *
 * Copy k of the real model renames every type T to Tk and every path helper or root p to p_k.
 * The types of all copies, in order (each copy in dependency order), are cut into modules of
 * `perModule` types (`model` when one module holds them all, else `types_001`, `types_002`,
 * ...); a copy's path helpers and roots go into the module of its last type. Each module
 * imports the modules that declare what it refers to; references only point backwards, so
 * imports never form a cycle.
 *
 * Returns { types, paths, roots, modules, copies, perModule }.
 */
export function makeSyntheticIdl({ types, outDir, perModule = LAYOUTS.many, idlDir = join(ROOT, "idl") }) {
  if (!Number.isInteger(types) || types < 1) throw new Error(`types must be a positive integer; got ${types}`);
  if (!(perModule >= 1)) throw new Error(`perModule must be at least 1; got ${perModule}`);
  const real = readRealModel(idlDir);
  const tOrder = typeOrder(real);
  const pOrder = pathOrder(real);
  const realRoots = [];
  for (const m of real) for (const [name, r] of Object.entries(m.roots ?? {})) realRoots.push({ name, module: m.module, r });
  const perCopy = tOrder.length;
  const copies = Math.ceil(types / perCopy);
  const moduleCount = Math.max(1, Math.ceil(types / perModule));
  const width = String(moduleCount).length;
  const moduleName = (i) => (moduleCount === 1 ? "model" : `types_${String(i + 1).padStart(Math.max(3, width), "0")}`);

  const modules = []; // { idl, module, doc, types, roots, paths, refs: Set of declared names used }
  const declaredIn = new Map(); // type, root or path name -> module name
  const moduleAt = (i) => {
    while (modules.length <= i) {
      const name = moduleName(modules.length);
      modules.push({ name, types: {}, roots: {}, paths: {}, refs: new Set() });
    }
    return modules[i];
  };

  let made = 0;
  let pathCount = 0;
  let rootCount = 0;
  for (let k = 1; k <= copies; k++) {
    const n = Math.min(perCopy, types - made);
    const chosen = tOrder.slice(0, n);
    const typeMap = new Map(tOrder.map((t) => [t.name, `${t.name}${k}`]));
    let last;
    for (const t of chosen) {
      const m = moduleAt(Math.floor(made / perModule));
      const name = typeMap.get(t.name);
      m.types[name] = cloneDecl(t.decl, typeMap);
      for (const r of typeRefs(t.decl, new Set(typeMap.keys()))) m.refs.add(typeMap.get(r));
      declaredIn.set(name, m.name);
      made++;
      last = m;
    }

    // Path helpers in proportion to the types of this copy (all of them for a full copy).
    const nPaths = Math.max(1, Math.round((pOrder.length * n) / perCopy));
    const paths = pOrder.slice(0, nPaths);
    const nameMap = new Map();
    for (const r of realRoots) nameMap.set(r.name, `${r.name}_${k}`);
    for (const p of pOrder) nameMap.set(p.name, `${p.name}_${k}`);
    const usedRoots = new Set();
    for (const p of paths) {
      const q = structuredClone(p.p);
      q.template = q.template.replace(PLACEHOLDER, (all, ref) => {
        if (realRoots.some((r) => r.name === ref)) usedRoots.add(ref);
        if (!nameMap.has(ref)) return all;
        last.refs.add(nameMap.get(ref));
        return `{${nameMap.get(ref)}}`;
      });
      if (q.params) {
        for (const [pn, pt] of Object.entries(q.params)) {
          q.params[pn] = renameTypes(pt, typeMap);
          for (const id of q.params[pn].match(TYPE_NAME) ?? []) last.refs.add(id);
        }
      }
      last.paths[nameMap.get(p.name)] = q;
      declaredIn.set(nameMap.get(p.name), last.name);
      pathCount++;
    }
    for (const r of realRoots) {
      if (!usedRoots.has(r.name)) continue;
      last.roots[nameMap.get(r.name)] = structuredClone(r.r);
      declaredIn.set(nameMap.get(r.name), last.name);
      rootCount++;
    }
  }

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const m of modules) {
    const imports = [...new Set([...m.refs].map((r) => declaredIn.get(r)).filter((x) => x !== undefined && x !== m.name))].sort();
    const doc =
      modules.length === 1
        ? `All ${made} types of a synthetic model: ${copies} renamed copies of the types in idl/, made by bench/make-synthetic-idl.mjs.\n`
        : `Module ${m.name} of a synthetic model of ${made} types (${perModule} per module): renamed copies of the types in idl/, made by bench/make-synthetic-idl.mjs.\n`;
    const out = { idl: 1, module: m.name, doc, imports, types: m.types, roots: m.roots, paths: m.paths };
    for (const key of ["imports", "types", "roots", "paths"]) {
      const v = out[key];
      if (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0) delete out[key];
    }
    const text = `# Synthetic IDL module made by bench/make-synthetic-idl.mjs from idl/. Do not edit.\n${YAML.stringify(out, { lineWidth: 0 })}`;
    writeFileSync(join(outDir, `${m.name}.yaml`), text);
  }
  return { types: made, paths: pathCount, roots: rootCount, modules: modules.length, copies, perModule: Number.isFinite(perModule) ? perModule : made };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    if (i < 0) return dflt;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const layout = opt("--layout", "many");
  const perModule = Number(opt("--per-module", String(LAYOUTS[layout] ?? NaN)));
  const idlDir = resolve(opt("--idl", join(ROOT, "idl")));
  const [n, out] = args;
  if (!n || !out || !(perModule >= 1)) {
    process.stderr.write("usage: node bench/make-synthetic-idl.mjs <types> <out-dir> [--layout one|many] [--per-module N] [--idl idl]\n");
    process.exit(2);
  }
  const info = makeSyntheticIdl({ types: Number(n), outDir: resolve(out), perModule, idlDir });
  process.stdout.write(`${JSON.stringify(info)}\n`);
}
