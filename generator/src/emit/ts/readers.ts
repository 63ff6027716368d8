/**
 * The fast path of every parse: straight-line readers that check a value, apply defaults and
 * build a fresh object in one pass, returning undefined on the first problem. Only when a reader
 * refuses does the runtime walk the value again to name every issue.
 */
import { INTEGER_RANGES, MAX_EXACT_INTEGER } from "../../model/check-types.js";
import { assertNever, type IntegerName, type StructDecl, type TypeDecl, type TypeRef } from "../../model/ir.js";
import type { EmitContext } from "./context.js";
import { fieldDefaultExpr } from "./defaults.js";
import { problemName, propertyKey, readerName, shapeName } from "./names.js";
import { arrayOf, tsType } from "./type-text.js";

const FAIL = "return undefined;";

/** Body of `readT(v: unknown): T | undefined` for any declared type. */
export function readerBody(ctx: EmitContext, decl: TypeDecl): string {
  ctx.resetLocals();
  switch (decl.kind) {
    case "struct":
      return structReader(ctx, decl);
    case "enum":
      return [
        `if (${condition(ctx, { kind: "named", name: decl.name, range: decl.range }, "v")}) return v;`,
        `// serde's map form of a unit variant: {"name": null}`,
        `if (typeof v === "object" && v !== null) return ${ctx.runtime("variantFromMap")}(v, ${shapeName(decl.name)}) as ${decl.name} | undefined;`,
        FAIL,
      ].join("\n");
    case "open-enum":
    case "string":
      return [`if (${condition(ctx, { kind: "named", name: decl.name, range: decl.range }, "v")}) return v;`, FAIL].join("\n");
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
  const values: string[] = [];
  decl.fields.forEach((f, i) => {
    const raw = `r${i}`;
    const val = `v${i}`;
    values.push(`${propertyKey(f.wire)}: ${val}`);
    lines.push(`const ${raw} = o[${JSON.stringify(f.wire)}];`);
    lines.push(`let ${val}: ${tsType(ctx, f.type)};`);
    const dflt = fieldDefaultExpr(ctx, f);
    const assign = (expr: string): string => `${val} = ${expr};`;
    const rest = (t: TypeRef): string[] => {
      const simple = simpleCondition(ctx, t, raw);
      return simple !== undefined ? [`else if (${simple}) ${assign(raw)}`, `else ${FAIL}`] : [`else {`, ...check(ctx, t, raw, assign), `}`];
    };
    if (f.type.kind === "optional") {
      if (dflt !== undefined) {
        lines.push(`if (${raw} === undefined) ${assign(dflt)}`, `else if (${raw} === null) ${assign("undefined")}`);
      } else {
        lines.push(`if (${raw} === undefined || ${raw} === null) ${assign("undefined")}`);
      }
      lines.push(...rest(f.type.inner));
    } else if (dflt !== undefined) {
      lines.push(`if (${raw} === undefined) ${assign(dflt)}`, ...rest(f.type));
    } else {
      lines.push(...check(ctx, f.type, raw, assign));
    }
  });
  if (decl.unknownFields === "deny") {
    const known = decl.fields.map((f) => `k !== ${JSON.stringify(f.wire)}`).join(" && ") || "true";
    lines.push(`for (const k of Object.keys(o)) if (${known}) ${FAIL}`);
  }
  lines.push(`return { ${values.join(", ")} };`);
  return lines.join("\n");
}

/**
 * Statements that check `src` against `t` and call `assign` with the value to keep, or fail.
 * Simple types become one `if`; collections loop; structs call their reader.
 */
function check(ctx: EmitContext, t: TypeRef, src: string, assign: (expr: string) => string): string[] {
  switch (t.kind) {
    case "optional": {
      return [
        `if (${src} === undefined || ${src} === null) ${assign("undefined")}`,
        `else {`,
        ...check(ctx, t.inner, src, assign),
        `}`,
      ];
    }
    case "list": {
      const out = ctx.local("a");
      const i = ctx.local("i");
      const e = ctx.local("e");
      return [
        `if (!Array.isArray(${src})) ${FAIL}`,
        `const ${out}: ${arrayOf(tsType(ctx, t.element))} = [];`,
        `for (let ${i} = 0; ${i} < ${src}.length; ${i}++) {`,
        `const ${e}: unknown = ${src}[${i}];`,
        ...check(ctx, t.element, e, (x) => `${out}.push(${x});`),
        `}`,
        assign(out),
      ];
    }
    case "map": {
      const out = ctx.local("m");
      const k = ctx.local("k");
      const e = ctx.local("e");
      const setEntry = ctx.runtime("setEntry");
      return [
        `if (typeof ${src} !== "object" || ${src} === null || Array.isArray(${src})) ${FAIL}`,
        `const ${out}: Record<string, ${tsType(ctx, t.value)}> = {};`,
        `for (const ${k} of Object.keys(${src})) {`,
        `const ${e}: unknown = (${src} as Record<string, unknown>)[${k}];`,
        ...check(ctx, t.value, e, (x) => `if (${k} === "__proto__") ${setEntry}(${out}, ${k}, ${x}); else ${out}[${k}] = ${x};`),
        `}`,
        assign(out),
      ];
    }
    case "named": {
      const decl = ctx.decl(t.name);
      if (decl.kind === "struct") {
        const s = ctx.local("s");
        return [`const ${s} = ${ctx.refType(t.name, readerName(t.name))}(${src});`, `if (${s} === undefined) ${FAIL}`, assign(s)];
      }
      if (decl.kind === "enum") {
        // The string form inline; anything else (the map form, or an error) through the reader.
        const e = ctx.local("e");
        return [
          `if (${condition(ctx, t, src)}) ${assign(src)}`,
          `else {`,
          `const ${e} = ${ctx.refType(t.name, readerName(t.name))}(${src});`,
          `if (${e} === undefined) ${FAIL}`,
          assign(e),
          `}`,
        ];
      }
      return [`if (${condition(ctx, t, src)}) ${assign(src)}`, `else ${FAIL}`];
    }
    case "primitive":
      return [`if (${condition(ctx, t, src)}) ${assign(src)}`, `else ${FAIL}`];
    default:
      return assertNever(t);
  }
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
