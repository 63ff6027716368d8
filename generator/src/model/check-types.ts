/**
 * Checks that need every type built: each kind's own checks (generator/src/kinds/<kind>/load.ts),
 * literal defaults against their types, map keys and set elements, and types that contain
 * themselves with no finite value. Facts come from facts.ts; this module only reports.
 */
import { checkDecl } from "./build-types.js";
import { literalProblem } from "./check-literal.js";
import type { LoadContext, ModuleContext } from "./context.js";
import { childTypes, mapKeyProblem, payloadTypes, requiredNamedTypes, setElementProblem, typeRefsOf, type TypeIndex } from "./facts.js";
import { indexModel, typeText, type Module, type TypeDecl, type TypeRef } from "./ir.js";
import type { PendingDefault } from "./kind-loader.js";

export function checkTypes(
  load: LoadContext,
  modules: readonly Module[],
  contexts: ReadonlyMap<string, ModuleContext>,
  pending: readonly PendingDefault[],
): void {
  const index = indexModel({ modules });
  for (const m of modules) {
    const ctx = contexts.get(m.name)!;
    for (const t of m.types) {
      checkDecl({ ctx, index }, t);
      for (const ref of typeRefsOf(t)) checkUses(ctx, index, ref);
    }
  }
  for (const p of pending) {
    const problem = literalProblem({ ctx: p.ctx, index }, p.type, p.value, p.path, p.ownDefault ?? false);
    if (problem !== undefined) {
      p.ctx.report("invalid-default", p.ctx.valueAt(problem.path), { type: typeText(p.type), detail: problem.detail });
    }
  }
  checkRecursion(load, index);
}

/** Map keys and set elements, wherever they sit in a type expression. */
function checkUses(ctx: ModuleContext, index: TypeIndex, type: TypeRef): void {
  if (type.kind === "map") {
    const reason = mapKeyProblem(index, type.key);
    if (reason !== undefined) ctx.report("invalid-map-key", type.key.range, { key: typeText(type.key), reason });
  }
  if (type.kind === "set") {
    const reason = setElementProblem(index, type.element);
    if (reason !== undefined) ctx.report("invalid-set-element", type.element.range, { element: typeText(type.element), reason });
  }
  for (const child of childTypes(type)) checkUses(ctx, index, child);
}

/**
 * A type has a finite value when some way to build one ends: through optional, list, set and
 * map (which may be empty), an empty array, a unit variant, or types that do. Types without one
 * contain themselves through required fields, tuples, arrays, boxes, newtypes or every variant
 * of an enum; each such cycle is reported once, where it closes.
 */
function checkRecursion(load: LoadContext, index: TypeIndex): void {
  const decls = [...index.types.values()];
  const finite = new Set<string>();
  /** The first named type that keeps `t` from having a finite value, if any. */
  const blocking = (t: TypeRef): Extract<TypeRef, { kind: "named" }> | undefined =>
    requiredNamedTypes(t).find((n) => index.types.has(n.name) && !finite.has(n.name));
  /** The blocking reference of a declaration: for an enum, of its first variant when all are blocked. */
  const blockedBy = (d: TypeDecl): Extract<TypeRef, { kind: "named" }> | undefined => {
    if (d.kind === "enum") {
      const each = d.variants.map((v) => payloadTypes(v.payload).map(blocking).find((b) => b !== undefined));
      return each.every((b) => b !== undefined) ? each[0] : undefined;
    }
    return typeRefsOf(d).map(blocking).find((b) => b !== undefined);
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const d of decls) {
      if (!finite.has(d.name) && blockedBy(d) === undefined) {
        finite.add(d.name);
        changed = true;
      }
    }
  }
  const reported = new Set<string>();
  for (const d of decls) {
    if (finite.has(d.name) || reported.has(d.name)) continue;
    // Follow blocking references until a name repeats: that is the cycle.
    const trail = [d.name];
    for (let ref = blockedBy(d); ref !== undefined; ref = blockedBy(index.types.get(ref.name)!)) {
      if (reported.has(ref.name)) break; // it only uses a type already reported
      const at = trail.indexOf(ref.name);
      if (at >= 0) {
        const cycle = [...trail.slice(at), ref.name];
        const viaEnum = cycle.some((n) => index.types.get(n)?.kind === "enum");
        load.report("recursive-type", ref.range, {
          name: ref.name,
          cycle: cycle.join(" -> "),
          through: viaEnum ? "required fields and every variant of an enum" : "required fields",
        });
        for (const n of cycle) reported.add(n);
        break;
      }
      trail.push(ref.name);
    }
  }
}
