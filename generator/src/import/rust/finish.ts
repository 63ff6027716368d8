/**
 * What needs every declaration known first: field defaults from `default = "fn"`, omit rules from
 * `skip_serializing_if`, the structs' own Default values (kept apart from their fields'
 * missing-value defaults), enum defaults, and Display strings.
 */
import type { FileItems, FnItem } from "./collect.js";
import { pathSegments } from "./collect.js";
import type { ImportContext } from "./context.js";
import type { Decl, EnumDecl, FieldDecl, StructDecl } from "./decls.js";
import { encodeVariant, type Evaluator } from "./evaluate.js";
import { sameJson, type JsonValue } from "./idl-type.js";
import type { Node } from "./parser.js";
import { allChildren, field, namedChildren, stringLiteral } from "./syntax.js";

/** Evaluates the `default = "fn"` of a declaration's fields (complete values, see `fullDefault`). */
export function finishFieldDefaults(ctx: ImportContext, ev: Evaluator, decl: Decl): void {
  for (const f of fieldsOf(decl)) finishFieldDefault(ctx, ev, decl, f);
}

/** Writes the field defaults without what the IDL fills in, once every field default is known. */
export function minimizeFieldDefaults(ev: Evaluator, decl: Decl): void {
  for (const f of fieldsOf(decl)) if (f.fullDefault !== undefined) f.default = ev.minimize(f.type, f.fullDefault);
}

/** Completes a declaration once every declaration's field defaults are known. */
export function finishDecl(ctx: ImportContext, ev: Evaluator, decl: Decl): void {
  for (const f of fieldsOf(decl)) finishOmit(ctx, ev, decl, f);
  for (const f of fieldsOf(decl)) collapseOptional(ctx, decl, f);
  if (decl.kind === "enum") {
    finishEnumDefault(ctx, ev, decl);
    finishDisplay(ctx, decl);
  } else {
    finishStructDefault(ctx, ev, decl);
    // A checked string's Display writes the string: nothing to carry over.
    const display = decl.kind === "newtype" && decl.rule ? undefined : findImpl(decl.file, decl.name, "Display");
    if (display) ctx.report("display-ignored", decl.file, display.node, { name: decl.name });
  }
}

/**
 * `Option<Option<T>>` is told apart from `Option<T>` on the wire only when `None` is left out
 * (`skip_serializing_if = "Option::is_none"`): otherwise serde writes `None` and `Some(None)` both
 * as null and reads null as `None`, exactly what `optional<T>` does. The IDL refuses the
 * indistinct form, so it is written as `optional<T>`, with a warning.
 */
function collapseOptional(ctx: ImportContext, decl: Decl, f: FieldDecl): void {
  if (f.type.k !== "optional" || f.type.of.k !== "optional" || f.omit === "if-none") return;
  f.type = f.type.of;
  ctx.report("collapsed-optional", decl.file, field(f.node, "type") ?? f.node, { field: f.name });
}

function fieldsOf(decl: Decl): FieldDecl[] {
  if (decl.kind === "struct") return decl.fields;
  if (decl.kind === "enum") return decl.variants.flatMap((v) => v.fields ?? []);
  return [];
}

function finishFieldDefault(ctx: ImportContext, ev: Evaluator, decl: Decl, f: FieldDecl): void {
  if (!f.defaultFn) return;
  const { path, node } = f.defaultFn;
  if (path === "Default::default" || path === "std::default::Default::default") {
    f.typeDefault = true;
    return;
  }
  const result = ev.evaluateFnPath(decl.file, path, f.type, decl.name);
  if (result === "unresolved") {
    f.todos.push(ctx.report("unresolved-default", decl.file, node, { fn: path }));
    return;
  }
  if (!result.ok) {
    f.todos.push(ctx.report("computed-default", decl.file, node, { fn: path, detail: result.detail }));
    return;
  }
  if (result.value === null && f.type.k === "optional") f.typeDefault = true;
  else f.fullDefault = f.default = result.value;
}

const EMPTY_OWNERS = new Set(["Vec", "VecDeque", "String", "str", "BTreeMap", "HashMap", "BTreeSet", "HashSet", "Map"]);

function finishOmit(ctx: ImportContext, ev: Evaluator, decl: Decl, f: FieldDecl): void {
  if (!f.skipIfFn) return;
  const { path, node } = f.skipIfFn;
  const segs = path.split("::");
  const last = segs.at(-1);
  const owner = segs.at(-2);
  if (last === "is_none" && owner === "Option") {
    f.omit = "if-none";
    return;
  }
  if (last === "is_empty" && owner !== undefined && EMPTY_OWNERS.has(owner)) {
    f.omit = "if-empty";
    return;
  }
  // A free function or an associated one (`Sparse::is_default_port`, as the Rust target writes them).
  const fn = ev.findFn(decl.file, segs, decl.name);
  const rule = fn ? predicateRule(ev, fn.file, fn.fn, f, decl.name) : undefined;
  if (rule) f.omit = rule;
  else f.todos.push(ctx.report("unknown-skip-predicate", decl.file, node, { fn: path }));
}

/**
 * The omit rule a predicate function implements: `x.is_none()`, `x.is_empty()`, or a comparison of
 * the value with a literal (`*x == 0`, `!*x`, `*x == default_retries()`) equal to the field's default.
 */
function predicateRule(ev: Evaluator, file: FileItems, fn: FnItem, f: FieldDecl, self: string): FieldDecl["omit"] {
  const param = fn.params[0]?.name;
  if (fn.params.length !== 1 || param === undefined || !fn.body) return undefined;
  const body = tailOf(fn.body);
  if (!body) return undefined;
  const isParam = (n: Node | undefined): boolean => n !== undefined && unwrapDeref(n)?.text === param;
  if (body.type === "call_expression") {
    const callee = field(body, "function");
    if (callee?.type === "field_expression" && isParam(field(callee, "value")) && namedChildren(field(body, "arguments")!).length === 0) {
      const method = field(callee, "field")?.text;
      if (method === "is_none") return "if-none";
      if (method === "is_empty") return "if-empty";
    }
    return undefined;
  }
  let literal: Evaluated | undefined;
  if (body.type === "unary_expression" && allChildren(body)[0]?.text === "!" && isParam(namedChildren(body)[0])) {
    literal = { ok: true, value: false };
  } else if (body.type === "binary_expression" && allChildren(body)[1]?.text === "==") {
    const left = field(body, "left");
    const right = field(body, "right");
    const other = isParam(left) ? right : isParam(right) ? left : undefined;
    if (other) literal = ev.evaluate(other, f.type, { file, self });
  }
  if (!literal?.ok) return undefined;
  const implied = ev.impliedFieldDefault(f);
  const hasDefault = f.default !== undefined || f.typeDefault === true;
  return hasDefault && sameJson(literal.value, implied) ? "if-default" : undefined;
}

type Evaluated = { ok: true; value: JsonValue } | { ok: false; detail: string };

function unwrapDeref(n: Node): Node | undefined {
  if (n.type === "unary_expression" && allChildren(n)[0]?.text === "*") return namedChildren(n)[0];
  if (n.type === "reference_expression") return field(n, "value");
  if (n.type === "parenthesized_expression") return namedChildren(n)[0];
  return n;
}

function tailOf(block: Node): Node | undefined {
  const statements = namedChildren(block).filter((c) => !c.type.endsWith("comment"));
  if (statements.length !== 1) return undefined;
  const only = statements[0]!;
  return only.type === "expression_statement" ? namedChildren(only)[0] : only;
}

function finishStructDefault(ctx: ImportContext, ev: Evaluator, decl: Exclude<Decl, EnumDecl>): void {
  let own: JsonValue | undefined;
  if (decl.rustDefault) {
    const result = ev.rustDefault(decl);
    if (result.ok) own = result.value;
    else {
      const at = decl.rustDefault === "derive" ? (field(decl.item.node, "name") ?? decl.item.node) : decl.rustDefault.fn;
      decl.todos.push(ctx.report("computed-default", decl.file, at, { fn: `${decl.name}::default`, detail: result.detail }));
    }
  }
  if (decl.kind === "struct" && decl.containerDefaultFn) {
    const { path, node } = decl.containerDefaultFn;
    const result = ev.evaluateFnPath(decl.file, path, { k: "named", name: decl.name }, decl.name);
    if (result === "unresolved") decl.todos.push(ctx.report("unresolved-default", decl.file, node, { fn: path }));
    else if (!result.ok) decl.todos.push(ctx.report("computed-default", decl.file, node, { fn: path, detail: result.detail }));
    else if (own !== undefined && !sameJson(own, result.value)) {
      decl.todos.push(
        ctx.report("conflicting-struct-defaults", decl.file, node, {
          detail: `#[serde(default = "${path}")] gives another value than ${decl.name}'s Default`,
        }),
      );
    } else own = result.value;
  }
  if (own === undefined) return;
  if (decl.kind !== "struct") {
    decl.hasDefault = true;
    if (!sameJson(own, implicitDefault(ev, decl))) decl.default = own;
    return;
  }
  // has_default: every field's default (its own, else its type's) is what Rust's Default holds.
  const differing: Record<string, JsonValue> = {};
  for (const f of decl.fields) {
    if (f.skip === true) continue;
    const value = (own as Record<string, JsonValue>)[f.wire];
    if (value === undefined) continue;
    if (!sameJson(value, ev.impliedFieldDefault(f))) differing[f.wire] = ev.minimize(f.type, value);
  }
  if (Object.keys(differing).length === 0) decl.hasDefault = true;
  else decl.default = differing;
}

function implicitDefault(ev: Evaluator, decl: Exclude<Decl, EnumDecl | StructDecl>): JsonValue | undefined {
  if (decl.kind === "unit-struct") return null;
  if (decl.kind === "newtype") return ev.typeDefault(decl.type);
  return ev.typeDefault({ k: "tuple", items: decl.items });
}

function finishEnumDefault(ctx: ImportContext, ev: Evaluator, decl: EnumDecl): void {
  if (decl.defaultVariant !== undefined) return;
  const impl = findImpl(decl.file, decl.name, "Default");
  const body = impl?.fns.get("default")?.body;
  if (!impl || !body) return;
  const result = ev.evaluate(body, { k: "named", name: decl.name }, { file: decl.file, self: decl.name });
  const unit = result.ok
    ? decl.variants.find((v) => v.shape === "unit" && sameJson(encodeVariant(decl, v, null), result.value))
    : undefined;
  if (unit) decl.defaultVariant = unit.name;
  else
    decl.todos.push(
      ctx.report("computed-default", decl.file, body, {
        fn: `${decl.name}::default`,
        detail: result.ok ? "not a unit variant" : result.detail,
      }),
    );
}

function findImpl(file: FileItems, type: string, trait: string): FileItems["impls"][number] | undefined {
  return file.impls.find((i) => i.trait === trait && i.type === type);
}

/** Display as a match of each variant to a string literal (directly, or through a variable). */
function finishDisplay(ctx: ImportContext, decl: EnumDecl): void {
  const impl = findImpl(decl.file, decl.name, "Display");
  const fmt = impl?.fns.get("fmt");
  if (!impl || !fmt?.body) return;
  const strings = displayStrings(ctx, fmt, decl);
  if (typeof strings === "string") {
    decl.todos.push(ctx.report("display-not-literal", decl.file, fmt.node, { name: decl.name, detail: strings }));
    return;
  }
  for (const v of decl.variants) {
    const s = strings.get(v.name);
    if (s !== undefined && s !== v.wire) v.display = s;
  }
}

function displayStrings(ctx: ImportContext, fmt: FnItem, decl: EnumDecl): Map<string, string> | string {
  const formatter = fmt.params[0]?.name ?? "f";
  const statements = namedChildren(fmt.body!).filter((c) => !c.type.endsWith("comment"));
  let match: Node | undefined;
  let through: string | undefined;
  if (statements.length === 1) {
    match = unwrap(statements[0]!);
  } else if (statements.length === 2 && statements[0]!.type === "let_declaration") {
    // `let s = match self { .. }; write!(f, "{}", s)` (or `f.write_str(s)`, `s.fmt(f)`).
    through = field(statements[0]!, "pattern")?.text;
    match = field(statements[0]!, "value");
    const forward = unwrap(statements[1]!);
    if (through === undefined || !forward || !forwards(ctx, forward, through, formatter))
      return "its last statement does not write the matched string as it is";
  }
  if (match?.type !== "match_expression") return "it is not a match over the variants";
  const out = new Map<string, string>();
  const arms = namedChildren(field(match, "body")!).filter((a) => a.type === "match_arm");
  for (const arm of arms) {
    const pattern = field(arm, "pattern");
    const value = field(arm, "value");
    if (!pattern || !value) return "an arm without a value";
    const s = through === undefined ? writtenLiteral(ctx, value, formatter) : literalString(value);
    if (s === undefined) return `'${oneLine(value.text)}' is not a string literal`;
    const names = variantNames(pattern);
    if (names === "wildcard") {
      for (const v of decl.variants) if (!out.has(v.name)) out.set(v.name, s);
    } else if (names.length === 0) return `pattern '${oneLine(pattern.text)}'`;
    else for (const n of names) if (!out.has(n)) out.set(n, s);
  }
  return out;
}

function unwrap(n: Node): Node | undefined {
  if (n.type === "expression_statement" || n.type === "block") {
    const inner = namedChildren(n).filter((c) => !c.type.endsWith("comment"));
    return inner.length === 1 ? unwrap(inner[0]!) : undefined;
  }
  return n;
}

/** The literal an arm writes: `write!(f, "x")`, `f.write_str("x")`, `write!(f, "{}", "x")`, `"x".fmt(f)`. */
function writtenLiteral(ctx: ImportContext, value: Node, formatter: string): string | undefined {
  const v = unwrap(value);
  if (!v) return undefined;
  if (v.type === "macro_invocation" && field(v, "macro")?.text === "write") {
    const args = ctx.macroArgs(v);
    if (!args || args.length < 2 || args[0]!.text !== formatter) return undefined;
    const text = stringLiteral(args[1]!);
    if (text === undefined) return undefined;
    if (args.length === 2) return formatLiteral(text);
    if (args.length === 3 && text === "{}") return stringLiteral(args[2]!);
    return undefined;
  }
  if (v.type === "call_expression") {
    const callee = field(v, "function");
    const args = namedChildren(field(v, "arguments")!);
    if (callee?.type !== "field_expression" || args.length !== 1) return undefined;
    const method = field(callee, "field")?.text;
    const receiver = field(callee, "value");
    if (method === "write_str" && receiver?.text === formatter) return literalString(args[0]!);
    if (method === "fmt" && args[0]!.text === formatter && receiver) return literalString(receiver);
  }
  return undefined;
}

function forwards(ctx: ImportContext, n: Node, variable: string, formatter: string): boolean {
  if (n.type === "macro_invocation" && field(n, "macro")?.text === "write") {
    const args = ctx.macroArgs(n);
    if (!args || args[0]?.text !== formatter || !args[1]) return false;
    const template = stringLiteral(args[1]);
    const forwarded = args[2]?.type === "reference_expression" ? field(args[2], "value") : args[2];
    return (template === "{}" && args.length === 3 && forwarded?.text === variable) || (template === `{${variable}}` && args.length === 2);
  }
  if (n.type === "call_expression") {
    const callee = field(n, "function");
    const args = namedChildren(field(n, "arguments")!);
    if (callee?.type !== "field_expression" || args.length !== 1) return false;
    const method = field(callee, "field")?.text;
    const receiver = field(callee, "value")?.text;
    return (
      (method === "write_str" && receiver === formatter && args[0]!.text === variable) ||
      ((method === "fmt" || method === "pad") && receiver === variable)
    );
  }
  return false;
}

function literalString(n: Node): string | undefined {
  const v = unwrap(n);
  return v ? stringLiteral(v) : undefined;
}

/** A format string without arguments: `{{` and `}}` are braces, any other brace is a placeholder. */
function formatLiteral(text: string): string | undefined {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "{" || c === "}") {
      if (text[i + 1] !== c) return undefined;
      i++;
    }
    out += c;
  }
  return out;
}

/** The variants a match pattern names, or "wildcard". */
function variantNames(pattern: Node): string[] | "wildcard" {
  if (pattern.text === "_") return "wildcard";
  const inner = pattern.type === "match_pattern" ? namedChildren(pattern)[0] : pattern;
  if (!inner) return [];
  switch (inner.type) {
    case "scoped_identifier":
    case "identifier":
      return [pathSegments(inner).at(-1)!];
    case "tuple_struct_pattern":
    case "struct_pattern": {
      const t = field(inner, "type");
      return t ? [pathSegments(t).at(-1)!] : [];
    }
    case "or_pattern": {
      const out: string[] = [];
      for (const c of namedChildren(inner)) {
        const names = variantNames(c);
        if (names === "wildcard") return "wildcard";
        out.push(...names);
      }
      return out;
    }
    default:
      return [];
  }
}

function oneLine(text: string): string {
  const one = text.replace(/\s+/g, " ");
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}
