/**
 * Checks that need every type built: literal defaults against their types, type defaults that
 * exist, structs with a default whose fields all have one, and types that contain themselves.
 */
import { isScalar } from "yaml";
import { closest } from "../diagnostics/suggest.js";
import type { DataPath } from "../parse/locate.js";
import type { PendingDefault } from "./build-types.js";
import type { LoadContext, ModuleContext } from "./context.js";
import { assertNever, typeText, type IntegerName, type Module, type StructDecl, type TypeDecl, type TypeRef } from "./ir.js";

export const INTEGER_RANGES: Readonly<Record<IntegerName, readonly [bigint, bigint]>> = {
  u8: [0n, 255n],
  u16: [0n, 65535n],
  u32: [0n, 4294967295n],
  u64: [0n, 18446744073709551615n],
  usize: [0n, 18446744073709551615n],
  i8: [-128n, 127n],
  i16: [-32768n, 32767n],
  i32: [-2147483648n, 2147483647n],
  i64: [-9223372036854775808n, 9223372036854775807n],
  isize: [-9223372036854775808n, 9223372036854775807n],
};

/** The largest integer a JavaScript number holds exactly, with every smaller one. */
export const MAX_EXACT_INTEGER = 2n ** 53n;

export function checkTypes(
  load: LoadContext,
  modules: readonly Module[],
  contexts: ReadonlyMap<string, ModuleContext>,
  pending: readonly PendingDefault[],
): void {
  const types = new Map<string, TypeDecl>();
  for (const m of modules) for (const t of m.types) types.set(t.name, t);
  for (const p of pending) checkLiteral(p.ctx, types, p.type, p.value, p.path);
  for (const m of modules) {
    const ctx = contexts.get(m.name)!;
    for (const t of m.types) {
      if (t.kind !== "struct") continue;
      for (const f of t.fields) {
        if (f.default?.kind === "type" && !typeHasDefault(types, f.type)) {
          ctx.report("no-type-default", f.default.range, { type: typeText(f.type) });
        }
        if (t.hasDefault && f.default === undefined && !typeHasDefault(types, f.type)) {
          ctx.report("invalid-type-use", f.range, {
            detail: `${t.name} has a default, so field '${f.name}' needs one: its type ${typeText(f.type)} has none`,
          });
        }
      }
    }
  }
  checkRecursion(load, types);
}

/** Whether a type has a default of its own (Rust `Default`). */
export function typeHasDefault(types: ReadonlyMap<string, TypeDecl>, type: TypeRef): boolean {
  switch (type.kind) {
    case "primitive":
    case "json":
    case "optional":
    case "list":
    case "set":
    case "map":
      return true;
    case "tuple":
      return type.items.every((t) => typeHasDefault(types, t));
    case "array":
      return type.length === 0 || typeHasDefault(types, type.element);
    case "box":
      return typeHasDefault(types, type.inner);
    case "named": {
      const decl = types.get(type.name);
      if (decl === undefined) return true; // reported elsewhere
      switch (decl.kind) {
        case "enum":
          return decl.defaultVariant !== undefined;
        case "open-enum":
          return decl.defaultValue !== undefined;
        case "string":
          return false;
        case "struct":
        case "newtype":
        case "tuple-struct":
        case "unit-struct":
          return decl.hasDefault;
        default:
          return assertNever(decl);
      }
    }
    default:
      return assertNever(type);
  }
}

function checkLiteral(
  ctx: ModuleContext,
  types: ReadonlyMap<string, TypeDecl>,
  type: TypeRef,
  value: unknown,
  path: DataPath,
): void {
  const problem = literalProblem(ctx, types, type, value, path);
  if (problem !== undefined) {
    ctx.report("invalid-default", ctx.valueAt(problem.path), { type: typeText(type), detail: problem.detail });
  }
}

interface Problem {
  readonly detail: string;
  readonly path: DataPath;
}

function literalProblem(
  ctx: ModuleContext,
  types: ReadonlyMap<string, TypeDecl>,
  type: TypeRef,
  value: unknown,
  path: DataPath,
): Problem | undefined {
  const fail = (detail: string, at: DataPath = path): Problem => ({ detail, path: at });
  switch (type.kind) {
    case "primitive": {
      if (type.name === "string") return typeof value === "string" ? undefined : fail(`expected a string, got ${show(value)}`);
      if (type.name === "bool") return typeof value === "boolean" ? undefined : fail(`expected true or false, got ${show(value)}`);
      if (type.name === "f64") {
        return typeof value === "number" && Number.isFinite(value) ? undefined : fail(`expected a finite number, got ${show(value)}`);
      }
      return integerProblem(ctx, type.name, value, path);
    }
    case "optional":
      return value === null ? undefined : literalProblem(ctx, types, type.inner, value, path);
    case "list": {
      if (!Array.isArray(value)) return fail(`expected a list, got ${show(value)}`);
      for (let i = 0; i < value.length; i++) {
        const p = literalProblem(ctx, types, type.element, value[i], [...path, i]);
        if (p) return p;
      }
      return undefined;
    }
    case "map": {
      if (!isRecord(value)) return fail(`expected a mapping, got ${show(value)}`);
      for (const [k, v] of Object.entries(value)) {
        const p = literalProblem(ctx, types, type.value, v, [...path, k]);
        if (p) return p;
      }
      return undefined;
    }
    case "named": {
      const decl = types.get(type.name);
      if (decl === undefined) return undefined;
      switch (decl.kind) {
        case "enum": {
          const wires = decl.variants.map((v) => v.wire);
          if (typeof value !== "string") return fail(`expected one of ${wires.map((w) => `'${w}'`).join(", ")}, got ${show(value)}`);
          if (wires.includes(value)) return undefined;
          const byName = decl.variants.find((v) => v.name === value);
          const hint = byName ? `; defaults are wire values, so write '${byName.wire}'` : meant(value, wires);
          return fail(`'${value}' is not a wire name of ${decl.name}${hint}`);
        }
        case "open-enum":
          return typeof value === "string" ? undefined : fail(`expected a string, got ${show(value)}`);
        case "string":
          return stringProblem(decl, value, path);
        case "struct":
          return structProblem(ctx, types, decl, value, path);
      }
    }
  }
}

function structProblem(
  ctx: ModuleContext,
  types: ReadonlyMap<string, TypeDecl>,
  decl: StructDecl,
  value: unknown,
  path: DataPath,
): Problem | undefined {
  if (!isRecord(value)) return { detail: `expected a mapping of ${decl.name}'s fields, got ${show(value)}`, path };
  const wires = decl.fields.map((f) => f.wire);
  for (const key of Object.keys(value)) {
    if (!wires.includes(key)) {
      return { detail: `${decl.name} has no field '${key}'${meant(key, wires)}`, path: [...path, key] };
    }
  }
  for (const f of decl.fields) {
    const v = value[f.wire];
    if (v === undefined) {
      if (f.default === undefined && f.type.kind !== "optional") {
        return { detail: `field '${f.wire}' of ${decl.name} is required`, path };
      }
      continue;
    }
    const p = literalProblem(ctx, types, f.type, v, [...path, f.wire]);
    if (p) return p;
  }
  return undefined;
}

function stringProblem(decl: Extract<TypeDecl, { kind: "string" }>, value: unknown, path: DataPath): Problem | undefined {
  if (typeof value !== "string") return { detail: `expected a string, got ${show(value)}`, path };
  const length = [...value].length;
  if (decl.minLength !== undefined && length < decl.minLength) return { detail: `shorter than ${decl.minLength}`, path };
  if (decl.maxLength !== undefined && length > decl.maxLength) return { detail: `longer than ${decl.maxLength}`, path };
  if (decl.pattern !== undefined) {
    let re: RegExp | undefined;
    try {
      re = new RegExp(decl.pattern, "u");
    } catch {
      return undefined; // reported as invalid-pattern
    }
    if (!re.test(value)) return { detail: `'${value}' does not match ${decl.patternDoc ?? decl.pattern}`, path };
  }
  return undefined;
}

function integerProblem(ctx: ModuleContext, name: IntegerName, value: unknown, path: DataPath): Problem | undefined {
  if (typeof value !== "number") return { detail: `expected an integer, got ${show(value)}`, path };
  const node = ctx.node(path);
  const source = isScalar(node) && typeof node.source === "string" ? node.source : String(value);
  const text = source.replace(/^\+/, "");
  if (!/^-?\d+$/.test(text)) {
    return { detail: `${source} is not written as an integer (the wire type is ${name})`, path };
  }
  const n = BigInt(text);
  const [min, max] = INTEGER_RANGES[name];
  if (n < min || n > max) return { detail: `${text} is outside ${name} (${min} to ${max})`, path };
  if (n > MAX_EXACT_INTEGER || n < -MAX_EXACT_INTEGER) {
    return { detail: `${text} is beyond 2^53, which a JavaScript number cannot hold exactly`, path };
  }
  return undefined;
}

/** " (did you mean 'x'?)" or "": a hint inside a detail, which the message template ends with a period. */
function meant(name: string, candidates: readonly string[]): string {
  const match = closest(name, candidates);
  return match === undefined ? "" : ` (did you mean '${match}'?)`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return JSON.stringify(value);
}

/** Structs that contain themselves through required, non-collection fields have no finite value. */
function checkRecursion(load: LoadContext, types: ReadonlyMap<string, TypeDecl>): void {
  const state = new Map<string, "active" | "done">();
  const reported = new Set<string>();
  const visit = (decl: StructDecl, trail: readonly string[]): void => {
    state.set(decl.name, "active");
    for (const f of decl.fields) {
      if (f.type.kind !== "named") continue;
      const target = types.get(f.type.name);
      if (target?.kind !== "struct") continue;
      const s = state.get(target.name);
      if (s === "active") {
        const cycle = [...trail.slice(trail.indexOf(target.name)), target.name];
        if (!reported.has(target.name)) {
          reported.add(target.name);
          load.report("recursive-type", f.type.range, { name: target.name, cycle: cycle.join(" -> ") });
        }
      } else if (s === undefined) {
        visit(target, [...trail, target.name]);
      }
    }
    state.set(decl.name, "done");
  };
  for (const decl of types.values()) {
    if (decl.kind === "struct" && !state.has(decl.name)) visit(decl, [decl.name]);
  }
}
