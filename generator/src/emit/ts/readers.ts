/**
 * The fast path of every parse: straight-line readers that check a value, apply defaults and
 * build a fresh object in one pass, returning undefined on the first problem. Only when a reader
 * refuses does the runtime walk the value again to name every issue.
 */
import { INTEGER_RANGES, MAX_EXACT_INTEGER } from "../../model/check-types.js";
import { assertNever, type Field, type IntegerName, type StructDecl, type TypeDecl, type TypeRef } from "../../model/ir.js";
import type { EmitContext } from "./context.js";
import { fieldDefaultExpr } from "./defaults.js";
import { problemName, propertyKey, readerName, shapeName } from "./names.js";
import { arrayOf, tsType } from "./type-text.js";

const FAIL = "return undefined;";

/** Statements that leave the checked value of a source expression in `value`, or return undefined. */
interface Read {
  readonly lines: string[];
  readonly value: string;
}

/** Body of `readT(v: unknown): T | undefined` for any declared type. */
export function readerBody(ctx: EmitContext, decl: TypeDecl): string {
  ctx.resetLocals();
  const self: TypeRef = { kind: "named", name: decl.name, range: decl.range };
  switch (decl.kind) {
    case "struct":
      return structReader(ctx, decl);
    case "enum":
      return [
        `if (${condition(ctx, self, "v")}) return v;`,
        `// serde's map form of a unit variant: {"name": null}`,
        `if (typeof v === "object" && v !== null) return ${ctx.runtime("variantFromMap")}(v, ${shapeName(decl.name)}) as ${decl.name} | undefined;`,
        FAIL,
      ].join("\n");
    case "open-enum":
    case "string":
      return [`if (${condition(ctx, self, "v")}) return v;`, FAIL].join("\n");
    default:
      return assertNever(decl);
  }
}

function structReader(ctx: EmitContext, decl: StructDecl): string {
  const lines: string[] = [
    `if (typeof v !== "object" || v === null) ${FAIL}`,
    `if (Array.isArray(v)) {`,
    `// serde's sequence form: the fields in order.`,
    `const fields = ${ctx.runtime("structFromSeq")}(v, ${shapeName(decl.name)});`,
    `return fields === undefined ? undefined : ${readerName(decl.name)}(fields);`,
    `}`,
    `const o = v as Record<string, unknown>;`,
  ];
  const values = decl.fields.map((f, i) => {
    const read = fieldRead(ctx, f, `r${i}`, `v${i}`);
    lines.push(`const r${i} = o[${JSON.stringify(f.wire)}];`, ...read.lines);
    return `${propertyKey(f.wire)}: ${read.value}`;
  });
  if (decl.unknownFields === "deny") {
    const known = decl.fields.map((f) => `k !== ${JSON.stringify(f.wire)}`).join(" && ") || "true";
    lines.push(`for (const k of Object.keys(o)) if (${known}) ${FAIL}`);
  }
  lines.push(`return { ${values.join(", ")} };`);
  return lines.join("\n");
}

/**
 * A field: missing (undefined) takes the default, if any; null is none for optional<T> and an
 * error otherwise (serde's rules); anything else is read as the type.
 */
function fieldRead(ctx: EmitContext, f: Field, raw: string, val: string): Read {
  const dflt = fieldDefaultExpr(ctx, f);
  const optional = f.type.kind === "optional";
  const t = f.type.kind === "optional" ? f.type.inner : f.type;
  if (!optional && dflt === undefined) return read(ctx, t, raw);
  const whenMissing = dflt ?? "undefined";
  // An optional field with a default: missing takes the default, while a value's none (a property
  // that is there but undefined, as readers return it) stays none, so a writer writes null.
  const missing = optional && dflt !== undefined ? `${raw} === undefined && !(${JSON.stringify(f.wire)} in o)` : `${raw} === undefined`;
  const simple = simpleCondition(ctx, t, raw);
  if (simple !== undefined) {
    const guard = optional ? `${raw} != null` : `${raw} !== undefined`;
    const value = optional ? (dflt === undefined ? `${raw} ?? undefined` : `${missing} ? ${dflt} : (${raw} ?? undefined)`) : `${raw} ?? ${dflt}`;
    return { lines: [`if (${guard} && ${negate(simple)}) ${FAIL}`], value };
  }
  if (t.kind === "named") {
    // A struct or enum: one call (enums: the string form inline), defaults and none around it.
    const call = namedCall(ctx, t, raw);
    const value = !optional
      ? `${raw} === undefined ? ${whenMissing} : ${call}`
      : dflt === undefined
        ? `${raw} == null ? undefined : ${call}`
        : `${missing} ? ${dflt} : ${raw} == null ? undefined : ${call}`;
    return { lines: [`const ${val} = ${value};`, `if (${val} === undefined${optional ? ` && ${raw} != null` : ""}) ${FAIL}`], value: val };
  }
  const inner = read(ctx, t, raw);
  const type = tsType(ctx, f.type);
  const lines = [`let ${val}: ${type};`, `if (${missing}) ${val} = ${whenMissing};`];
  if (optional) lines.push(`else if (${raw} == null) ${val} = undefined;`);
  lines.push(`else {`, ...inner.lines, `${val} = ${inner.value};`, `}`);
  return { lines, value: val };
}

/** Checks `src` against `t` (not optional at the top: fields handle that) and names the value. */
function read(ctx: EmitContext, t: TypeRef, src: string): Read {
  const simple = simpleCondition(ctx, t, src);
  if (simple !== undefined) return { lines: [`if (${negate(simple)}) ${FAIL}`], value: src };
  switch (t.kind) {
    case "optional": {
      const out = ctx.local("o");
      const inner = read(ctx, t.inner, src);
      return {
        lines: [`let ${out}: ${tsType(ctx, t)};`, `if (${src} != null) {`, ...inner.lines, `${out} = ${inner.value};`, `}`],
        value: out,
      };
    }
    case "list": {
      const out = ctx.local("a");
      const i = ctx.local("i");
      const e = ctx.local("e");
      const element = read(ctx, t.element, e);
      return {
        lines: [
          `if (!Array.isArray(${src})) ${FAIL}`,
          `const ${out}: ${arrayOf(tsType(ctx, t.element))} = [];`,
          `for (let ${i} = 0; ${i} < ${src}.length; ${i}++) {`,
          `const ${e}: unknown = ${src}[${i}];`,
          ...element.lines,
          `${out}.push(${element.value});`,
          `}`,
        ],
        value: out,
      };
    }
    case "map": {
      const out = ctx.local("m");
      const k = ctx.local("k");
      const e = ctx.local("e");
      const entry = read(ctx, t.value, e);
      return {
        lines: [
          `if (typeof ${src} !== "object" || ${src} === null || Array.isArray(${src}) || !${ctx.runtime("isPlainObject")}(${src})) ${FAIL}`,
          `const ${out}: Record<string, ${tsType(ctx, t.value)}> = {};`,
          `for (const ${k} of Object.keys(${src})) {`,
          `const ${e}: unknown = (${src} as Record<string, unknown>)[${k}];`,
          ...entry.lines,
          `if (${k} === "__proto__") ${ctx.runtime("setEntry")}(${out}, ${k}, ${entry.value}); else ${out}[${k}] = ${entry.value};`,
          `}`,
        ],
        value: out,
      };
    }
    case "named": {
      const out = ctx.local(ctx.decl(t.name).kind === "struct" ? "s" : "e");
      return { lines: [`const ${out} = ${namedCall(ctx, t, src)};`, `if (${out} === undefined) ${FAIL}`], value: out };
    }
    case "primitive":
      throw new Error("primitives are simple conditions");
    default:
      return assertNever(t);
  }
}

/** Reads a struct or enum: its reader; for enums the string form inline first (the map form, or an error, through the reader). */
function namedCall(ctx: EmitContext, t: Extract<TypeRef, { kind: "named" }>, src: string): string {
  const reader = `${ctx.refType(t.name, readerName(t.name))}(${src})`;
  return ctx.decl(t.name).kind === "enum" ? `${condition(ctx, t, src)} ? ${src} : ${reader}` : reader;
}

/** The whole check of `src` as one condition, for types that need no reader call or loop. */
function simpleCondition(ctx: EmitContext, t: TypeRef, src: string): string | undefined {
  if (t.kind === "primitive") return condition(ctx, t, src);
  if (t.kind === "named") {
    const kind = ctx.decl(t.name).kind;
    if (kind === "open-enum" || kind === "string") return condition(ctx, t, src);
  }
  return undefined;
}

/** The negation of a condition, written plainly for the common `typeof x === "t"`. */
function negate(cond: string): string {
  const m = /^typeof ([\w$]+) === "(\w+)"$/.exec(cond);
  return m ? `typeof ${m[1]} !== "${m[2]}"` : `!(${cond})`;
}

/** A boolean expression that holds when `src` is a valid value of a simple (non-collection) type. */
function condition(ctx: EmitContext, t: TypeRef, src: string): string {
  if (t.kind === "primitive") {
    switch (t.name) {
      case "string":
        return `typeof ${src} === "string"`;
      case "bool":
        return `typeof ${src} === "boolean"`;
      case "f64":
        return `typeof ${src} === "number" && ${src} - ${src} === 0`;
      default:
        return `typeof ${src} === "number" && ${integerTest(t.name, src)}`;
    }
  }
  if (t.kind !== "named") throw new Error(`no simple condition for ${t.kind}`);
  const decl = ctx.decl(t.name);
  switch (decl.kind) {
    case "enum":
      return decl.variants.map((v) => `${src} === ${JSON.stringify(v.wire)}`).join(" || ");
    case "open-enum":
      return `typeof ${src} === "string"`;
    case "string":
      return `typeof ${src} === "string" && ${ctx.refType(t.name, problemName(t.name))}(${src}) === undefined`;
    case "struct":
      throw new Error("structs have readers, not conditions");
    default:
      return assertNever(decl);
  }
}

/** Exact integer tests by width, cheapest first: bit operations where the range allows. */
function integerTest(name: IntegerName, x: string): string {
  switch (name) {
    case "u8":
      return `(${x} & 0xff) === ${x}`;
    case "u16":
      return `(${x} & 0xffff) === ${x}`;
    case "u32":
      return `${x} >>> 0 === ${x}`;
    case "i32":
      return `(${x} | 0) === ${x}`;
    case "u64":
    case "i64": {
      const [min] = INTEGER_RANGES[name];
      const low = min < 0n ? `-${MAX_EXACT_INTEGER}` : "0";
      return `${x} >= ${low} && ${x} <= ${MAX_EXACT_INTEGER} && ${x} % 1 === 0`;
    }
    default:
      return assertNever(name);
  }
}
