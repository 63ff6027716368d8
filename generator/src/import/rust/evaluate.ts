/**
 * Evaluates the Rust expressions that give defaults (a `default = "fn"` function, an
 * `impl Default`) to the wire JSON the IDL writes: literals, `String::new()`, `Vec::new()`,
 * `vec![...]`, `Some(..)`, constants, calls of other such functions, `Self::Variant`, struct
 * literals (with `..Default::default()`), and integer arithmetic. Anything that computes
 * (reads the environment, calls a method) is refused with the reason.
 */
import { pathSegments, type FileItems, type FnItem } from "./collect.js";
import type { ImportContext } from "./context.js";
import type { Decl, EnumDecl, FieldDecl, StructDecl, VariantDecl } from "./decls.js";
import { MAX_EXACT_INTEGER } from "../../model/facts.js";
import { INTEGER_RANGES, isFloat, isInteger, sameJson, type IdlType, type JsonValue } from "./idl-type.js";
import type { Node } from "./parser.js";
import { allChildren, charLiteral, field, namedChildren, stringLiteral } from "./syntax.js";

/** A value as wire JSON, or why the expression is not a literal. */
export type Evaluated = { readonly ok: true; readonly value: JsonValue } | { readonly ok: false; readonly detail: string };

interface Scope {
  readonly file: FileItems;
  /** The type `Self` stands for. */
  readonly self: string | undefined;
}

const fail = (detail: string): Evaluated => ({ ok: false, detail });
const ok = (value: JsonValue): Evaluated => ({ ok: true, value });

/** Constructors of an empty value, by type name. */
const EMPTY_CONSTRUCTORS = new Set(["String", "Vec", "VecDeque", "BTreeMap", "HashMap", "BTreeSet", "HashSet"]);

/** Evaluates default expressions, with a guard against recursion and a cache of struct defaults. */
export class Evaluator {
  /** Functions and defaults being evaluated, to refuse recursion. */
  private readonly active = new Set<string>();
  private readonly structDefaults = new Map<string, Evaluated>();

  constructor(private readonly ctx: ImportContext) {}

  /** Evaluates the function a `default = "path"` names, for a value of type `expected`. */
  evaluateFnPath(file: FileItems, path: string, expected: IdlType, self: string | undefined): Evaluated | "unresolved" {
    const fn = this.findFn(file, path.split("::"), self);
    if (!fn) return "unresolved";
    return this.callFn(fn.file, fn.fn, expected, self);
  }

  /** The function a path names: free, or an associated function of an inherent impl (`Type::f`, `Self::f`). */
  findFn(file: FileItems, segments: readonly string[], self: string | undefined): { file: FileItems; fn: FnItem } | undefined {
    const segs = segments[0] === "Self" && self !== undefined ? [self, ...segments.slice(1)] : segments;
    const found = this.ctx.crate.resolve(file, segs, (f, n) => f.fns.get(n));
    if ("file" in found) return { file: found.file, fn: found.value };
    // `Type::function`: an associated function of an inherent impl.
    if (segs.length >= 2) {
      const typeName = segs.at(-2)!;
      const fnName = segs.at(-1)!;
      const typeFound = this.ctx.crate.resolve(file, segs.slice(0, -1), (f, n) => f.types.get(n));
      const files = "file" in typeFound ? [typeFound.file] : this.ctx.crate.files;
      for (const f of files) {
        for (const impl of f.impls) {
          const fn = impl.trait === undefined && impl.type === typeName ? impl.fns.get(fnName) : undefined;
          if (fn) return { file: f, fn };
        }
      }
    }
    return undefined;
  }

  private callFn(file: FileItems, fn: FnItem, expected: IdlType, self: string | undefined): Evaluated {
    const key = `${file.file.path}:${fn.node.startIndex}`;
    if (this.active.has(key)) return fail(`'${fn.name}' calls itself`);
    if (fn.params.length > 0 || fn.hasSelf) return fail(`'${fn.name}' takes arguments`);
    if (!fn.body) return fail(`'${fn.name}' has no body`);
    this.active.add(key);
    try {
      return this.evaluate(fn.body, expected, { file, self });
    } finally {
      this.active.delete(key);
    }
  }

  /** Evaluates an expression for a value of type `expected`, as wire JSON. */
  evaluate(node: Node, expected: IdlType, scope: Scope): Evaluated {
    const t = expected.k === "box" ? expected.of : expected;
    switch (node.type) {
      case "block": {
        const tail = blockTail(node);
        return tail ? this.evaluate(tail, expected, scope) : fail("its body is not a single expression");
      }
      case "expression_statement":
      case "parenthesized_expression":
      case "return_expression": {
        const inner = namedChildren(node)[0];
        return inner ? this.evaluate(inner, expected, scope) : fail(`empty ${node.type}`);
      }
      case "reference_expression": {
        const inner = field(node, "value");
        return inner ? this.evaluate(inner, expected, scope) : fail("a reference");
      }
      case "integer_literal":
      case "float_literal":
      case "unary_expression":
      case "binary_expression":
        return this.number(node, t, scope);
      case "boolean_literal":
        return t.k === "scalar" && (t.name === "bool" || t.name === "json")
          ? ok(node.text === "true")
          : fail(`a bool where ${describe(t)} is expected`);
      case "string_literal":
      case "raw_string_literal": {
        const s = stringLiteral(node)!;
        return isStringy(t) ? ok(s) : fail(`a string where ${describe(t)} is expected`);
      }
      case "char_literal": {
        const c = charLiteral(node)!;
        return isStringy(t) ? ok(c) : fail(`a char where ${describe(t)} is expected`);
      }
      case "unit_expression":
        return ok(null);
      case "tuple_expression":
      case "array_expression":
        return this.sequence(namedChildren(node), t, scope);
      case "identifier":
      case "scoped_identifier":
        return this.path(node, t, scope);
      case "call_expression":
        return this.call(node, t, scope);
      case "macro_invocation":
        return this.macro(node, t, scope);
      case "struct_expression":
        return this.structLiteral(node, t, scope);
      default:
        return fail(`'${shorten(node.text)}' is not a literal`);
    }
  }

  private number(node: Node, t: IdlType, scope: Scope): Evaluated {
    const n = this.numeric(node, scope);
    if (typeof n === "string") return fail(n);
    if (isInteger(t)) {
      if (typeof n !== "bigint") return fail(`${n} is not an integer`);
      const [lo, hi] = INTEGER_RANGES[(t as { name: string }).name]!;
      if (n < lo || n > hi) return fail(`${n} is out of range for ${describe(t)}`);
      // The loader's bound (2^53 itself is exact in a JavaScript number).
      if (n > MAX_EXACT_INTEGER || n < -MAX_EXACT_INTEGER)
        return fail(`${n} is beyond 2^53, which the IDL's numbers cannot hold exactly`);
      return ok(Number(n));
    }
    if (isFloat(t) || (t.k === "scalar" && t.name === "json")) {
      const v = Number(n);
      return Number.isFinite(v) ? ok(v) : fail(`${node.text} is not finite`);
    }
    return fail(`a number where ${describe(t)} is expected`);
  }

  /** An integer (bigint) or float (number) value, or why not. */
  private numeric(node: Node, scope: Scope): bigint | number | string {
    switch (node.type) {
      case "integer_literal": {
        const text = node.text.replace(/_/g, "").replace(/(u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize)$/, "");
        if (/(f32|f64)$/.test(node.text)) return Number(text.replace(/(f32|f64)$/, ""));
        try {
          return BigInt(text);
        } catch {
          return `'${node.text}' is not an integer`;
        }
      }
      case "float_literal":
        return Number(node.text.replace(/_/g, "").replace(/(f32|f64)$/, ""));
      case "parenthesized_expression": {
        const inner = namedChildren(node)[0];
        return inner ? this.numeric(inner, scope) : "empty parentheses";
      }
      case "unary_expression": {
        const op = allChildren(node)[0]?.text;
        const arg = namedChildren(node)[0];
        if (op !== "-" || !arg) return `'${shorten(node.text)}' is not a number`;
        const v = this.numeric(arg, scope);
        return typeof v === "string" ? v : -v;
      }
      case "binary_expression": {
        const left = field(node, "left");
        const right = field(node, "right");
        const op = field(node, "operator")?.text ?? allChildren(node)[1]?.text;
        if (!left || !right) return "an incomplete expression";
        const a = this.numeric(left, scope);
        const b = this.numeric(right, scope);
        if (typeof a === "string") return a;
        if (typeof b === "string") return b;
        if (typeof a !== typeof b) return `'${shorten(node.text)}' mixes integers and floats`;
        switch (op) {
          case "+":
            return (a as number) + (b as number);
          case "-":
            return (a as number) - (b as number);
          case "*":
            return (a as number) * (b as number);
          case "/":
            if (b === 0n || b === 0) return "a division by zero";
            return (a as number) / (b as number);
          default:
            return `'${shorten(node.text)}' uses '${op}'`;
        }
      }
      case "identifier":
      case "scoped_identifier": {
        const segs = pathSegments(node);
        if (segs.length === 2 && INTEGER_RANGES[segs[0]!] && (segs[1] === "MAX" || segs[1] === "MIN")) {
          return INTEGER_RANGES[segs[0]!]![segs[1] === "MAX" ? 1 : 0];
        }
        const c = this.ctx.crate.resolve(scope.file, segs, (f, n) => f.consts.get(n));
        if ("file" in c && c.value.value) return this.numeric(c.value.value, { ...scope, file: c.file });
        return `'${node.text}' is not a constant of the imported files`;
      }
      case "call_expression": {
        const v = this.call(node, { k: "scalar", name: "f64" }, scope);
        return v.ok && typeof v.value === "number" ? v.value : v.ok ? `'${shorten(node.text)}' is not a number` : v.detail;
      }
      default:
        return `'${shorten(node.text)}' is not a number`;
    }
  }

  private sequence(items: readonly Node[], t: IdlType, scope: Scope): Evaluated {
    const out: JsonValue[] = [];
    for (const [i, item] of items.entries()) {
      const element = elementType(t, i);
      if (!element) return fail(`a sequence where ${describe(t)} is expected`);
      const v = this.evaluate(item, element, scope);
      if (!v.ok) return v;
      out.push(v.value);
    }
    if (t.k === "tuple" && out.length !== t.items.length) return fail(`${out.length} values for ${describe(t)}`);
    if (t.k === "array" && out.length !== t.length) return fail(`${out.length} values for ${describe(t)}`);
    return ok(t.k === "set" || t.k === "hash_set" ? sortUnique(out) : out);
  }

  /** `BTreeMap::from([(key, value), ...])`: an object, keys as JSON writes them (integers as decimal text). */
  private mapFromPairs(node: Node, key: IdlType, value: IdlType, scope: Scope): Evaluated {
    if (node.type !== "array_expression") return fail(`'${shorten(node.text)}' is not an array of pairs`);
    const out: Record<string, JsonValue> = {};
    for (const pair of namedChildren(node)) {
      const [k, v] = pair.type === "tuple_expression" ? namedChildren(pair) : [];
      if (!k || !v || namedChildren(pair).length !== 2) return fail(`'${shorten(pair.text)}' is not a (key, value) pair`);
      const kv = this.evaluate(k, key, scope);
      if (!kv.ok) return kv;
      if (typeof kv.value !== "string" && typeof kv.value !== "number")
        return fail(`key '${shorten(k.text)}' is not a string or an integer`);
      const vv = this.evaluate(v, value, scope);
      if (!vv.ok) return vv;
      out[String(kv.value)] = vv.value;
    }
    return ok(Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
  }

  /** A constant, a unit variant (`Self::Worker`), or `None`. */
  private path(node: Node, t: IdlType, scope: Scope): Evaluated {
    const segs = pathSegments(node);
    if (segs.length === 1 && segs[0] === "None")
      return t.k === "optional" || isJson(t) ? ok(null) : fail(`None where ${describe(t)} is expected`);
    const variant = this.variantOf(segs, t, scope);
    if (variant)
      return variant.variant.shape === "unit"
        ? ok(encodeVariant(variant.decl, variant.variant, null))
        : fail(`'${node.text}' is not a unit variant`);
    const c = this.ctx.crate.resolve(scope.file, segs, (f, n) => f.consts.get(n));
    if ("file" in c && c.value.value) return this.evaluate(c.value.value, t, { ...scope, file: c.file });
    if (segs.length === 2 && INTEGER_RANGES[segs[0]!]) return this.number(node, t, scope);
    return fail(`'${node.text}' is not a constant of the imported files`);
  }

  /** `Self::X` or `Enum::X` naming a variant of the expected enum. */
  private variantOf(segs: readonly string[], t: IdlType, scope: Scope): { decl: EnumDecl; variant: VariantDecl } | undefined {
    if (segs.length < 2) return undefined;
    const typeName = segs.at(-2) === "Self" ? scope.self : segs.at(-2);
    const decl = typeName === undefined ? undefined : this.ctx.declNamed(typeName);
    if (decl?.kind !== "enum") return undefined;
    if (t.k === "named" && t.name !== decl.name) return undefined;
    const variant = decl.variants.find((v) => v.name === segs.at(-1));
    return variant && { decl, variant };
  }

  private call(node: Node, t: IdlType, scope: Scope): Evaluated {
    const fnNode = field(node, "function");
    const argsNode = field(node, "arguments");
    const args = argsNode ? namedChildren(argsNode) : [];
    if (!fnNode) return fail("a call");
    // `"x".to_string()`, `"x".into()`, `"x".to_owned()`, `String::from("x")`.
    if (fnNode.type === "field_expression") {
      const method = field(fnNode, "field")?.text;
      const receiver = field(fnNode, "value");
      if (receiver && args.length === 0 && (method === "to_string" || method === "to_owned" || method === "into" || method === "clone")) {
        return this.evaluate(receiver, t, scope);
      }
      return fail(`'${shorten(node.text)}' calls a method`);
    }
    const segs = pathSegments(fnNode.type === "generic_function" ? (field(fnNode, "function") ?? fnNode) : fnNode);
    const last = segs.at(-1)!;
    const owner = segs.at(-2);
    if (segs.length === 1 && last === "Some") {
      const inner = t.k === "optional" ? t.of : isJson(t) ? t : undefined;
      if (!inner || args.length !== 1) return fail(`Some(..) where ${describe(t)} is expected`);
      return this.evaluate(args[0]!, inner, scope);
    }
    if (owner !== undefined && last === "from" && args.length === 1) {
      return t.k === "map" || t.k === "hash_map" ? this.mapFromPairs(args[0]!, t.key, t.value, scope) : this.evaluate(args[0]!, t, scope);
    }
    if (last === "new" && owner !== undefined && EMPTY_CONSTRUCTORS.has(owner) && args.length === 0) {
      const empty = this.typeDefault(t);
      return empty === undefined ? fail(`${owner}::new() where ${describe(t)} is expected`) : ok(empty);
    }
    if (
      last === "default" &&
      args.length === 0 &&
      (owner === "Default" || owner === undefined || owner === "Self" || owner === nameOf(t) || EMPTY_CONSTRUCTORS.has(owner))
    ) {
      if (owner === "Self" && scope.self !== undefined && nameOf(t) !== scope.self) return fail("Self::default() of another type");
      const d = this.typeDefault(t);
      return d === undefined ? fail(`${describe(t)} has no default`) : ok(d);
    }
    const variant = this.variantOf(segs, t, scope);
    if (variant) return this.variantCall(variant.decl, variant.variant, args, scope);
    // A newtype or tuple struct built in place: `Meters(5)`.
    const decl = this.ctx.declNamed(owner === undefined && last === "Self" ? (scope.self ?? "") : last);
    if (decl && (decl.kind === "newtype" || decl.kind === "tuple-struct") && t.k === "named" && t.name === decl.name) {
      if (decl.kind === "newtype")
        return args.length === 1 ? this.evaluate(args[0]!, decl.type, scope) : fail(`${decl.name} takes one value`);
      return this.sequence(args, { k: "tuple", items: decl.items }, scope);
    }
    if (args.length > 0) return fail(`'${shorten(node.text)}' calls a function with arguments`);
    const fn = this.findFn(scope.file, segs, scope.self);
    if (!fn) return fail(`'${segs.join("::")}' is not a function of the imported files`);
    return this.callFn(fn.file, fn.fn, t, scope.self);
  }

  private variantCall(decl: EnumDecl, variant: VariantDecl, args: readonly Node[], scope: Scope): Evaluated {
    if (variant.shape === "newtype" && variant.type && args.length === 1) {
      const v = this.evaluate(args[0]!, variant.type, scope);
      return v.ok ? ok(encodeVariant(decl, variant, v.value)) : v;
    }
    if (variant.shape === "tuple" && variant.tuple) {
      const v = this.sequence(args, { k: "tuple", items: variant.tuple }, scope);
      return v.ok ? ok(encodeVariant(decl, variant, v.value)) : v;
    }
    return fail(`${decl.name}::${variant.name} is not built that way`);
  }

  private macro(node: Node, t: IdlType, scope: Scope): Evaluated {
    const name = field(node, "macro")?.text;
    if (name !== "vec") return fail(`'${name}!' is a macro`);
    const tokens = namedChildren(node).find((c) => c.type === "token_tree");
    if (tokens && namedChildren(tokens).length > 0 && allChildren(tokens).some((c) => c.type === ";"))
      return fail(`'${shorten(node.text)}' repeats a value`);
    const args = this.ctx.macroArgs(node);
    return args ? this.sequence(args, t, scope) : fail(`'${shorten(node.text)}' is not a list of values`);
  }

  private structLiteral(node: Node, t: IdlType, scope: Scope): Evaluated {
    const nameNode = field(node, "name");
    const segs = nameNode ? pathSegments(nameNode) : [];
    const selfName = segs.length === 1 && segs[0] === "Self" ? scope.self : undefined;
    const variant = segs.length >= 2 ? this.variantOf(segs, t, scope) : undefined;
    const target = selfName ?? segs.at(-1);
    let fields: readonly FieldDecl[];
    let structDecl: StructDecl | undefined;
    if (variant) {
      fields = variant.variant.fields ?? [];
    } else {
      const decl = target === undefined ? undefined : this.ctx.declNamed(target);
      if (decl?.kind !== "struct" || (t.k === "named" && t.name !== decl.name))
        return fail(`'${shorten(node.text)}' where ${describe(t)} is expected`);
      structDecl = decl;
      fields = decl.fields;
    }
    const body = field(node, "body");
    const values = new Map<string, JsonValue>();
    let base: Record<string, JsonValue> | undefined;
    for (const init of body ? namedChildren(body) : []) {
      if (init.type === "field_initializer") {
        const name = field(init, "field")?.text.replace(/^r#/, "");
        const value = field(init, "value");
        const f = fields.find((x) => x.name === name);
        if (!f || !value) return fail(`no field '${name}'`);
        const v = this.evaluate(value, f.type, scope);
        if (!v.ok) return fail(`${name}: ${v.detail}`);
        values.set(f.name, v.value);
      } else if (init.type === "base_field_initializer") {
        const expr = namedChildren(init)[0];
        if (!structDecl || !expr) return fail("a `..base` here");
        const b = this.evaluate(expr, { k: "named", name: structDecl.name }, scope);
        if (!b.ok) return b;
        base = b.value as Record<string, JsonValue>;
      } else if (init.type === "shorthand_field_initializer") {
        return fail(`'${init.text}' names a variable`);
      }
    }
    const out: Record<string, JsonValue> = {};
    for (const f of fields) {
      if (f.skip === true) continue;
      const v = values.has(f.name) ? values.get(f.name)! : base?.[f.wire];
      if (v === undefined) return fail(`no value for field '${f.name}'`);
      if (f.flatten) return fail(`field '${f.name}' is flattened`);
      out[f.wire] = v;
    }
    return ok(variant ? encodeVariant(variant.decl, variant.variant, out) : out);
  }

  /** The type's own default as wire JSON (serde's `#[serde(default)]`), or undefined. */
  typeDefault(t: IdlType): JsonValue | undefined {
    switch (t.k) {
      case "scalar":
        switch (t.name) {
          case "string":
            return "";
          case "char":
            return "\u0000";
          case "bool":
            return false;
          case "unit":
          case "json":
            return null;
          default:
            return 0;
        }
      case "optional":
        return null;
      case "list":
      case "set":
      case "hash_set":
        return [];
      case "map":
      case "hash_map":
        return {};
      case "box":
        return this.typeDefault(t.of);
      case "tuple": {
        const items = t.items.map((i) => this.typeDefault(i));
        return items.every((i) => i !== undefined) ? (items as JsonValue[]) : undefined;
      }
      case "array": {
        if (t.length === 0) return [];
        const d = this.typeDefault(t.of);
        return d === undefined || t.length > 32 ? undefined : Array.from({ length: t.length }, () => d);
      }
      case "named": {
        const decl = this.ctx.declNamed(t.name);
        return decl ? this.declDefault(decl) : undefined;
      }
    }
  }

  /** The Rust `Default::default()` of a declaration, as wire JSON (full, every field). */
  declDefault(decl: Decl): JsonValue | undefined {
    if (decl.kind === "enum") {
      const v = decl.variants.find((x) => x.name === decl.defaultVariant);
      return v ? encodeVariant(decl, v, null) : undefined;
    }
    if (!decl.rustDefault) return undefined;
    const result = this.rustDefault(decl);
    return result.ok ? result.value : undefined;
  }

  /** Evaluates a declaration's Default: derived (each field's type default) or its `impl Default`. */
  rustDefault(decl: Exclude<Decl, EnumDecl>): Evaluated {
    const cached = this.structDefaults.get(decl.name);
    if (cached) return cached;
    const key = `default:${decl.name}`;
    if (this.active.has(key)) return fail(`${decl.name}'s Default uses itself`);
    this.active.add(key);
    try {
      let result: Evaluated;
      if (decl.rustDefault === "derive") {
        result = this.derivedDefault(decl);
      } else if (decl.rustDefault) {
        result = this.evaluate(decl.rustDefault.fn, { k: "named", name: decl.name }, { file: decl.file, self: decl.name });
      } else {
        result = fail(`${decl.name} has no Default`);
      }
      this.structDefaults.set(decl.name, result);
      return result;
    } finally {
      this.active.delete(key);
    }
  }

  private derivedDefault(decl: Exclude<Decl, EnumDecl>): Evaluated {
    switch (decl.kind) {
      case "unit-struct":
        return ok(null);
      case "newtype": {
        const d = this.typeDefault(decl.type);
        return d === undefined ? fail(`${decl.name}'s field has no default`) : ok(d);
      }
      case "tuple-struct": {
        const d = this.typeDefault({ k: "tuple", items: decl.items });
        return d === undefined ? fail(`a field of ${decl.name} has no default`) : ok(d);
      }
      case "struct": {
        const out: Record<string, JsonValue> = {};
        for (const f of decl.fields) {
          if (f.skip === true) continue;
          const d = this.typeDefault(f.type);
          if (d === undefined) return fail(`field '${f.name}' has no default`);
          out[f.wire] = d;
        }
        return ok(out);
      }
    }
  }

  /** What a missing field takes in the IDL: its `default:`, else its type's default. */
  impliedFieldDefault(f: FieldDecl): JsonValue | undefined {
    if (f.fullDefault !== undefined) return f.fullDefault;
    return f.default !== undefined ? f.default : this.typeDefault(f.type);
  }

  /** A struct value with the fields that equal what the IDL fills in left out (recursively). */
  minimize(t: IdlType, value: JsonValue): JsonValue {
    const inner = t.k === "box" ? t.of : t;
    if (value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) {
      if (inner.k === "list" || inner.k === "set" || inner.k === "hash_set" || inner.k === "array")
        return value.map((v) => this.minimize(inner.of, v));
      if (inner.k === "tuple") return value.map((v, i) => (inner.items[i] ? this.minimize(inner.items[i]!, v) : v));
      return value;
    }
    if (inner.k === "optional") return this.minimize(inner.of, value);
    if (inner.k === "map" || inner.k === "hash_map")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.minimize(inner.value, v)]));
    if (inner.k !== "named") return value;
    const decl = this.ctx.declNamed(inner.name);
    if (decl?.kind !== "struct" || decl.fields.some((f) => f.flatten)) return value;
    const out: Record<string, JsonValue> = {};
    for (const f of decl.fields) {
      if (!Object.hasOwn(value, f.wire)) continue;
      const v = value[f.wire]!;
      if (sameJson(v, this.impliedFieldDefault(f))) continue;
      out[f.wire] = this.minimize(f.type, v);
    }
    return out;
  }
}

/** A variant's value in its enum's representation. */
export function encodeVariant(decl: EnumDecl, variant: VariantDecl, content: JsonValue): JsonValue {
  const wire = variant.wire;
  const unit = variant.shape === "unit";
  if (decl.untagged) return unit ? null : content;
  if (decl.tag !== undefined && decl.content !== undefined)
    return unit ? { [decl.tag]: wire } : { [decl.tag]: wire, [decl.content]: content };
  if (decl.tag !== undefined) {
    const fields = content !== null && typeof content === "object" && !Array.isArray(content) ? content : {};
    return { [decl.tag]: wire, ...fields };
  }
  return unit ? wire : { [wire]: content };
}

/** The tail expression of a block (its last statement, when that has no `;`). */
function blockTail(block: Node): Node | undefined {
  const statements = namedChildren(block).filter((c) => c.type !== "line_comment" && c.type !== "block_comment");
  if (statements.length !== 1) return undefined;
  const only = statements[0]!;
  if (only.type === "expression_statement") {
    const endsWithSemicolon = allChildren(only).at(-1)?.type === ";";
    const inner = namedChildren(only)[0];
    return endsWithSemicolon && inner?.type !== "return_expression" ? undefined : inner;
  }
  return only.type.endsWith("_item") || only.type === "let_declaration" ? undefined : only;
}

function elementType(t: IdlType, i: number): IdlType | undefined {
  switch (t.k) {
    case "list":
    case "set":
    case "hash_set":
    case "array":
      return t.of;
    case "tuple":
      return t.items[i];
    case "scalar":
      return t.name === "json" ? t : undefined;
    default:
      return undefined;
  }
}

function isStringy(t: IdlType): boolean {
  return t.k === "scalar" && (t.name === "string" || t.name === "char" || t.name === "json");
}

function isJson(t: IdlType): boolean {
  return t.k === "scalar" && t.name === "json";
}

function nameOf(t: IdlType): string | undefined {
  return t.k === "named" ? t.name : undefined;
}

function describe(t: IdlType): string {
  switch (t.k) {
    case "scalar":
    case "named":
      return t.name;
    default:
      return t.k;
  }
}

function sortUnique(values: JsonValue[]): JsonValue[] {
  const seen = new Map<string, JsonValue>();
  for (const v of values) seen.set(JSON.stringify(v), v);
  return [...seen.values()].sort((a, b) =>
    typeof a === "number" && typeof b === "number" ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0,
  );
}

function shorten(text: string): string {
  const one = text.replace(/\s+/g, " ");
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}
