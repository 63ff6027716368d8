#!/usr/bin/env node
// Makes a synthetic IDL of N types from the real model in idl/: the real types are cloned under
// new names (Role -> Role7, PoolSpec -> PoolSpec7, ...) with every feature they use (enums with
// rename_all and a default, open enums, structs with nested refs, lists, maps, optionals,
// literal and type defaults, omit rules, string types with patterns), and a proportional number
// of path helpers (with their roots) so the output mixes types and paths as the real one does.
//
// Copies are grouped into modules: every `copiesPerModule` copies of the real model form one
// group, and each real module M becomes a module `M_<group>` with its imports renamed the same
// way (so pool_3 imports tenant_3). The last copy is partial when N is not a multiple of the
// real type count: it takes a prefix of the types in dependency order, so it stays valid.
//
//   node bench/make-synthetic-idl.mjs <types> <out-dir> [--copies-per-module 4] [--idl idl]
//
// Also usable as a module: makeSyntheticIdl({ types, outDir, copiesPerModule, idlDir }).
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

/**
 * Writes the synthetic IDL (one .yaml per module) into outDir, which is emptied first.
 * Returns { types, paths, roots, modules, copies }.
 */
export function makeSyntheticIdl({ types, outDir, copiesPerModule = 4, idlDir = join(ROOT, "idl") }) {
  if (!Number.isInteger(types) || types < 1) throw new Error(`types must be a positive integer; got ${types}`);
  const real = readRealModel(idlDir);
  const tOrder = typeOrder(real);
  const pOrder = pathOrder(real);
  const realRoots = [];
  for (const m of real) for (const [name, r] of Object.entries(m.roots ?? {})) realRoots.push({ name, module: m.module, r });
  const perCopy = tOrder.length;
  const copies = Math.ceil(types / perCopy);

  const modules = new Map(); // name -> YAML object
  const moduleFor = (realModule, group) => {
    const name = `${realModule}_${group}`;
    if (!modules.has(name)) {
      const src = real.find((m) => m.module === realModule);
      modules.set(name, {
        idl: 1,
        module: name,
        doc: `${(src.doc ?? "").trimEnd()}\n\nSynthetic copy group ${group} of idl/${realModule}.yaml, made by bench/make-synthetic-idl.mjs.\n`,
        imports: [],
        types: {},
        roots: {},
        paths: {},
        _imports: (src.imports ?? []).map((i) => `${i}_${group}`),
      });
    }
    return modules.get(name);
  };

  let made = 0;
  let pathCount = 0;
  let rootCount = 0;
  for (let k = 1; k <= copies; k++) {
    const group = Math.floor((k - 1) / copiesPerModule) + 1;
    const n = Math.min(perCopy, types - made);
    const chosen = tOrder.slice(0, n);
    const typeMap = new Map(tOrder.map((t) => [t.name, `${t.name}${k}`]));
    for (const t of chosen) moduleFor(t.module, group).types[typeMap.get(t.name)] = cloneDecl(t.decl, typeMap);
    made += n;

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
        return nameMap.has(ref) ? `{${nameMap.get(ref)}}` : all;
      });
      if (q.params) for (const [pn, pt] of Object.entries(q.params)) q.params[pn] = renameTypes(pt, typeMap);
      moduleFor(p.module, group).paths[nameMap.get(p.name)] = q;
      pathCount++;
    }
    for (const r of realRoots) {
      if (!usedRoots.has(r.name)) continue;
      moduleFor(r.module, group).roots[nameMap.get(r.name)] = structuredClone(r.r);
      rootCount++;
    }
  }

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const m of modules.values()) {
    m.imports = m._imports.filter((i) => modules.has(i));
    delete m._imports;
    for (const key of ["imports", "types", "roots", "paths"]) {
      const v = m[key];
      if (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0) delete m[key];
    }
    const text = `# Synthetic IDL module made by bench/make-synthetic-idl.mjs from idl/. Do not edit.\n${YAML.stringify(m, { lineWidth: 0 })}`;
    writeFileSync(join(outDir, `${m.module}.yaml`), text);
  }
  return { types: made, paths: pathCount, roots: rootCount, modules: modules.size, copies };
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
  const copiesPerModule = Number(opt("--copies-per-module", "4"));
  const idlDir = resolve(opt("--idl", join(ROOT, "idl")));
  const [n, out] = args;
  if (!n || !out) {
    process.stderr.write("usage: node bench/make-synthetic-idl.mjs <types> <out-dir> [--copies-per-module 4] [--idl idl]\n");
    process.exit(2);
  }
  const info = makeSyntheticIdl({ types: Number(n), outDir: resolve(out), copiesPerModule, idlDir });
  process.stdout.write(`${JSON.stringify(info)}\n`);
}
