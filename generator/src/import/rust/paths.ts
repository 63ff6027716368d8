/**
 * Path functions to `roots:` and `paths:`. A function whose body is one `format!` of constants,
 * its parameters and a call of another such function (pool.rs's `pool_dir`) is a path helper; the
 * `&str` constant or the helper it starts with is its anchor. Parameters are typed `string`: the
 * Rust side has no rule for them (see docs/import.md for tightening them to an `Id` type).
 */
import { pathSegments, type ConstItem, type FileItems, type FnItem } from "./collect.js";
import type { ImportContext } from "./context.js";
import type { Node } from "./parser.js";
import { field, namedChildren, stringLiteral } from "./syntax.js";

/** A root: a `&str` constant a path helper starts with. */
export interface RootOut {
  readonly name: string;
  readonly value: string;
  readonly doc: string | undefined;
}

/** A path helper. */
export interface PathOut {
  readonly name: string;
  readonly doc: string | undefined;
  /** Own parameters (after those of the helper it starts with). */
  readonly params: readonly string[];
  /** Own parameters of a string type (`kind: string`) by name; the others are `string`. */
  readonly paramTypes: ReadonlyMap<string, string>;
  /** Every parameter in call order: the anchor's, then its own. */
  readonly allParams: readonly string[];
  readonly template: string;
}

/** Roots and path helpers by the file (module) that declares them. */
export interface PathsOut {
  readonly roots: Map<FileItems, Map<string, RootOut>>;
  readonly paths: Map<FileItems, Map<string, PathOut>>;
}

type Built = { readonly ok: true; readonly path: PathOut } | { readonly ok: false; readonly why: string };

const STRING_PARAM = new Set(["&str", "String", "&String", "&'static str", "impl AsRef<str>", "&Path", "impl AsRef<Path>"]);
const PATH_RETURNS = new Set(["String", "PathBuf", "std::path::PathBuf"]);
const PATH_BUF_FROM = new Set(["PathBuf::from", "std::path::PathBuf::from"]);
const STRING_FROM = new Set(["String::from"]);

/** Finds the path functions of every file and builds them, reporting those that cannot be helpers. */
export function importPaths(ctx: ImportContext): PathsOut {
  const out: PathsOut = { roots: new Map(), paths: new Map() };
  const built = new Map<FnItem, Built | "building">();
  const build = (file: FileItems, fn: FnItem): Built => {
    const done = built.get(fn);
    if (done === "building") return { ok: false, why: "it builds on itself" };
    if (done) return done;
    built.set(fn, "building");
    const result = buildHelper(ctx, out, file, fn, build);
    built.set(fn, result);
    if (result.ok) {
      let paths = out.paths.get(file);
      if (!paths) out.paths.set(file, (paths = new Map()));
      paths.set(fn.name, result.path);
    }
    return result;
  };
  for (const file of ctx.crate.files) {
    for (const fn of file.fns.values()) {
      if (!isCandidate(ctx, file, fn)) continue;
      const result = build(file, fn);
      if (!result.ok) ctx.report("path-not-imported", file, field(fn.node, "name") ?? fn.node, { name: fn.name, why: result.why });
    }
  }
  return out;
}

/**
 * A function that may be a path helper: string parameters, a String or PathBuf result, and a body
 * that is a `format!` with a `/`, or only its anchor: a root constant (`SHORT_ROOT.to_string()`)
 * or a call of another such function with the same parameters, as the Rust target writes a helper
 * whose template is one placeholder.
 */
function isCandidate(ctx: ImportContext, file: FileItems, fn: FnItem, seen: Set<FnItem> = new Set()): boolean {
  if (fn.hasSelf || !fn.returnType || !PATH_RETURNS.has(fn.returnType.text)) return false;
  if (!fn.params.every((p) => STRING_PARAM.has(p.type.text.replace(/\s+/g, " ")))) return false;
  const format = formatCall(fn);
  if (format) {
    const args = ctx.macroArgs(format);
    const template = args?.[0] && stringLiteral(args[0]);
    return template !== undefined && template.includes("/");
  }
  const anchor = anchorBody(fn);
  if (!anchor || seen.has(fn)) return false;
  seen.add(fn);
  if (anchor.type === "call_expression") {
    const target = ctx.crate.resolve(file, pathSegments(field(anchor, "function")!), (f, n) => f.fns.get(n));
    return "file" in target && isCandidate(ctx, target.file, target.value, seen);
  }
  return constOf(ctx, file, { node: anchor })?.value.startsWith("/") === true;
}

/** The one expression a function's body is, without a last `.into()` or `PathBuf::from(..)`. */
function bodyExpression(fn: FnItem): Node | undefined {
  if (!fn.body) return undefined;
  const statements = namedChildren(fn.body).filter((c) => !c.type.endsWith("comment"));
  if (statements.length !== 1) return undefined;
  let e: Node | undefined = statements[0]!.type === "expression_statement" ? namedChildren(statements[0]!)[0] : statements[0];
  if (e?.type === "call_expression") {
    const callee = field(e, "function");
    const args = namedChildren(field(e, "arguments")!);
    if (callee?.type === "field_expression" && field(callee, "field")?.text === "into" && args.length === 0) e = field(callee, "value");
    else if (callee && (PATH_BUF_FROM.has(callee.text) || STRING_FROM.has(callee.text)) && args.length === 1) e = args[0];
  }
  return e;
}

/** The `format!` a function's body is (also as `PathBuf::from(format!(..))` or `format!(..).into()`). */
function formatCall(fn: FnItem): Node | undefined {
  const e = bodyExpression(fn);
  return e?.type === "macro_invocation" && field(e, "macro")?.text === "format" ? e : undefined;
}

/** A body that is only an anchor: a constant (`ROOT.to_string()`) or a call (`other(a)`). */
function anchorBody(fn: FnItem): Node | undefined {
  const e = bodyExpression(fn);
  const anchor = e && unwrapArg(e);
  return anchor && ["identifier", "scoped_identifier", "call_expression"].includes(anchor.type) ? anchor : undefined;
}

/** A format argument: an expression, or an identifier captured in the format string (`{id}`). */
type Arg = { readonly node: Node } | { readonly captured: string };
type Piece = { readonly text: string } | { readonly arg: Arg };

function buildHelper(ctx: ImportContext, out: PathsOut, file: FileItems, fn: FnItem, build: (file: FileItems, fn: FnItem) => Built): Built {
  const format = formatCall(fn);
  const args = format && ctx.macroArgs(format);
  const template = args?.[0] && stringLiteral(args[0]);
  const anchorOnly = format ? undefined : anchorBody(fn);
  if (!anchorOnly && (!args || template === undefined)) return { ok: false, why: "its body is not a single format!" };
  const pieces = anchorOnly ? [{ arg: { node: anchorOnly } }] : splitFormat(template!, args!.slice(1));
  if (typeof pieces === "string") return { ok: false, why: pieces };
  const first = pieces[0];
  if (!first || !("arg" in first)) return { ok: false, why: "it does not start with a constant or another path function" };
  const params = fn.params.map((p) => p.name);
  let text = "";
  let inherited: readonly string[] = [];
  const anchor = "node" in first.arg ? unwrapArg(first.arg.node) : undefined;
  if (anchor?.type === "call_expression") {
    const callee = field(anchor, "function")!;
    const callArgs = namedChildren(field(anchor, "arguments")!).map((a) => unwrapArg(a).text.replace(/^r#/, ""));
    const target = ctx.crate.resolve(file, pathSegments(callee), (f, n) => f.fns.get(n));
    if (!("file" in target)) return { ok: false, why: `'${callee.text}' is not a function of the imported files` };
    const base = build(target.file, target.value);
    if (!base.ok) return { ok: false, why: `'${callee.text}' is not a path helper (${base.why})` };
    if (callArgs.length !== base.path.allParams.length || callArgs.some((a, i) => a !== params[i])) {
      return { ok: false, why: `it must pass its first parameters to '${callee.text}' in order` };
    }
    ctx.use(file, target.file, anchor);
    text = `{${target.name}}`;
    inherited = base.path.allParams;
  } else {
    const root = constOf(ctx, file, first.arg);
    if (!root) return { ok: false, why: `'${argText(first.arg)}' is not a &str constant or a path function` };
    if (!root.value.startsWith("/") || (root.value.endsWith("/") && root.value !== "/")) {
      return { ok: false, why: `its root '${root.value}' is not an absolute path without a trailing '/'` };
    }
    let roots = out.roots.get(root.file);
    if (!roots) out.roots.set(root.file, (roots = new Map()));
    roots.set(root.item.name, { name: root.item.name, value: root.value, doc: root.item.doc });
    ctx.use(file, root.file, "node" in first.arg ? first.arg.node : (format ?? fn.node));
    text = `{${root.item.name}}`;
  }
  const own = params.slice(inherited.length);
  const used = new Set<string>();
  for (const piece of pieces.slice(1)) {
    let literal: string | undefined;
    if ("text" in piece) literal = piece.text;
    else {
      const name = identifierOf(piece.arg);
      if (name !== undefined && own.includes(name)) {
        text += `{${name}}`;
        used.add(name);
        continue;
      }
      literal = ("node" in piece.arg ? stringLiteral(unwrapArg(piece.arg.node)) : undefined) ?? constOf(ctx, file, piece.arg)?.value;
      if (literal === undefined)
        return { ok: false, why: `'${argText(piece.arg)}' is neither one of its own parameters nor a string constant` };
    }
    if (literal.includes("{") || literal.includes("}")) return { ok: false, why: "its text holds a brace" };
    text += literal;
  }
  const unused = own.find((p) => !used.has(p));
  if (unused !== undefined) return { ok: false, why: `parameter '${unused}' is not used after the anchor` };
  const doc = withoutTemplateLine(fn.doc, text);
  const paramTypes = checkedParams(ctx, file, fn.name, own);
  return { ok: true, path: { name: fn.name, doc, params: own, paramTypes, allParams: [...inherited, ...own], template: text } };
}

/**
 * The doc without a last paragraph "Path: `<template>`." stating the helper's own template, as the
 * Rust target writes under every helper: the IDL's `template:` says it, and a crate generated
 * from the import writes it again.
 */
function withoutTemplateLine(doc: string | undefined, template: string): string | undefined {
  if (doc === undefined) return undefined;
  const line = `Path: \`${template}\`.`;
  if (doc === line) return undefined;
  return doc.endsWith(`\n\n${line}`) ? doc.slice(0, -line.length - 2) : doc;
}

/**
 * The types of a helper's parameters, from its checked variant as the Rust target writes it:
 * `fn try_x(..) -> Result<String, PathError>` calling `crate::check_param("x", "p", p, &Id::RULE)?`
 * for each parameter of a string type (`kind: string`, see convert.ts).
 */
function checkedParams(ctx: ImportContext, file: FileItems, name: string, own: readonly string[]): Map<string, string> {
  const types = new Map<string, string>();
  const body = file.fns.get(`try_${name}`)?.body;
  for (const statement of body ? namedChildren(body) : []) {
    const tried = statement.type === "expression_statement" ? namedChildren(statement)[0] : undefined;
    const call = tried?.type === "try_expression" ? namedChildren(tried)[0] : undefined;
    if (call?.type !== "call_expression" || !/(^|::)check_param$/.test(field(call, "function")?.text ?? "")) continue;
    const [helper, param, , rule] = namedChildren(field(call, "arguments")!);
    const paramName = param && stringLiteral(param);
    if (!helper || stringLiteral(helper) !== name || paramName === undefined || !own.includes(paramName)) continue;
    const rulePath = rule?.type === "reference_expression" ? field(rule, "value") : undefined;
    const segments = rulePath?.type === "scoped_identifier" ? pathSegments(rulePath) : [];
    if (segments.at(-1) !== "RULE") continue;
    const found = ctx.crate.resolve(file, segments.slice(0, -1), (f, n) => f.types.get(n));
    if (!("file" in found)) continue;
    ctx.use(file, found.file, rulePath!);
    types.set(paramName, found.value.name);
  }
  return types;
}

/** Splits a format string into text and the arguments its placeholders take. */
function splitFormat(template: string, args: readonly Node[]): Piece[] | string {
  const positional = args.filter((a) => a.type !== "assignment_expression");
  const named = new Map(
    args.filter((a) => a.type === "assignment_expression").map((a) => [field(a, "left")?.text ?? "", field(a, "right")!] as const),
  );
  const pieces: Piece[] = [];
  let text = "";
  let next = 0;
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if ((c === "{" || c === "}") && template[i + 1] === c) {
      text += c;
      i++;
      continue;
    }
    if (c === "}") return "its format string has an unmatched '}'";
    if (c !== "{") {
      text += c;
      continue;
    }
    const close = template.indexOf("}", i);
    if (close < 0) return "its format string has an unmatched '{'";
    const spec = template.slice(i + 1, close);
    if (spec.includes(":")) return `'{${spec}}' formats with a spec`;
    let arg: Arg | undefined;
    const index = spec === "" ? next++ : isDigits(spec) ? Number(spec) : undefined;
    if (index !== undefined) {
      const node = positional[index];
      arg = node && { node };
    } else {
      const node = named.get(spec);
      arg = node ? { node } : { captured: spec };
    }
    if (!arg) return `'{${spec}}' has no argument`;
    if (text !== "") pieces.push({ text });
    text = "";
    pieces.push({ arg });
    i = close;
  }
  if (text !== "") pieces.push({ text });
  return pieces;
}

function isDigits(s: string): boolean {
  return s.length > 0 && [...s].every((c) => c >= "0" && c <= "9");
}

function argText(arg: Arg): string {
  return "node" in arg ? arg.node.text : arg.captured;
}

/** The identifier an argument is (`x`, `&x`, `x.as_str()`, `{x}`), if it is one. */
function identifierOf(arg: Arg): string | undefined {
  if ("captured" in arg) return arg.captured;
  const n = unwrapArg(arg.node);
  return n.type === "identifier" ? n.text.replace(/^r#/, "") : undefined;
}

/** `&x`, `x.as_str()`, `x.to_string()`, `x.display()` are `x` in a path. */
function unwrapArg(arg: Node): Node {
  if (arg.type === "reference_expression") return unwrapArg(field(arg, "value") ?? arg);
  if (arg.type === "call_expression") {
    const callee = field(arg, "function");
    const method = callee?.type === "field_expression" ? field(callee, "field")?.text : undefined;
    if (
      method &&
      ["as_str", "to_string", "display", "as_ref", "to_owned"].includes(method) &&
      namedChildren(field(arg, "arguments")!).length === 0
    ) {
      return unwrapArg(field(callee!, "value")!);
    }
  }
  return arg;
}

function constOf(ctx: ImportContext, file: FileItems, arg: Arg): { file: FileItems; item: ConstItem; value: string } | undefined {
  let segments: string[];
  if ("captured" in arg) segments = [arg.captured];
  else {
    const node = unwrapArg(arg.node);
    if (node.type !== "identifier" && node.type !== "scoped_identifier") return undefined;
    segments = pathSegments(node);
  }
  const found = ctx.crate.resolve(file, segments, (f, n) => f.consts.get(n));
  if (!("file" in found) || !found.value.value) return undefined;
  const value = stringLiteral(found.value.value);
  return value === undefined ? undefined : { file: found.file, item: found.value, value };
}
