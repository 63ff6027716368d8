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
  const finite = finiteTypes(index);
  /** The first named type that keeps `t` from having a finite value, if any. */
  const blocking = (t: TypeRef): Extract<TypeRef, { kind: "named" }> | undefined =>
    requiredNamedTypes(t).find((n) => index.types.has(n.name) && !finite.has(n.name));
  /** The blocking reference of a declaration without a finite value: for an enum, its first variant's. */
  const blockedBy = (d: TypeDecl): Extract<TypeRef, { kind: "named" }> | undefined =>
    (d.kind === "enum" ? payloadTypes(d.variants[0]!.payload) : typeRefsOf(d)).map(blocking).find((r) => r !== undefined);
  // Names already walked: in a reported cycle, or leading into one.
  const walked = new Set<string>();
  for (const d of index.types.values()) {
    if (finite.has(d.name) || walked.has(d.name)) continue;
    // Follow blocking references until a name repeats: that is the cycle.
    const trail = new Map<string, number>([[d.name, 0]]);
    for (let ref = blockedBy(d); ref !== undefined && !walked.has(ref.name); ref = blockedBy(index.types.get(ref.name)!)) {
      const at = trail.get(ref.name);
      if (at !== undefined) {
        const cycle = [...[...trail.keys()].slice(at), ref.name];
        const viaEnum = cycle.some((n) => index.types.get(n)?.kind === "enum");
        load.report("recursive-type", ref.range, {
          name: ref.name,
          cycle: cycle.join(" -> "),
          through: viaEnum ? "required fields and every variant of an enum" : "required fields",
        });
        break;
      }
      trail.set(ref.name, trail.size);
    }
    for (const n of trail.keys()) walked.add(n);
  }
}

/**
 * The declarations that have a finite value, found in time linear in the model: a struct,
 * newtype or tuple struct once every type it requires has one, an enum once one of its variants
 * does. Each such "way to build a value" counts the types it still waits for.
 */
function finiteTypes(index: TypeIndex): Set<string> {
  const finite = new Set<string>();
  interface Way {
    readonly owner: string;
    waiting: number;
  }
  const waitingOn = new Map<string, Way[]>();
  const queue: string[] = [];
  // An enum whose variants all failed to build was reported already: it counts as finite.
  const ways = (d: TypeDecl): (readonly TypeRef[])[] =>
    d.kind === "enum" && d.variants.length > 0 ? d.variants.map((v) => payloadTypes(v.payload)) : [d.kind === "enum" ? [] : typeRefsOf(d)];
  for (const d of index.types.values()) {
    for (const refs of ways(d)) {
      const needs = new Set(refs.flatMap(requiredNamedTypes).map((r) => r.name).filter((n) => index.types.has(n)));
      const way: Way = { owner: d.name, waiting: needs.size };
      for (const n of needs) {
        const list = waitingOn.get(n);
        if (list === undefined) waitingOn.set(n, [way]);
        else list.push(way);
      }
      if (way.waiting === 0) queue.push(d.name);
    }
  }
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (finite.has(name)) continue;
    finite.add(name);
    for (const way of waitingOn.get(name) ?? []) {
      way.waiting -= 1;
      if (way.waiting === 0) queue.push(way.owner);
    }
  }
  return finite;
}
