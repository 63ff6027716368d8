/**
 * Line breaking as rustfmt does it (default configuration, style edition 2021), for the few kinds
 * of expressions, types and attributes the Rust target emits. A port of the relevant parts of
 * rustfmt's `overflow.rs`, `lists.rs` and `expr.rs` (shapes, list tactics, overflowing the last
 * argument, struct literals), so that the generated crate is rustfmt-clean without running
 * rustfmt. `test/rust/` checks it against rustfmt itself on the crates and on random values.
 *
 * A rewrite returns `undefined` where rustfmt's fails (something does not fit); the caller then
 * keeps its own layout of the whole statement or item, as rustfmt keeps the source text of a
 * statement it cannot format.
 */

/** rustfmt's `max_width` and `tab_spaces`, and the widths of `use_small_heuristics = "Default"`. */
export const MAX_WIDTH = 100;
const TAB = 4;
const FN_CALL_WIDTH = 60;
const ATTR_FN_LIKE_WIDTH = 70;
const STRUCT_LIT_WIDTH = 18;
const ARRAY_WIDTH = 60;
const SHORT_ITEM = 10;

/** Macros whose arguments rustfmt lays out around the format string (`SPECIAL_CASE_MACROS`): arguments before it. */
const SPECIAL_MACROS: ReadonlyMap<string, number> = new Map([
  ["format!", 0],
  ["print!", 0],
  ["println!", 0],
  ["panic!", 0],
  ["unreachable!", 0],
  ["write!", 1],
  ["writeln!", 1],
  ["assert!", 1],
  ["assert_eq!", 2],
  ["assert_ne!", 2],
]);

// ---------------------------------------------------------------------------------------------
// Shapes: the room an expression has, as rustfmt's `Shape` (block indent, alignment, offset).

interface Indent {
  readonly block: number;
  readonly align: number;
}

export interface Shape {
  /** Columns left on the current line. */
  readonly width: number;
  readonly indent: Indent;
  readonly offset: number;
}

const indentWidth = (i: Indent): number => i.block + i.align;

/** The shape of a statement at `column` (a block indent): the whole line to `max_width`. */
function indented(column: number): Shape {
  return { width: Math.max(0, MAX_WIDTH - column), indent: { block: column, align: 0 }, offset: 0 };
}

function legacy(width: number, indent: Indent): Shape {
  return { width, indent, offset: indent.align };
}

function subWidth(s: Shape, n: number): Shape | undefined {
  return s.width >= n ? { ...s, width: s.width - n } : undefined;
}

/** rustfmt `offset_left`: `n` more columns used on this line. */
function offsetLeft(s: Shape, n: number): Shape | undefined {
  return s.width >= n ? { ...s, offset: s.offset + n, width: s.width - n } : undefined;
}

function blockOnly(s: Shape): Shape {
  return { ...s, indent: { block: s.indent.block, align: 0 } };
}

function blockIndent(s: Shape, delta: number): Shape {
  return s.indent.align === 0
    ? { width: s.width, indent: { block: s.indent.block + delta, align: 0 }, offset: 0 }
    : { width: s.width, indent: { block: s.indent.block, align: s.indent.align + delta }, offset: s.indent.align + delta };
}

function withMaxWidth(s: Shape): Shape {
  return { ...s, width: Math.max(0, MAX_WIDTH - indentWidth(s.indent)) };
}

function usedWidth(s: Shape): number {
  return s.indent.block + s.offset;
}

const spaces = (n: number): string => " ".repeat(n);

function firstLineWidth(s: string): number {
  const i = s.indexOf("\n");
  return i < 0 ? s.length : i;
}

function lastLineWidth(s: string): number {
  return s.length - s.lastIndexOf("\n") - 1;
}

function countNewlines(s: string): number {
  let n = 0;
  for (const c of s) if (c === "\n") n++;
  return n;
}

/** rustfmt `filtered_str_fits` (for text without comments). */
function fits(text: string, s: Shape): boolean {
  if (text === "") return true;
  if (firstLineWidth(text) > s.width) return false;
  if (!text.includes("\n")) return true;
  if (
    text
      .split("\n")
      .slice(1)
      .some((l) => l.length > MAX_WIDTH)
  )
    return false;
  return lastLineWidth(text) <= usedWidth(s) + s.width;
}

// ---------------------------------------------------------------------------------------------
// The nodes: expressions, types and attribute meta items.

export type Expr =
  /** A literal or a path, as written: `60`, `"baseline"`, `None`, `Role::Worker`. */
  | { readonly k: "atom"; readonly text: string; readonly segments?: number }
  /** `callee(args)`; the callee is a path. */
  | { readonly k: "call"; readonly callee: string; readonly args: readonly Expr[] }
  /** `name!(args)`, such as `format!`. */
  | { readonly k: "macro"; readonly name: string; readonly args: readonly Expr[] }
  /** `[items]`, or `vec![items]` with `name: "vec!"`. */
  | { readonly k: "array"; readonly name: string; readonly items: readonly Expr[] }
  | { readonly k: "tuple"; readonly items: readonly Expr[] }
  | { readonly k: "struct"; readonly path: string; readonly fields: readonly (readonly [string, Expr])[] }
  /** `expr?` */
  | { readonly k: "try"; readonly expr: Expr }
  /** `&expr` */
  | { readonly k: "ref"; readonly expr: Expr };

/**
 * A type: a path with optional generic arguments (`BTreeMap<String, Vec<u8>>`, `&str`), a tuple
 * type (`(String, u32)`, `()`), or an array type (`[u8; 4]`).
 */
export type TypeNode =
  | { readonly k: "type"; readonly path: string; readonly args: readonly TypeNode[] }
  | { readonly k: "tuple-type"; readonly items: readonly TypeNode[] }
  | { readonly k: "array-type"; readonly element: TypeNode; readonly length: number };

/** An item of an attribute's list: `default`, `rename = "x"`. */
export type MetaNode =
  { readonly k: "word"; readonly text: string } | { readonly k: "name-value"; readonly name: string; readonly value: string };

type Node = Expr | TypeNode | MetaNode;

export const atom = (text: string): Expr => ({ k: "atom", text });
export const call = (callee: string, ...args: Expr[]): Expr => ({ k: "call", callee, args });
export const typeNode = (path: string, ...args: TypeNode[]): TypeNode => ({ k: "type", path, args });
export const tupleType = (items: readonly TypeNode[]): TypeNode => ({ k: "tuple-type", items });
export const arrayType = (element: TypeNode, length: number): TypeNode => ({ k: "array-type", element, length });

interface Ctx {
  readonly insideMacro: boolean;
}

const TOP: Ctx = { insideMacro: false };

function isExpr(n: Node): n is Expr {
  return n.k !== "type" && n.k !== "tuple-type" && n.k !== "array-type" && n.k !== "word" && n.k !== "name-value";
}

/** rustfmt `is_simple_expr`: literals and one-segment paths (through `&` and `?`). */
function isSimple(n: Node): boolean {
  switch (n.k) {
    case "atom":
      return isLiteral(n.text) || !n.text.includes("::");
    case "try":
    case "ref":
      return isSimple(n.expr);
    case "word":
      return true;
    default:
      return false;
  }
}

function isLiteral(text: string): boolean {
  return /^["'0-9-]/.test(text) || text === "true" || text === "false";
}

/** rustfmt `can_be_overflowed_expr` (block indent, `overflow_delimited_expr = false`), and its meta-item case. */
function canBeOverflowed(n: Node, len: number): boolean {
  switch (n.k) {
    case "call":
    case "macro":
    case "array":
    case "tuple":
    case "struct":
      return len === 1;
    case "try":
    case "ref":
      return canBeOverflowed(n.expr, len);
    case "name-value":
    case "word":
      return len === 1;
    default:
      return false;
  }
}

function isNestedCall(n: Node): boolean {
  switch (n.k) {
    case "call":
    case "macro":
      return true;
    case "try":
    case "ref":
      return isNestedCall(n.expr);
    default:
      return false;
  }
}

/** Formats a node in a shape, as rustfmt would; undefined when it does not fit. */
function rewrite(n: Node, s: Shape, ctx: Ctx): string | undefined {
  switch (n.k) {
    case "atom":
      return fits(n.text, s) ? n.text : undefined;
    case "call": {
      if (n.callee.length > s.width) return undefined;
      const force = ctx.insideMacro ? "never" : undefined;
      return overflow(n.callee, n.args, s, ctx, "(", ")", FN_CALL_WIDTH, force);
    }
    case "macro": {
      const inner: Ctx = { insideMacro: true };
      return overflow(n.name, n.args, s, inner, "(", ")", FN_CALL_WIDTH, "never");
    }
    case "array": {
      // `vec!` is formatted as an array literal, outside the macro; other arrays keep the context.
      const force = n.name === "vec!" ? "vertical" : ctx.insideMacro ? "never" : undefined;
      return overflow(n.name, n.items, s, n.name === "vec!" ? TOP : ctx, "[", "]", ARRAY_WIDTH, force);
    }
    case "tuple": {
      const force = ctx.insideMacro ? "never" : n.items.length === 1 ? "always" : undefined;
      return overflow("", n.items, s, ctx, "(", ")", FN_CALL_WIDTH, force);
    }
    case "struct":
      return structLit(n.path, n.fields, s, ctx);
    case "try": {
      const inner = subWidth(s, 1);
      const text = inner && rewrite(n.expr, inner, ctx);
      return text === undefined ? undefined : `${text}?`;
    }
    case "ref": {
      const inner = offsetLeft(s, 1);
      const text = inner && rewrite(n.expr, inner, ctx);
      return text === undefined ? undefined : `&${text}`;
    }
    case "type": {
      if (n.args.length === 0) return fits(n.path, s) ? n.path : undefined;
      return overflow(n.path, n.args, s, ctx, "<", ">", MAX_WIDTH, undefined);
    }
    case "tuple-type": {
      if (n.items.length === 0) return fits("()", s) ? "()" : undefined;
      return overflow("", n.items, s, ctx, "(", ")", MAX_WIDTH, n.items.length === 1 ? "always" : undefined);
    }
    case "array-type": {
      const suffix = `; ${n.length}]`;
      const inner = offsetLeft(s, 1);
      const narrowed = inner && subWidth(inner, suffix.length);
      const text = narrowed && rewrite(n.element, narrowed, ctx);
      return text === undefined ? undefined : `[${text}${suffix}`;
    }
    case "word":
      return fits(n.text, s) ? n.text : undefined;
    case "name-value":
      // An attribute's literal is kept as written when it is too long (rustfmt #2479).
      return `${n.name} = ${n.value}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Lists: rustfmt's `definitive_tactic` and `write_list`, without comments.

type Tactic =
  { readonly k: "horizontal" } | { readonly k: "vertical" } | { readonly k: "mixed" } | { readonly k: "special"; readonly before: number };
type SeparatorTactic = "always" | "never" | "vertical";

const H: Tactic = { k: "horizontal" };
const V: Tactic = { k: "vertical" };

/** A list item's text; `undefined` is a failed rewrite (counted as empty, failing the list when written). */
type Item = string | undefined;

const itemText = (i: Item): string => i ?? "";

function definitiveTactic(items: readonly Item[], limit: number | undefined, width: number, mixed = false): Tactic {
  const max = limit === undefined ? width : Math.min(width, limit);
  const total = items.reduce((sum, i) => sum + itemText(i).length, 0) + 2 * Math.max(0, items.length - 1);
  if (total <= max && !items.some((i) => itemText(i).includes("\n"))) return H;
  return mixed ? { k: "mixed" } : V;
}

interface ListFormat {
  readonly tactic: Tactic;
  readonly trailing: SeparatorTactic;
  readonly shape: Shape;
  readonly endsWithNewline: boolean;
}

function writeList(items: readonly Item[], f: ListFormat): string | undefined {
  if (items.some((i) => i === undefined)) return undefined;
  let trailing = f.trailing === "always" || (f.trailing === "vertical" && f.tactic.k === "vertical");
  const indent = spaces(indentWidth(f.shape.indent));
  let out = "";
  let lineLen = 0;
  items.forEach((raw, i) => {
    const item = raw as string;
    const first = i === 0;
    const last = i === items.length - 1;
    let separate = !last || trailing;
    const sepLen = separate ? 1 : 0;
    switch (f.tactic.k) {
      case "horizontal":
        if (!first) out += " ";
        break;
      case "special": {
        const n = f.tactic.before;
        if (i === 0) break;
        if (i < n) out += " ";
        else if (i <= n + 1) out += `\n${indent}`;
        else out += " ";
        break;
      }
      case "vertical":
        if (!first && item !== "" && out !== "") out += `\n${indent}`;
        break;
      case "mixed": {
        const total = item.length + sepLen;
        if (lineLen > 0 && lineLen + 1 + total > f.shape.width) {
          out += `\n${indent}`;
          lineLen = 0;
          if (f.endsWithNewline) trailing = true;
        } else if (lineLen > 0) {
          out += " ";
          lineLen += 1;
        }
        if (last && f.endsWithNewline) separate = f.trailing !== "never";
        lineLen += total;
        break;
      }
    }
    out += item;
    if (separate) out += ",";
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// rustfmt's `overflow::Context`: calls, macros, arrays, tuples, generic arguments, attribute lists.

function overflow(
  ident: string,
  nodes: readonly Node[],
  shape: Shape,
  ctx: Ctx,
  prefix: string,
  suffix: string,
  itemMaxWidth: number,
  force: SeparatorTactic | undefined,
): string | undefined {
  const used = ident.includes("\n") ? Math.max(0, lastLineWidth(ident) - usedWidth(shape)) : ident.length;
  const oneLineWidth = Math.max(0, shape.width - (used + 2));
  const oneLineShape = (() => {
    const o = offsetLeft(shape, lastLineWidth(ident) + 1);
    return (o && subWidth(o, 1)) ?? { ...shape, width: 0 };
  })();
  const nestedBase = withMaxWidth(blockIndent(blockOnly(shape), TAB));
  const nested: Shape = { ...nestedBase, width: Math.max(0, nestedBase.width - 1) };

  const items: Item[] = nodes.map((n) => rewrite(n, nested, ctx));
  const tactic = tryOverflowLastItem(ident, nodes, items, { oneLineWidth, oneLineShape, nested, itemMaxWidth, ctx });
  const trailing: SeparatorTactic = force ?? "vertical";
  const endsWithNewline = tactic.k === "vertical" || tactic.k === "mixed";
  const itemsStr = writeList(items, { tactic, trailing, shape: nested, endsWithNewline });
  if (itemsStr === undefined) return undefined;

  // wrap_items (style edition 2021)
  const outer: Shape = { ...shape, width: Math.max(0, shape.width - lastLineWidth(ident)) };
  const extendWidth = itemsStr === "" ? 2 : firstLineWidth(itemsStr) + 1;
  const fitsOneLine = itemsStr.length + 2 <= outer.width;
  const single = (ctx.insideMacro && !itemsStr.includes("\n") && fitsOneLine) || (tactic.k === "horizontal" && extendWidth <= outer.width);
  if (single) return `${ident}${prefix}${itemsStr}${suffix}`;
  const open = itemsStr === "" ? "" : `\n${spaces(indentWidth(nested.indent))}${itemsStr}`;
  return `${ident}${prefix}${open}\n${spaces(shape.indent.block)}${suffix}`;
}

interface OverflowContext {
  readonly oneLineWidth: number;
  readonly oneLineShape: Shape;
  readonly nested: Shape;
  readonly itemMaxWidth: number;
  readonly ctx: Ctx;
}

function tryOverflowLastItem(ident: string, nodes: readonly Node[], items: Item[], c: OverflowContext): Tactic {
  const n = nodes.length;
  const last = nodes[n - 1];
  const combine = n === 1 && isExpr(nodes[0]!) && ident.length < TAB;
  const overflowLast = last !== undefined && (combine || canBeOverflowed(last, n));

  let placeholder: string | undefined;
  if (overflowLast) {
    const argShape = lastItemShape(nodes, items, c.oneLineShape, c.itemMaxWidth);
    const text = argShape && rewrite(last, argShape, c.ctx);
    if (text !== undefined) {
      items[n - 1] = text.split("\n")[0]!;
      placeholder = text;
    }
  }

  let tactic = definitiveTactic(items, c.itemMaxWidth, c.oneLineWidth);
  if (overflowLast && tactic.k === "horizontal" && placeholder !== undefined && n === 1) {
    if (countNewlines(placeholder) === 1) {
      const again = rewrite(last, c.nested, c.ctx);
      items[n - 1] = again !== undefined && !again.includes("\n") ? again : placeholder;
    } else {
      items[n - 1] = placeholder;
    }
  } else if (overflowLast && tactic.k === "horizontal" && placeholder !== undefined) {
    items[n - 1] = placeholder;
  } else if (last !== undefined) {
    items[n - 1] = rewrite(last, c.nested, c.ctx);
    const only = itemText(items[0]);
    if (n === 1 && c.oneLineWidth !== 0 && !only.includes("\n") && only.length <= c.oneLineWidth) {
      tactic = H;
    } else {
      tactic = definitiveTactic(items, c.itemMaxWidth, c.oneLineWidth);
      if (tactic.k === "vertical") {
        const before = nodes.every(isExpr) ? SPECIAL_MACROS.get(ident) : undefined;
        if (before !== undefined) {
          const allSimple = n > before && nodes.slice(0, before).every(isSimple) && nodes.slice(before + 1).every(isSimple);
          const oneLine =
            allSimple &&
            definitiveTactic(items.slice(0, before), undefined, c.nested.width).k === "horizontal" &&
            definitiveTactic(items.slice(before + 1), undefined, c.nested.width).k === "horizontal";
          if (oneLine) tactic = { k: "special", before };
        } else if (nodes.every(isSimple) && items.every((i) => itemText(i).length <= SHORT_ITEM)) {
          tactic = { k: "mixed" };
        }
      }
    }
  }
  return tactic;
}

function lastItemShape(nodes: readonly Node[], items: readonly Item[], shape: Shape, maxWidth: number): Shape | undefined {
  if (items.length === 1 && !isNestedCall(nodes[0]!)) return shape;
  const offset = items.slice(0, -1).reduce((sum, i) => sum + 2 + itemText(i).length, 0);
  return offsetLeft({ ...shape, width: Math.min(maxWidth, shape.width) }, offset);
}

// ---------------------------------------------------------------------------------------------
// Struct literals: rustfmt's `rewrite_struct_lit` (fields without shorthand or base).

function structLit(path: string, fields: readonly (readonly [string, Expr])[], shape: Shape, ctx: Ctx): string | undefined {
  const pathShape = subWidth(shape, 2);
  if (pathShape === undefined || path.length > pathShape.width) return undefined;
  if (fields.length === 0) return `${path} {}`;
  const prefixWidth = path.length + 3;
  const vBase = blockIndent(shape, TAB);
  const v: Shape = { ...vBase, width: Math.max(0, MAX_WIDTH - indentWidth(vBase.indent)) };
  const h = shape.width >= prefixWidth + 2 ? legacy(Math.min(shape.width - prefixWidth - 2, STRUCT_LIT_WIDTH), shape.indent) : undefined;
  const oneLineWidth = h?.width ?? 0;
  const fieldShape = subWidth(v, 1);
  const items: Item[] = fields.map(([name, value]) => (fieldShape ? structField(name, value, fieldShape, ctx) : undefined));
  const tactic = h ? definitiveTactic(items, undefined, h.width) : V;
  const nestedShape = tactic.k === "horizontal" ? h! : v;
  const body = writeList(items, {
    tactic,
    trailing: ctx.insideMacro ? "never" : "vertical",
    shape: nestedShape,
    endsWithNewline: tactic.k === "vertical",
  });
  if (body === undefined) return undefined;
  const vertical = body.includes("\n") || body.length > oneLineWidth;
  return vertical ? `${path} {\n${spaces(indentWidth(v.indent))}${body}\n${spaces(indentWidth(shape.indent))}}` : `${path} { ${body} }`;
}

function structField(name: string, value: Expr, shape: Shape, ctx: Ctx): string | undefined {
  const exprShape = offsetLeft(shape, name.length + 2);
  const text = exprShape && rewrite(value, exprShape, ctx);
  if (text !== undefined) return `${name}: ${text}`;
  const next = { block: shape.indent.block + TAB, align: shape.indent.align };
  const below = rewrite(value, { width: Math.max(0, MAX_WIDTH - indentWidth(next)), indent: next, offset: next.align }, ctx);
  return below === undefined ? undefined : `${name}:\n${spaces(indentWidth(next))}${below}`;
}

// ---------------------------------------------------------------------------------------------
// Statements and items.

/** The text of an expression statement at `column` (`;` appended when `semicolon`), or undefined. */
export function layoutStatement(e: Expr, column: number, semicolon: boolean): string | undefined {
  const shape = semicolon ? subWidth(indented(column), 1) : indented(column);
  const text = shape && rewrite(e, shape, TOP);
  return text === undefined ? undefined : `${spaces(column)}${text}${semicolon ? ";" : ""}`;
}

/** The one-line text of a type. */
export function typeText(t: TypeNode): string {
  switch (t.k) {
    case "type":
      return t.args.length === 0 ? t.path : `${t.path}<${t.args.map(typeText).join(", ")}>`;
    case "tuple-type":
      return t.items.length === 1 ? `(${typeText(t.items[0]!)},)` : `(${t.items.map(typeText).join(", ")})`;
    case "array-type":
      return `[${typeText(t.element)}; ${t.length}]`;
  }
}

/** The one-line text of an expression (the layout kept where rustfmt cannot format). */
export function exprText(e: Expr): string {
  switch (e.k) {
    case "atom":
      return e.text;
    case "call":
      return `${e.callee}(${e.args.map(exprText).join(", ")})`;
    case "macro":
      return `${e.name}(${e.args.map(exprText).join(", ")})`;
    case "array":
      return `${e.name}[${e.items.map(exprText).join(", ")}]`;
    case "tuple":
      return e.items.length === 1 ? `(${exprText(e.items[0]!)},)` : `(${e.items.map(exprText).join(", ")})`;
    case "struct":
      return e.fields.length === 0 ? `${e.path} {}` : `${e.path} { ${e.fields.map(([n, v]) => `${n}: ${exprText(v)}`).join(", ")} }`;
    case "try":
      return `${exprText(e.expr)}?`;
    case "ref":
      return `&${exprText(e.expr)}`;
  }
}

/**
 * An outer attribute `#[name(items)]` at `column`, as rustfmt lays out its meta list (items on
 * one line while they fit `attr_fn_like_width`, else one per line).
 */
export function layoutAttribute(name: string, items: readonly MetaNode[], column: number): string {
  const shape = offsetLeft(indented(column), 2);
  const inner = shape && subWidth(shape, 1);
  const text = inner && overflow(name, items, inner, TOP, "(", ")", ATTR_FN_LIKE_WIDTH, "never");
  return `${spaces(column)}#[${text ?? `${name}(${items.map(metaText).join(", ")})`}]`;
}

function metaText(m: MetaNode): string {
  return m.k === "word" ? m.text : `${m.name} = ${m.value}`;
}

/**
 * `prefix rhs` where rustfmt puts the right-hand side of a `const`, a `let` or a field type
 * (`rewrite_assign_rhs`, `choose_rhs`): on the same line when it fits, else on the next line
 * indented one more step. `prefix` ends with its separator (`pub const X: &str =`,
 * `pub name:`); `suffix` follows (`;` or `,`).
 */
export function layoutAssignment(
  prefix: string,
  rhs: { readonly expr: Expr } | { readonly type: TypeNode },
  column: number,
  suffix: string,
): string | undefined {
  const node: Node = "expr" in rhs ? rhs.expr : rhs.type;
  const base = subWidth(indented(column), suffix.length);
  if (base === undefined) return undefined;
  const origShape = offsetLeft(base, prefix.length + 1) ?? { ...base, width: 0, offset: base.offset + prefix.length + 1 };
  const orig = rewrite(node, origShape, TOP);
  const onSame = (t: string): string => `${spaces(column)}${prefix} ${t}${suffix}`;
  if (orig !== undefined && !orig.includes("\n") && orig.length <= origShape.width) return onSame(orig);
  const nextColumn = column + TAB;
  const nextShape = subWidth(indented(nextColumn), suffix.length);
  const next = nextShape && rewrite(node, nextShape, TOP);
  const onNext = (t: string): string => `${spaces(column)}${prefix}\n${spaces(nextColumn)}${t}${suffix}`;
  if (orig !== undefined && next !== undefined && !fits(next, nextShape!)) return onSame(orig);
  if (orig !== undefined && next !== undefined && preferNextLine(orig, next)) return onNext(next);
  if (orig === undefined) return next === undefined ? undefined : onNext(next);
  return onSame(orig);
}

function preferNextLine(orig: string, next: string): boolean {
  const ends = (s: string, c: string): boolean => s.split("\n")[0]!.trimEnd().endsWith(c);
  return (
    !next.includes("\n") || countNewlines(orig) > countNewlines(next) + 1 || ["(", "{", "["].some((c) => ends(orig, c) && !ends(next, c))
  );
}

/**
 * A function's signature with its opening brace, as rustfmt's `rewrite_fn_base` lays it out
 * (`fn_params_layout = "Tall"`): one line when it fits, else one parameter per line, `)` and
 * the return type on the next line, `{` on a line of its own when it would not fit.
 * `head` is everything before the parameters (`pub fn pool_dir`); `ret` the return type.
 */
export function layoutFnSignature(head: string, params: readonly string[], ret: string | undefined, column: number): string {
  const retStr = ret === undefined ? "" : `-> ${ret}`;
  const overhead = retStr === "" ? 2 : 3;
  let oneLineBudget = Math.max(0, MAX_WIDTH - (column + head.length + retStr.length + overhead + 2));
  if (oneLineBudget <= 0) oneLineBudget = 0;
  const paramColumn = column + TAB;
  const horizontal = params.join(", ");
  const paramStr = horizontal.length <= oneLineBudget ? horizontal : params.map((p) => `${p},`).join(`\n${spaces(paramColumn)}`);
  const inBlock = params.length > 0 && (paramStr.includes("\n") || paramStr.length > oneLineBudget);
  let result = `${head}(`;
  let forceNewlineBrace = false;
  if (inBlock) {
    result += `\n${spaces(paramColumn)}${paramStr}\n${spaces(column)})`;
  } else {
    result += paramStr;
    const used = (result.includes("\n") ? lastLineWidth(result) : column + result.length) + firstLineWidth(retStr);
    if (params.length === 0 && used + 1 > MAX_WIDTH) result += `\n${spaces(column)}`;
    result += ")";
  }
  if (retStr !== "") {
    const indentRet =
      inBlock || params.length === 0 ? false : result.includes("\n") ? true : result.length + column + retStr.length + 1 + 2 > MAX_WIDTH;
    if (indentRet) {
      const at = paramStr === "" ? column + TAB : paramColumn;
      if (paramStr === "") forceNewlineBrace = true;
      result += `\n${spaces(at)}`;
    } else {
      result += " ";
    }
    result += retStr;
  }
  const newlineBrace = forceNewlineBrace || lastLineWidth(result) + 2 > MAX_WIDTH - column;
  return `${spaces(column)}${result}${newlineBrace ? `\n${spaces(column)}{` : " {"}`;
}

/**
 * rustfmt's order of the names in a `use` list (style edition 2021): snake_case names first,
 * then CamelCase, then SCREAMING_SNAKE_CASE, each by bytes.
 */
function compareUseNames(a: string, b: string): number {
  const upperFirst = (s: string): boolean => /^[A-Z]/.test(s);
  const lowerFirst = (s: string): boolean => /^[a-z]/.test(s);
  const upperSnake = (s: string): boolean => /^[A-Z0-9_]*$/.test(s);
  if (upperFirst(a) && lowerFirst(b)) return 1;
  if (lowerFirst(a) && upperFirst(b)) return -1;
  if (upperSnake(a) && !upperSnake(b)) return 1;
  if (!upperSnake(a) && upperSnake(b)) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `use prefix{names};` as rustfmt writes it: one name without braces, the list on one line
 * when it fits, else the names packed on indented lines (`imports_layout = "Mixed"`).
 */
export function layoutUse(prefix: string, names: readonly string[]): string {
  const sorted = [...names].sort(compareUseNames);
  if (sorted.length === 1) return `use ${prefix}${sorted[0]};`;
  const one = `use ${prefix}{${sorted.join(", ")}};`;
  if (one.length <= MAX_WIDTH) return one;
  const list = writeList(sorted, {
    tactic: { k: "mixed" },
    trailing: "vertical",
    shape: { width: MAX_WIDTH - TAB - 1, indent: { block: TAB, align: 0 }, offset: 0 },
    endsWithNewline: true,
  });
  return `use ${prefix}{\n${spaces(TAB)}${list}\n};`;
}
