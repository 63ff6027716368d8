/**
 * Checks a literal default against its type, in the wire form serde writes for that type: a
 * struct as an object of its wire names (flattened fields inline), an enum in its
 * representation, a map's keys as the key type's text, a set without duplicates. The literal is
 * the value Rust's default function returns, so it is written as Rust would write it: wire names
 * (not aliases), unit variants as their wire name, numbers in range.
 */
import { isScalar } from "yaml";
import { closest } from "../diagnostics/suggest.js";
import type { DataPath } from "../parse/locate.js";
import type { ModuleContext } from "./context.js";
import {
  claimedKeys,
  declOf,
  F32_MAX,
  INTEGER_RANGES,
  isRead,
  MAX_EXACT_INTEGER,
  transparentField,
  typeHasDefault,
  wireEquals,
  type TypeIndex,
} from "./facts.js";
import {
  assertNever,
  isIntegerName,
  type EnumDecl,
  type EnumVariant,
  type Field,
  type IntegerName,
  type StringDecl,
  type StructDecl,
  type TypeRef,
  type WireValue,
} from "./ir.js";

export interface Problem {
  readonly detail: string;
  /** Where in the literal: a path below the default's own path. */
  readonly path: DataPath;
}

export interface LiteralContext {
  /** The module the literal is written in: numbers are checked as written in its source. */
  readonly ctx: ModuleContext;
  readonly index: TypeIndex;
  /**
   * The named types entered for the value being checked, without going into a part of it: a
   * type met twice holds itself with nothing in between (a transparent struct, newtype or
   * untagged variant of itself), which no literal can end.
   */
  readonly within?: readonly string[];
}

/** The context for a part of the value (an element, an entry, a field): nothing entered yet. */
const part = (lc: LiteralContext): LiteralContext => (lc.within === undefined || lc.within.length === 0 ? lc : { ...lc, within: [] });

/**
 * What is wrong with `value` as a literal of `type`, or undefined. `own`: the literal is a
 * struct's own default, whose left-out fields take their field default, else their type's.
 */
export function literalProblem(lc: LiteralContext, type: TypeRef, value: unknown, path: DataPath, own = false): Problem | undefined {
  const fail = (detail: string, at: DataPath = path): Problem => ({ detail, path: at });
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "string":
          return typeof value === "string" ? undefined : fail(`expected a string, got ${show(value)}`);
        case "char":
          return charProblem(value) === undefined ? undefined : fail(charProblem(value)!);
        case "bool":
          return typeof value === "boolean" ? undefined : fail(`expected true or false, got ${show(value)}`);
        case "unit":
          return value === null ? undefined : fail(`expected null (the unit value), got ${show(value)}`);
        case "f64":
          return typeof value === "number" && Number.isFinite(value) ? undefined : fail(`expected a finite number, got ${show(value)}`);
        case "f32":
          if (typeof value !== "number" || !Number.isFinite(value)) return fail(`expected a finite number, got ${show(value)}`);
          return Math.abs(value) <= F32_MAX ? undefined : fail(`${value} is beyond f32's range (${F32_MAX}); serde would read it as infinity`);
        default:
          return integerProblem(lc.ctx, type.name, value, path);
      }
    case "json":
      return jsonProblem(value, path);
    case "optional":
      return value === null ? undefined : literalProblem(lc, type.inner, value, path);
    case "box":
      return literalProblem(lc, type.inner, value, path, own);
    case "list":
    case "set": {
      if (!Array.isArray(value)) return fail(`expected a list, got ${show(value)}`);
      for (let i = 0; i < value.length; i++) {
        const p = literalProblem(part(lc), type.element, value[i], [...path, i]);
        if (p) return p;
        if (type.kind === "set" && value.slice(0, i).some((v) => wireEquals(v as WireValue, value[i] as WireValue))) {
          return fail(`a set holds each value once; item ${i} repeats an earlier one`, [...path, i]);
        }
      }
      return undefined;
    }
    case "tuple":
    case "array": {
      const items = type.kind === "tuple" ? type.items : Array.from({ length: type.length }, () => type.element);
      return itemsProblem(lc, items, value, path);
    }
    case "map": {
      if (!isRecord(value)) return fail(`expected a mapping, got ${show(value)}`);
      for (const [k, v] of Object.entries(value)) {
        const bad = keyProblem(lc, type.key, k);
        if (bad !== undefined) return fail(`key '${k}': ${bad}`, [...path, k]);
        const p = literalProblem(part(lc), type.value, v, [...path, k]);
        if (p) return p;
      }
      return undefined;
    }
    case "named": {
      const decl = lc.index.types.get(type.name);
      if (decl === undefined) return undefined;
      if (lc.within?.includes(decl.name)) return fail(`${decl.name} holds itself with no value in between, so no literal fits it`);
      const inner: LiteralContext = { ...lc, within: [...(lc.within ?? []), decl.name] };
      switch (decl.kind) {
        case "enum":
          return enumProblem(inner, decl, value, path);
        case "open-enum":
          return typeof value === "string" ? undefined : fail(`expected a string, got ${show(value)}`);
        case "string":
          return stringProblem(decl, value, path);
        case "struct":
          return structProblem(inner, decl, value, path, own);
        case "newtype":
          return literalProblem(inner, decl.type, value, path);
        case "tuple-struct":
          return itemsProblem(inner, decl.items, value, path);
        case "unit-struct":
          return value === null ? undefined : fail(`${decl.name} is a unit struct, written null; got ${show(value)}`);
        default:
          return assertNever(decl);
      }
    }
    default:
      return assertNever(type);
  }
}

function itemsProblem(lc: LiteralContext, items: readonly TypeRef[], value: unknown, path: DataPath): Problem | undefined {
  if (!Array.isArray(value)) return { detail: `expected a list of ${items.length}, got ${show(value)}`, path };
  if (value.length !== items.length) return { detail: `expected ${items.length} items, got ${value.length}`, path };
  for (let i = 0; i < items.length; i++) {
    const p = literalProblem(part(lc), items[i]!, value[i], [...path, i]);
    if (p) return p;
  }
  return undefined;
}

function charProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return `expected a one-character string, got ${show(value)}`;
  const points = [...value];
  if (points.length !== 1) return `a char is exactly one Unicode scalar value; ${JSON.stringify(value)} has ${points.length}`;
  const c = points[0]!.codePointAt(0)!;
  return c >= 0xd800 && c <= 0xdfff ? "a char cannot be a lone surrogate" : undefined;
}

function jsonProblem(value: unknown, path: DataPath): Problem | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : { detail: `JSON has no ${String(value)}`, path };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = jsonProblem(value[i], [...path, i]);
      if (p) return p;
    }
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      const p = jsonProblem(v, [...path, k]);
      if (p) return p;
    }
  }
  return undefined;
}

/** A map key as written in JSON (always a string) against the key type. */
function keyProblem(lc: LiteralContext, key: TypeRef, text: string, visiting: ReadonlySet<string> = new Set()): string | undefined {
  if (key.kind === "primitive") {
    if (key.name === "char") return charProblem(text);
    if (!isIntegerName(key.name)) return undefined;
    if (!/^(0|-?[1-9][0-9]*)$/.test(text) || text === "-0") return `write ${key.name} keys in decimal, as Rust writes them`;
    const [min, max] = INTEGER_RANGES[key.name];
    const n = BigInt(text);
    return n < min || n > max ? `${text} is outside ${key.name} (${min} to ${max})` : undefined;
  }
  const decl = declOf(lc.index, key);
  if (decl?.kind === "string") return stringProblem(decl, text, [])?.detail;
  if (decl?.kind === "newtype") return visiting.has(decl.name) ? undefined : keyProblem(lc, decl.type, text, new Set([...visiting, decl.name]));
  if (decl?.kind === "enum") {
    const wires = decl.variants.map((v) => v.wire);
    return wires.includes(text) ? undefined : `'${text}' is not a wire name of ${decl.name}${meant(text, wires)}`;
  }
  return undefined;
}

function enumProblem(lc: LiteralContext, decl: EnumDecl, value: unknown, path: DataPath): Problem | undefined {
  const fail = (detail: string, at: DataPath = path): Problem => ({ detail, path: at });
  const wires = decl.variants.map((v) => v.wire);
  /** The variant a tag names, or a problem that says what was meant. */
  const byTag = (tag: unknown, at: DataPath): EnumVariant | Problem => {
    if (typeof tag !== "string") return fail(`expected one of ${wires.map((w) => `'${w}'`).join(", ")}, got ${show(tag)}`, at);
    const found = decl.variants.find((v) => v.wire === tag);
    if (found !== undefined) return found;
    const byName = decl.variants.find((v) => v.name === tag);
    const alias = decl.variants.find((v) => v.aliases.includes(tag));
    const hint =
      byName !== undefined
        ? `; defaults are wire values, so write '${byName.wire}'`
        : alias !== undefined
          ? `; '${tag}' is an alias, read but never written: write '${alias.wire}'`
          : meant(tag, wires);
    return fail(`'${tag}' is not a wire name of ${decl.name}${hint}`, at);
  };
  const isProblem = (x: EnumVariant | Problem): x is Problem => "detail" in x;
  switch (decl.repr.kind) {
    case "external": {
      if (!isRecord(value)) {
        const v = byTag(value, path);
        if (isProblem(v)) return v;
        return v.payload.kind === "unit" ? undefined : fail(`variant ${v.name} carries data: write it as {${v.wire}: ...}`);
      }
      const keys = Object.keys(value);
      if (keys.length !== 1) return fail(`an externally tagged variant with data is a mapping of one key, its wire name; got ${keys.length} keys`);
      const v = byTag(keys[0], [...path, keys[0]!]);
      if (isProblem(v)) return v;
      if (v.payload.kind === "unit") return fail(`${v.name} is a unit variant, written as the string '${v.wire}'`, [...path, v.wire]);
      return payloadProblem(part(lc), decl, v, value[v.wire], [...path, v.wire]);
    }
    case "internal":
    case "adjacent": {
      const { tag } = decl.repr;
      if (!isRecord(value)) return fail(`expected a mapping with the tag '${tag}', got ${show(value)}`);
      if (!Object.hasOwn(value, tag)) return fail(`the tag '${tag}' is missing`);
      const v = byTag(value[tag], [...path, tag]);
      if (isProblem(v)) return v;
      const rest = Object.fromEntries(Object.entries(value).filter(([k]) => k !== tag));
      if (decl.repr.kind === "adjacent") {
        const { content } = decl.repr;
        const extra = Object.keys(rest).find((k) => k !== content);
        if (extra !== undefined) return fail(`an adjacently tagged value has the keys '${tag}' and '${content}' only`, [...path, extra]);
        if (v.payload.kind === "unit") return Object.hasOwn(rest, content) ? fail(`${v.name} is a unit variant: it has no '${content}'`, [...path, content]) : undefined;
        if (!Object.hasOwn(rest, content)) return fail(`variant ${v.name} carries data: '${content}' is missing`);
        return payloadProblem(part(lc), decl, v, rest[content], [...path, content]);
      }
      if (v.payload.kind === "unit" || heldUnitStruct(lc, v)) {
        const extra = Object.keys(rest)[0];
        return extra === undefined ? undefined : fail(`${v.name} is written as the tag alone`, [...path, extra]);
      }
      // A newtype's value or a struct variant's fields sit beside the tag.
      return payloadProblem(lc, decl, v, rest, path);
    }
    case "untagged": {
      for (const v of decl.variants) {
        const p = v.payload.kind === "unit" ? (value === null ? undefined : fail("")) : payloadProblem(lc, decl, v, value, path);
        if (p === undefined) return undefined;
      }
      return fail(`${show(value)} matches no variant of ${decl.name} (an untagged enum takes the first variant that fits)`);
    }
    default:
      return assertNever(decl.repr);
  }
}

/** Whether an internally tagged newtype variant holds a unit struct (written as the tag alone). */
function heldUnitStruct(lc: LiteralContext, v: EnumVariant): boolean {
  if (v.payload.kind !== "newtype") return false;
  let t = v.payload.type;
  while (t.kind === "box") t = t.inner;
  return declOf(lc.index, t)?.kind === "unit-struct";
}

function payloadProblem(lc: LiteralContext, decl: EnumDecl, v: EnumVariant, value: unknown, path: DataPath): Problem | undefined {
  switch (v.payload.kind) {
    case "unit":
      return value === null ? undefined : { detail: `${v.name} is a unit variant`, path };
    case "newtype":
      return literalProblem(lc, v.payload.type, value, path);
    case "tuple":
      return itemsProblem(lc, v.payload.items, value, path);
    case "struct":
      return fieldsProblem(lc, `${decl.name}::${v.name}`, v.payload.fields, value, path, { missingFromDefault: false, own: false });
    default:
      return assertNever(v.payload);
  }
}

function structProblem(lc: LiteralContext, decl: StructDecl, value: unknown, path: DataPath, own: boolean): Problem | undefined {
  const main = transparentField(decl);
  if (main !== undefined) return literalProblem(lc, main.type, value, path);
  return fieldsProblem(lc, decl.name, decl.fields, value, path, { missingFromDefault: decl.missingFromDefault, own });
}

/**
 * The fields of a struct or struct variant as an object: own fields by wire name, then each
 * flattened field from what is left, as serde reads them. A left-out field needs a default.
 */
function fieldsProblem(
  lc: LiteralContext,
  owner: string,
  fields: readonly Field[],
  value: unknown,
  path: DataPath,
  options: { readonly missingFromDefault: boolean; readonly own: boolean },
): Problem | undefined {
  if (!isRecord(value)) return { detail: `expected a mapping of ${owner}'s fields, got ${show(value)}`, path };
  const left = new Map(Object.entries(value));
  for (const f of fields) {
    if (f.flatten) continue;
    if (!left.has(f.wire)) {
      const alias = f.aliases.find((a) => left.has(a));
      if (alias !== undefined) return { detail: `'${alias}' is an alias of field '${f.wire}', read but never written: write '${f.wire}'`, path: [...path, alias] };
      const defaulted =
        f.default !== undefined || f.type.kind === "optional" || !isRead(f) || options.missingFromDefault || (options.own && typeHasDefault(lc.index, f.type));
      if (!defaulted) return { detail: `field '${f.wire}' of ${owner} is required`, path };
      continue;
    }
    if (!isRead(f)) return { detail: `field '${f.wire}' of ${owner} is never read (skip: ${f.skip === "both" ? "true" : f.skip})`, path: [...path, f.wire] };
    const p = literalProblem(part(lc), f.type, left.get(f.wire), [...path, f.wire]);
    if (p) return p;
    left.delete(f.wire);
  }
  for (const f of fields) {
    if (!f.flatten || !isRead(f)) continue;
    const target = f.type.kind === "optional" ? f.type.inner : f.type;
    const inner = declOf(lc.index, target);
    const claimed = inner?.kind === "struct" ? claimedKeys(lc.index, inner, new Set()) : undefined;
    const keys = [...left.keys()].filter((k) => claimed === undefined || claimed.has(k));
    if (keys.length === 0 && (f.type.kind === "optional" || (options.own && typeHasDefault(lc.index, f.type)))) continue;
    const taken = Object.fromEntries(keys.map((k) => [k, left.get(k)]));
    // Problems point into the enclosing object: the flattened keys sit there.
    const p = literalProblem(lc, target, taken, path, options.own);
    if (p) return p;
    for (const k of keys) left.delete(k);
  }
  const [extra] = left.keys();
  if (extra === undefined) return undefined;
  const wires = fields.filter((f) => !f.flatten).map((f) => f.wire);
  return { detail: `${owner} has no field '${extra}'${meant(extra, wires)}`, path: [...path, extra] };
}

function stringProblem(decl: StringDecl, value: unknown, path: DataPath): Problem | undefined {
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

export function show(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value) ?? String(value);
}
