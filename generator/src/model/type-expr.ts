/**
 * Parses type expressions such as `map<u32, list<SecretScope>>` or `array<u8, 3>`, keeping a range
 * per part. One table entry per kind of expression says its name, its arguments and how it builds
 * the TypeRef; names are resolved later (resolve-type.ts), map keys and set elements are checked
 * once every type is known (check-types.ts).
 */
import type { SourceRange } from "../diagnostics/diagnostic.js";
import { isPrimitiveName, type TypeRef } from "./ir.js";

export type RangeOf = (start: number, end: number) => SourceRange;

export type TypeExprResult =
  | { readonly ok: true; readonly type: TypeRef }
  | { readonly ok: false; readonly detail: string; readonly range: SourceRange };

/** An argument as written: a type, or a number (the length of `array<T, N>`). */
type Arg = { readonly kind: "type"; readonly type: TypeRef } | { readonly kind: "number"; readonly value: number; readonly range: SourceRange };

/** What one position of a generic expects. */
type ArgRule = "type" | "length";

interface Generic {
  /** How the expression is written, for messages: `map<K, V>`. */
  readonly form: string;
  /** The rule of each argument; `variadic` repeats the last one. */
  readonly args: readonly ArgRule[];
  /** For a variadic generic, the most arguments it takes. */
  readonly variadic?: { readonly max: number; readonly why: string };
  /** Builds the node from arguments that follow the rules; a string is what is wrong with them. */
  build(args: readonly Arg[], range: SourceRange): TypeRef | string;
}

/** The longest array serde implements (de)serialization for: `[T; 0]` to `[T; 32]`. */
export const MAX_ARRAY_LENGTH = 32;
/** The longest tuple serde implements (de)serialization for. */
export const MAX_TUPLE_LENGTH = 16;

const typeOf = (a: Arg | undefined): TypeRef => (a as Extract<Arg, { kind: "type" }>).type;

/** Every generic type expression, by name. */
export const GENERICS: Readonly<Record<string, Generic>> = {
  optional: { form: "optional<T>", args: ["type"], build: (a, range) => ({ kind: "optional", inner: typeOf(a[0]), range }) },
  list: { form: "list<T>", args: ["type"], build: (a, range) => ({ kind: "list", element: typeOf(a[0]), range }) },
  set: { form: "set<T>", args: ["type"], build: (a, range) => ({ kind: "set", element: typeOf(a[0]), hashed: false, range }) },
  hash_set: { form: "hash_set<T>", args: ["type"], build: (a, range) => ({ kind: "set", element: typeOf(a[0]), hashed: true, range }) },
  map: {
    form: "map<K, V>",
    args: ["type", "type"],
    build: (a, range) => ({ kind: "map", key: typeOf(a[0]), value: typeOf(a[1]), hashed: false, range }),
  },
  hash_map: {
    form: "hash_map<K, V>",
    args: ["type", "type"],
    build: (a, range) => ({ kind: "map", key: typeOf(a[0]), value: typeOf(a[1]), hashed: true, range }),
  },
  tuple: {
    form: "tuple<A, B, ...>",
    args: ["type"],
    variadic: { max: MAX_TUPLE_LENGTH, why: `serde implements tuples of 1 to ${MAX_TUPLE_LENGTH} elements` },
    build: (a, range) => ({ kind: "tuple", items: a.map(typeOf), range }),
  },
  array: {
    form: "array<T, N>",
    args: ["type", "length"],
    build: (a, range) => {
      const n = a[1] as Extract<Arg, { kind: "number" }>;
      if (n.value > MAX_ARRAY_LENGTH) return `an array has 0 to ${MAX_ARRAY_LENGTH} elements (serde implements no longer [T; N]); got ${n.value}`;
      return { kind: "array", element: typeOf(a[0]), length: n.value, range };
    },
  },
  box: { form: "box<T>", args: ["type"], build: (a, range) => ({ kind: "box", inner: typeOf(a[0]), range }) },
};

/** Names that are types on their own and take no arguments, beside the primitives. */
const KEYWORDS = { json: (range: SourceRange): TypeRef => ({ kind: "json", range }) } as const;

function genericsList(): string {
  const forms = Object.values(GENERICS).map((g) => g.form);
  return `${forms.slice(0, -1).join(", ")} and ${forms.at(-1)!}`;
}

/**
 * Parses `text`, where `rangeOf(start, end)` maps offsets within the text to source ranges.
 * Named types are not resolved here.
 */
export function parseTypeExpr(text: string, rangeOf: RangeOf): TypeExprResult {
  let pos = 0;
  const fail = (detail: string, at = pos, end = Math.min(text.length, at + 1)): { ok: false; detail: string; range: SourceRange } => ({
    ok: false,
    detail,
    range: rangeOf(at, end),
  });
  const skip = (): void => {
    while (pos < text.length && (text[pos] === " " || text[pos] === "\t")) pos++;
  };

  const parseArg = (depth: number): { ok: true; arg: Arg } | { ok: false; detail: string; range: SourceRange } => {
    skip();
    const start = pos;
    if (/[0-9]/.test(text[pos] ?? "")) {
      while (pos < text.length && /[0-9]/.test(text[pos]!)) pos++;
      if (pos < text.length && /[A-Za-z_]/.test(text[pos]!)) {
        while (pos < text.length && /[A-Za-z0-9_]/.test(text[pos]!)) pos++;
        return fail(`'${text.slice(start, pos)}' is not a type name`, start, pos);
      }
      const digits = text.slice(start, pos);
      if (digits.length > 1 && digits.startsWith("0")) return fail(`write the number ${digits} without leading zeros`, start, pos);
      return { ok: true, arg: { kind: "number", value: Number(digits), range: rangeOf(start, pos) } };
    }
    const parsed = parse(depth);
    return parsed.ok ? { ok: true, arg: { kind: "type", type: parsed.type } } : parsed;
  };

  const parse = (depth: number): TypeExprResult => {
    if (depth > 32) return fail("nested too deeply");
    skip();
    const start = pos;
    while (pos < text.length && /[A-Za-z0-9_]/.test(text[pos]!)) pos++;
    const name = text.slice(start, pos);
    if (name === "") return fail(pos < text.length ? `unexpected '${text[pos]}'` : "a type name is missing");
    const nameRange = rangeOf(start, pos);
    skip();
    const generic = Object.hasOwn(GENERICS, name) ? GENERICS[name] : undefined;
    if (text[pos] !== "<") {
      if (generic !== undefined) return fail(`'${name}' takes type arguments, as ${generic.form}`, start, start + name.length);
      if (isPrimitiveName(name)) return { ok: true, type: { kind: "primitive", name, range: nameRange } };
      if (Object.hasOwn(KEYWORDS, name)) return { ok: true, type: KEYWORDS[name as keyof typeof KEYWORDS](nameRange) };
      if (!/^[A-Za-z]/.test(name)) return fail(`'${name}' is not a type name`, start, start + name.length);
      return { ok: true, type: { kind: "named", name, range: nameRange } };
    }
    if (generic === undefined) {
      return fail(`'${name}' takes no type arguments; generic types are ${genericsList()}`, start, start + name.length);
    }
    pos++;
    const args: Arg[] = [];
    for (;;) {
      const arg = parseArg(depth + 1);
      if (!arg.ok) return arg;
      args.push(arg.arg);
      skip();
      if (text[pos] === ",") {
        pos++;
        continue;
      }
      if (text[pos] === ">") {
        pos++;
        break;
      }
      return fail(pos < text.length ? `expected ',' or '>' but found '${text[pos]}'` : "'>' is missing");
    }
    const range = rangeOf(start, pos);
    const problem = argumentProblem(name, generic, args);
    if (problem !== undefined) return { ok: false, detail: problem.detail, range: problem.range ?? rangeOf(start, start + name.length) };
    const built = generic.build(args, range);
    return typeof built === "string" ? fail(built, start, start + name.length) : { ok: true, type: built };
  };

  const result = parse(0);
  if (!result.ok) return result;
  skip();
  if (pos < text.length) return fail(`unexpected '${text[pos]}' after the type`);
  return result;
}

/** Whether the arguments follow the generic's rules: their number, and a type or a length in each place. */
function argumentProblem(name: string, g: Generic, args: readonly Arg[]): { detail: string; range?: SourceRange } | undefined {
  const noun = g.args.every((r) => r === "type") ? "type argument" : "argument";
  if (g.variadic === undefined && args.length !== g.args.length) {
    const count = g.args.length === 1 ? `one ${noun}` : `${g.args.length} ${noun}s`;
    return { detail: `'${name}' takes ${count}, as ${g.form}` };
  }
  if (g.variadic !== undefined && (args.length < g.args.length || args.length > g.variadic.max)) {
    return { detail: `'${name}' takes 1 to ${g.variadic.max} type arguments (${g.variadic.why}); got ${args.length}` };
  }
  for (let i = 0; i < args.length; i++) {
    const rule = g.args[Math.min(i, g.args.length - 1)]!;
    const arg = args[i]!;
    if (rule === "type" && arg.kind === "number") return { detail: `expected a type, not the number ${arg.value}, as ${g.form}`, range: arg.range };
    if (rule === "length" && arg.kind === "type") return { detail: `expected a length (a number), as ${g.form}`, range: arg.type.range };
  }
  return undefined;
}
