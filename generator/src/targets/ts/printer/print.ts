/**
 * Prints the syntax tree of ./ast.ts as prettier 3 prints the same TypeScript (print width 120,
 * two-space indent, double quotes, semicolons, trailing commas everywhere). Each function follows
 * the prettier printer of its node (prettier/src/language-js/print/*), reduced to the cases
 * generated code has. Tests compare the output with prettier's on every emitted file and on
 * random names and values.
 */
import type { Case, Decl, Expr, ImportName, Member, Param, Prop, SourceFile, Stmt, TypeNode } from "./ast.js";
import {
  align,
  breakParent,
  fill,
  canBreak,
  group,
  hardline,
  ifBreak,
  indent,
  indentIfBreak,
  join,
  line,
  printDoc,
  softline,
  willBreak,
  type Doc,
} from "./doc.js";

export const PRINT_WIDTH = 120;

/** Prints a whole file: the header comment, then declarations with one blank line between them. */
export function printSourceFile(file: SourceFile): string {
  const parts: Doc[] = [];
  if (file.header) parts.push(file.header, hardline, hardline);
  file.decls.forEach((d, i) => {
    if (i > 0) {
      const previous = file.decls[i - 1]!;
      parts.push(hardline);
      if (!(previous.t === "import" && d.t === "import")) parts.push(hardline);
    }
    parts.push(printDecl(d));
  });
  parts.push(hardline);
  return printDoc(parts, PRINT_WIDTH);
}

// ---------------------------------------------------------------------------------------------
// Literals and names

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Whether a property name can be written without quotes (prettier keeps such keys bare). */
export function isIdentifierName(name: string): boolean {
  return IDENTIFIER.test(name);
}

/**
 * A string literal as prettier prints it: double quotes unless the text holds more double than
 * single quotes. Everything outside printable ASCII is escaped, so printed code is ASCII and its
 * width is its length (prettier measures East Asian and emoji characters differently).
 */
export function stringLiteral(value: string): string {
  let doubles = 0;
  let singles = 0;
  for (const c of value) {
    if (c === '"') doubles++;
    else if (c === "'") singles++;
  }
  const quote = doubles > singles ? "'" : '"';
  let out = quote;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const ch = value[i]!;
    if (ch === quote || ch === "\\") out += `\\${ch}`;
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c === 0x09) out += "\\t";
    else if (c === 0x08) out += "\\b";
    else if (c === 0x0c) out += "\\f";
    else if (c < 0x20 || c >= 0x7f) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return out + quote;
}

function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot print ${value} as a literal`);
  // prettier lowercases exponents and drops a "+" after them: 1e+21 -> 1e21.
  return String(value).replace("e+", "e");
}

function propertyKey(key: string): string {
  // `__proto__: x` in an object literal would set the prototype: a computed key stores it as data.
  if (key === "__proto__") return `[${stringLiteral(key)}]`;
  return isIdentifierName(key) ? key : stringLiteral(key);
}

// ---------------------------------------------------------------------------------------------
// Expressions

/** Where an expression sits, as far as prettier's choices depend on it. */
type Position =
  | "statement" // expression statement, or anything without special handling
  | "if-test"
  | "return"
  | "declarator" // initializer of a variable
  | "property" // value of an object property
  | "argument"
  | "callee"
  | "member-object"
  | "unary"
  | "template"
  | "binary-operand"
  | "cond-test"
  | "for-header";

const LOGICAL = new Set(["||", "&&", "??"]);

const PRECEDENCE: Record<string, number> = {
  "??": 1,
  "||": 2,
  "&&": 3,
  "|": 4,
  "&": 6,
  "===": 7,
  "!==": 7,
  "==": 7,
  "!=": 7,
  "<": 8,
  "<=": 8,
  ">": 8,
  ">=": 8,
  in: 8,
  instanceof: 8,
  ">>>": 9,
  "+": 10,
  "-": 10,
  "*": 11,
  "%": 11,
};

function isBinaryish(e: Expr): e is Extract<Expr, { t: "binary" }> {
  return e.t === "binary";
}

/** prettier's shouldFlatten: same precedence, but not `%` beside `*`, nor two equality operators. */
function shouldFlatten(parentOp: string, nodeOp: string): boolean {
  if (PRECEDENCE[parentOp] !== PRECEDENCE[nodeOp]) return false;
  if (PRECEDENCE[parentOp] === 7) return false;
  if ((nodeOp === "%" && parentOp === "*") || (parentOp === "%" && nodeOp === "*")) return false;
  if (nodeOp !== parentOp && (nodeOp === "*" || nodeOp === "%") && (parentOp === "*" || parentOp === "%")) return false;
  return true;
}

/** Whether a binary operand needs parentheses (what JavaScript requires, plus prettier's `&&` inside `||`). */
function operandNeedsParens(parentOp: string, child: Expr, isRight: boolean): boolean {
  if (child.t === "cond" || child.t === "assign" || child.t === "as") return true;
  if (child.t !== "binary") return false;
  const po = PRECEDENCE[parentOp]!;
  const co = PRECEDENCE[child.op]!;
  if ((parentOp === "??") !== (child.op === "??") && (LOGICAL.has(parentOp) && LOGICAL.has(child.op))) return true;
  if (co < po) return true;
  if (isRight && co === po) return true;
  if (co === po && !shouldFlatten(parentOp, child.op)) return true;
  // prettier adds parentheses around `&&` inside `||`, and around anything inside a bitwise operator.
  if (parentOp === "||" && child.op === "&&") return true;
  if (parentOp === "&" || parentOp === "|") return true;
  return false;
}

function needsParensAsObject(e: Expr): boolean {
  return e.t === "num" || e.t === "binary" || e.t === "cond" || e.t === "unary" || e.t === "assign" || e.t === "as" || e.t === "new" && e.args.length === 0 || e.t === "update";
}

export function printExpr(e: Expr, pos: Position = "statement"): Doc {
  switch (e.t) {
    case "id":
      return e.name;
    case "str":
      return stringLiteral(e.value);
    case "num":
      return numberLiteral(e.value);
    case "lit":
      return e.text;
    case "member": {
      const object = printExpr(e.object, "member-object");
      return [wrapIf(needsParensAsObject(e.object), object), e.optional ? "?." : ".", e.name];
    }
    case "index": {
      const object = wrapIf(needsParensAsObject(e.object), printExpr(e.object, "member-object"));
      if (e.index.t === "num") return [object, "[", printExpr(e.index), "]"];
      return [object, group(["[", indent([softline, printExpr(e.index)]), softline, "]"])];
    }
    case "call":
    case "new": {
      const calleeNeedsParens = e.callee.t !== "id" && e.callee.t !== "member" && e.callee.t !== "call" && e.callee.t !== "index";
      const callee = wrapIf(calleeNeedsParens, printExpr(e.callee, "callee"));
      const args = printArguments(e.args);
      const optional = e.t === "call" && e.optional ? "?." : "";
      const pure = e.pure ? "/* @__PURE__ */ " : "";
      if (e.t === "new") return [pure, "new ", callee, args];
      if (e.callee.t === "member") return [pure, group([callee, optional, args])];
      if (e.callee.t === "call") return [pure, group([callee, optional, args])];
      return [pure, callee, optional, args];
    }
    case "unary": {
      const arg = printExpr(e.arg, "unary");
      if (e.arg.t === "binary") return [e.op, "(", group([indent([softline, arg]), softline]), ")"];
      const needs = e.arg.t === "cond" || e.arg.t === "assign" || e.arg.t === "as";
      return [e.op, wrapIf(needs, arg)];
    }
    case "update":
      return [printExpr(e.arg, "unary"), e.op];
    case "binary":
      return printBinary(e, pos);
    case "cond":
      return printConditional(e, pos);
    case "assign":
      return printAssignment(printExpr(e.left), ` ${e.op}`, e.right, "assignment");
    case "object":
      return printObject(e);
    case "array":
      return printArray(e.items);
    case "template": {
      const parts: Doc[] = ["`"];
      e.quasis.forEach((q, i) => {
        parts.push(q);
        if (i < e.exprs.length) parts.push("${", printDoc(printExpr(e.exprs[i]!, "template"), Infinity), "}");
      });
      parts.push("`");
      return parts;
    }
    case "as":
      return [printExpr(e.expr), " as ", printType(e.type)];
    case "arrow":
      // prettier's printArrowFunction for an expression body: on the next line, indented, when it does not fit.
      return group([printArrowParams(e.params), " =>", group(indent([line, printExpr(e.body)]))]);
  }
}

/** An arrow function's parameters (plain names), one per line with a trailing comma when they do not fit. */
function printArrowParams(params: readonly string[]): Doc {
  if (params.length === 0) return "()";
  return group(["(", indent([softline, join([",", line], [...params])]), ifBreak(","), softline, ")"]);
}

function wrapIf(condition: boolean, doc: Doc): Doc {
  return condition ? ["(", doc, ")"] : doc;
}

function printArguments(args: readonly Expr[]): Doc {
  if (args.length === 0) return "()";
  for (const a of args) {
    if (a.t === "object" && a.props.length > 0) throw new Error("object arguments are not printed: hoist them to a constant");
    if (a.t === "array" && a.items.length > 0) throw new Error("array arguments are not printed: hoist them to a constant");
  }
  const printed = args.map((a, i) => (i < args.length - 1 ? [printExpr(a, "argument"), ",", line] : printExpr(a, "argument")));
  return group(["(", indent([softline, ...printed]), ifBreak(","), softline, ")"], { shouldBreak: printed.some(willBreak) });
}

function printBinaryParts(e: Extract<Expr, { t: "binary" }>, insideParens: boolean, parentIsBinary: boolean): Doc[] {
  let parts: Doc[];
  if (isBinaryish(e.left) && shouldFlatten(e.op, e.left.op) && !operandNeedsParens(e.op, e.left, false)) {
    parts = printBinaryParts(e.left, insideParens, true);
  } else {
    parts = [group(printOperand(e.op, e.left, false))];
  }
  const isLogical = LOGICAL.has(e.op);
  const shouldInline = isLogical && ((e.right.t === "object" && e.right.props.length > 0) || (e.right.t === "array" && e.right.items.length > 0));
  let right: Doc = shouldInline ? [e.op, " ", printOperand(e.op, e.right, true)] : [e.op, line, printOperand(e.op, e.right, true)];
  const typeOf = (x: Expr): string | undefined => (x.t === "binary" ? (LOGICAL.has(x.op) ? "logical" : "binary") : undefined);
  const own = isLogical ? "logical" : "binary";
  const parentType = parentIsBinary ? own : undefined;
  const shouldGroup = !(insideParens && isLogical) && parentType !== own && typeOf(e.left) !== own && typeOf(e.right) !== own;
  if (shouldGroup) right = group(right);
  parts.push(" ", right);
  return parts;
}

function printOperand(op: string, operand: Expr, isRight: boolean): Doc {
  const doc = printExpr(operand, "binary-operand");
  if (!operandNeedsParens(op, operand, isRight)) return doc;
  // A parenthesized binary operand prints as a binary expression of its own.
  return ["(", doc, ")"];
}

function printBinary(e: Extract<Expr, { t: "binary" }>, pos: Position): Doc {
  const insideParens = pos === "if-test";
  const parts = printBinaryParts(e, insideParens, false);
  if (insideParens) return parts;
  if (pos === "callee" || pos === "unary" || pos === "member-object") return group([indent([softline, ...parts]), softline]);
  const isLogical = LOGICAL.has(e.op);
  const shouldInline = isLogical && ((e.right.t === "object" && e.right.props.length > 0) || (e.right.t === "array" && e.right.items.length > 0));
  const shouldNotIndent = pos === "return" || pos === "template" || pos === "cond-test" || pos === "for-header";
  const shouldIndentIfInlining = pos === "declarator" || pos === "property";
  const samePrecedence = isBinaryish(e.left) && shouldFlatten(e.op, e.left.op);
  if (shouldNotIndent || (shouldInline && !samePrecedence) || (!shouldInline && shouldIndentIfInlining)) return group(parts);
  return group([parts[0]!, indent(parts.slice(1))]);
}

/**
 * A conditional expression (prettier's printTernaryOld, normal mode). A conditional in the `else`
 * branch continues the chain: printed in the same group, one level further in, as prettier 3 does.
 * Conditionals as a test or a `then` branch are not printed (the emitters do not build them).
 */
function printConditional(e: Extract<Expr, { t: "cond" }>, pos: Position): Doc {
  const breakClosingParen = pos === "member-object";
  return group([...conditionalParts(e, pos), breakClosingParen ? softline : ""]);
}

function conditionalParts(e: Extract<Expr, { t: "cond" }>, pos: Position, chained = false): Doc[] {
  if (e.test.t === "cond" || e.then.t === "cond") throw new Error("conditional expressions as a test or a then branch are not printed");
  // prettier puts `??` in parentheses anywhere in a conditional expression.
  const nullish = (x: Expr): boolean => x.t === "binary" && x.op === "??";
  // A binary test or branch is not indented, unless the conditional is returned or an argument (prettier).
  const inner: Position = pos === "return" || pos === "argument" ? "statement" : "cond-test";
  const test = wrapIf(e.test.t === "assign" || nullish(e.test), printExpr(e.test, inner));
  // Branches are aligned with the first character after `? ` and `: `.
  // prettier puts an `as` expression in parentheses as a branch too.
  const branch = (x: Expr): Doc => align(2, wrapIf(x.t === "assign" || x.t === "as" || nullish(x), printExpr(x, inner)));
  const otherwise = e.else.t === "cond" ? conditionalParts(e.else, "cond-test", true) : branch(e.else);
  // The test of a chained conditional continues one level in from the first character after `: ` (prettier 3).
  return [chained ? align(2, indent(test)) : test, indent([line, "? ", branch(e.then), line, ": ", otherwise])];
}

function printObject(e: Extract<Expr, { t: "object" }>): Doc {
  if (e.props.length === 0) return "{}";
  const props = e.props.map((p, i) => (i === 0 ? printProp(p) : [",", line, printProp(p)]));
  return group(["{", indent([line, ...props]), ifBreak(","), line, "}"], { shouldBreak: e.expand === true });
}

function printProp(p: Prop): Doc {
  if (p.spread) return ["...", printExpr(p.value)];
  const printed = p.value.t === "id" && p.value.name === p.key ? p.key : printAssignment(propertyKey(p.key), ":", p.value, "property");
  return p.doc ? [printDocComment(p.doc), hardline, printed] : printed;
}

function printArray(items: readonly Expr[]): Doc {
  if (items.length === 0) return "[]";
  const isNumber = (x: Expr): boolean => x.t === "num" || (x.t === "unary" && x.op === "-" && x.arg.t === "num");
  if (items.length > 1 && items.every(isNumber)) {
    // prettier prints an array of numbers concisely: as many per line as fit.
    const id = Symbol("array");
    const parts: Doc[] = [];
    items.forEach((x, i) => {
      const last = i === items.length - 1;
      parts.push([printExpr(x), last ? ifBreak(",", "", id) : ","]);
      if (!last) parts.push(line);
    });
    return group(["[", indent([softline, fill(parts)]), softline, "]"], { id });
  }
  const printed = items.map((x, i) => (i === 0 ? printExpr(x) : [",", line, printExpr(x)]));
  const shouldBreak =
    items.length > 1 &&
    items.every((x, i, all) => {
      const next = all[i + 1];
      const ok = (x.t === "object" && x.props.length > 1) || (x.t === "array" && x.items.length > 1);
      return ok && (next === undefined || next.t === x.t);
    });
  return group(["[", indent([softline, ...printed]), ifBreak(","), softline, "]"], { shouldBreak });
}

// ---------------------------------------------------------------------------------------------
// Assignment-like constructs: variable declarators, object properties, type aliases.

type AssignmentKind = "declarator" | "property" | "assignment";

function isLoneShortArgument(e: Expr): boolean {
  const threshold = PRINT_WIDTH * 0.25;
  switch (e.t) {
    case "lit":
      return true;
    case "id":
      return e.name.length <= threshold;
    case "num":
      return true;
    case "str":
      return stringLiteral(e.value).length <= threshold;
    case "template":
      return e.exprs.length === 0 && e.quasis[0]!.length <= threshold && !e.quasis[0]!.includes("\n");
    case "unary":
      return isLoneShortArgument(e.arg);
    case "call":
      return e.args.length === 0 && e.callee.t === "id" && e.callee.name.length <= threshold - 2;
    default:
      return false;
  }
}

/** prettier's isPoorlyBreakableMemberOrCallChain, for chains without member-chain printing. */
function isPoorlyBreakable(e: Expr, deep = false): boolean {
  if (e.t === "call") {
    if (!(e.args.length === 0 || (e.args.length === 1 && isLoneShortArgument(e.args[0]!)))) return false;
    return isPoorlyBreakable(e.callee, true);
  }
  if (e.t === "member" || e.t === "index") return isPoorlyBreakable(e.object, true);
  return deep && (e.t === "id" || (e.t === "lit" && e.text === "this"));
}

function printAssignment(left: Doc, operator: string, right: Expr, kind: AssignmentKind): Doc {
  const pos: Position = kind === "property" ? "property" : "declarator";
  const rightDoc = printExpr(right, pos);
  if (right.t === "arrow") {
    // prettier's "break-lhs" layout (an arrow function declarator whose left side can break, as a
    // type annotation with arguments can): never a break after the operator.
    if (kind !== "declarator" || !canBreak(left)) throw new Error("an arrow function is printed only as a typed constant's initializer");
    return group([group(left), operator, " ", rightDoc]);
  }
  const hasShortKey = kind === "property" && typeof left === "string" && left.length < 2 + 3;
  const breakAfterOperator = (): boolean => {
    if (right.t === "binary") return !(LOGICAL.has(right.op) && ((right.right.t === "object" && right.right.props.length > 0) || (right.right.t === "array" && right.right.items.length > 0)));
    if (right.t === "cond") return right.test.t === "binary";
    if (hasShortKey) return false;
    let node: Expr = right;
    while (node.t === "unary") node = node.arg;
    return node.t === "str" || isPoorlyBreakable(node);
  };
  if (breakAfterOperator()) return group([group(left), operator, group(indent([line, rightDoc]))]);
  if (!canBreak(left) && (hasShortKey || right.t === "template" || right.t === "num" || (right.t === "lit" && (right.text === "true" || right.text === "false")))) {
    return group([group(left), operator, " ", rightDoc]);
  }
  const id = Symbol("assignment");
  return group([group(left), operator, group(indent(line), { id }), indentIfBreak(rightDoc, id)]);
}

// ---------------------------------------------------------------------------------------------
// Statements

function printStatements(body: readonly Stmt[]): Doc {
  const parts: Doc[] = [];
  body.forEach((s, i) => {
    if (s.t === "blank") return;
    if (parts.length > 0) parts.push(hardline);
    if (i > 0 && body[i - 1]!.t === "blank" && parts.length > 0) parts.push(hardline);
    parts.push(printStmt(s));
  });
  return parts;
}

function printBlock(body: readonly Stmt[]): Doc {
  if (body.filter((s) => s.t !== "blank").length === 0) return "{}";
  return ["{", indent([hardline, printStatements(body)]), hardline, "}"];
}

/** prettier's adjustClause: a block after a space, anything else indented on the next line if it must. */
function clause(s: Stmt, forceSpace = false): Doc {
  if (s.t === "block" || forceSpace) return [" ", printStmt(s)];
  return indent([line, printStmt(s)]);
}

function printStmt(s: Stmt): Doc {
  switch (s.t) {
    case "var": {
      const left: Doc = s.type ? [s.name, ": ", printType(s.type)] : s.name;
      if (s.init === undefined) return [s.kind, " ", left, ";"];
      return [s.kind, " ", printAssignment(left, " =", s.init, "declarator"), ";"];
    }
    case "if": {
      const opening = group(["if (", group([indent([softline, printExpr(s.test, "if-test")]), softline]), ")", clause(s.then)]);
      if (s.else === undefined) return opening;
      const parts: Doc[] = [opening];
      parts.push(s.then.t === "block" ? " " : hardline);
      parts.push("else", group(clause(s.else, s.else.t === "if")));
      return parts;
    }
    case "return":
    case "throw": {
      const word = s.t;
      if (s.arg === undefined) return [word, ";"];
      if (s.arg.t === "binary") {
        return [word, " ", group([ifBreak("("), indent([softline, printExpr(s.arg, "return")]), softline, ifBreak(")")]), ";"];
      }
      return [word, " ", printExpr(s.arg, "return"), ";"];
    }
    case "expr":
      return [printExpr(s.expr), ";"];
    case "block":
      return printBlock(s.body);
    case "for": {
      const init = printStmt(s.init);
      const initText = Array.isArray(init) && init.at(-1) === ";" ? init.slice(0, -1) : init;
      const body = group([indent([softline, initText, ";", line, printExpr(s.test, "for-header"), ";", line, printExpr(s.update, "for-header")]), softline]);
      return [group(["for (", body, ")", clause(s.body)])];
    }
    case "for-of":
      return group(["for (", s.kind, " ", s.name, " of ", printExpr(s.iter), ")", clause(s.body)]);
    case "switch": {
      const cases = s.cases.map((c) => printCase(c));
      return [group(["switch (", indent([softline, printExpr(s.disc)]), softline, ")"]), " {", cases.length > 0 ? indent([hardline, join(hardline, cases)]) : "", hardline, "}"];
    }
    case "break":
      return "break;";
    case "continue":
      return "continue;";
    case "blank":
      return "";
  }
}

function printCase(c: Case): Doc {
  const heads = c.tests.map((t) => (t === undefined ? "default:" : ["case ", printExpr(t), ":"]));
  const parts: Doc[] = [join(hardline, heads)];
  const body = c.body.filter((b) => b.t !== "blank");
  if (body.length > 0) {
    if (body.length === 1 && body[0]!.t === "block") parts.push(" ", printStmt(body[0]!));
    else parts.push(indent([hardline, printStatements(c.body)]));
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Types

function isSimpleType(t: TypeNode): boolean {
  return t.t === "ref" && (t.args === undefined || t.args.length === 0);
}

function isObjectType(t: TypeNode): boolean {
  return t.t === "type-literal";
}

/** A reference with its type arguments in a group that may break, one per line. */
function printTypeArgsLoose(t: Extract<TypeNode, { t: "ref" }>): Doc {
  const args = (t.args ?? []).map((a) => printType(a, "args"));
  return [t.name, group(["<", indent([softline, join([",", line], args)]), softline, ">"])];
}

export function printType(
  t: TypeNode,
  where: "default" | "member" | "alias" | "element" | "array-element" | "args" | "tuple-element" = "default",
): Doc {
  switch (t.t) {
    case "ref": {
      if (!t.args || t.args.length === 0) return t.name;
      if (t.args.length === 1 && (isSimpleType(t.args[0]!) || isObjectType(t.args[0]!))) return [t.name, "<", printType(t.args[0]!, "args"), ">"];
      return printTypeArgsLoose(t);
    }
    case "str-type":
      return stringLiteral(t.value);
    case "num-type":
      return numberLiteral(t.value);
    case "union": {
      // A union of unions is one union.
      const flat = (x: TypeNode): TypeNode[] => (x.t === "union" ? x.types.flatMap(flat) : [x]);
      const types = t.types.flatMap(flat);
      // prettier hugs `{ ... } | null` and `Ref | null`: one object-like type with null.
      const objectLike = types.filter((x) => x.t === "ref" || x.t === "type-literal");
      if (objectLike.length === 1 && types.every((x) => x === objectLike[0] || (x.t === "ref" && x.name === "null"))) {
        return join(" | ", types.map((x) => printType(x, "element")));
      }
      const printed = group(
        types.map((x, i) => {
          const inner = align(2, x.t === "intersection" || x.t === "predicate" ? ["(", printType(x), ")"] : printType(x, "element"));
          return i === 0 ? [ifBreak("| "), inner] : [line, "| ", inner];
        }),
      );
      if (where === "array-element") return group([indent([softline, printed]), softline]);
      if (where === "tuple-element") return group([indent([ifBreak(["(", softline]), printed]), softline, ifBreak(")")]);
      if (where === "alias" || where === "element" || where === "args") return printed;
      return group(indent([softline, printed]));
    }
    case "intersection":
      return join(" & ", t.types.map((x) => wrapIf(x.t === "union", printType(x, "element"))));
    case "array-type": {
      const needs = t.element.t === "union" || t.element.t === "intersection" || t.element.t === "keyof" || t.element.t === "typeof";
      return needs ? ["(", printType(t.element, "array-element"), ")[]"] : [printType(t.element), "[]"];
    }
    case "tuple":
      if (t.items.length === 0) return "[]";
      return group([
        "[",
        indent([softline, join([",", line], t.items.map((x) => printType(x, t.items.length > 1 ? "tuple-element" : "element")))]),
        ifBreak(","),
        softline,
        "]",
      ]);
    case "typeof":
      return ["typeof ", t.name];
    case "keyof":
      return ["keyof ", printType(t.type)];
    case "indexed": {
      const object = t.object.t === "typeof" || t.object.t === "keyof" || t.object.t === "union" ? ["(", printType(t.object), ")"] : printType(t.object);
      return [object, "[", printType(t.index), "]"];
    }
    case "type-literal": {
      if (t.members.length === 0) return "{}";
      if (t.members.some((m) => m.doc)) {
        const members = t.members.map((m) => withDoc(m.doc, [printMember(m, ";"), ";"]));
        return ["{", indent([hardline, join(hardline, members)]), hardline, "}"];
      }
      const members = t.members.map((m, i) => (i === 0 ? printMember(m, ";") : [";", line, printMember(m, "")]));
      return group(["{", indent([line, ...members]), ifBreak(";"), line, "}"]);
    }
    case "predicate":
      return [t.param, " is ", printType(t.type)];
  }
}

function printMember(m: Member, _separator: string): Doc {
  return [propertyKey(m.name), m.optional ? "?" : "", ": ", printType(m.type, "member")];
}

// ---------------------------------------------------------------------------------------------
// Declarations

/** A JSDoc block as prettier prints it: `/** text *\/` on one line, or one ` * ` line per line. */
export function printDocComment(text: string): Doc {
  const lines = text.split("\n").map((l) => l.replace(/\s+$/, ""));
  if (lines.length === 1 && !lines[0]!.includes("*/")) return `/** ${lines[0]} */`;
  const body = lines.map((l) => (l === "" ? " *" : ` * ${l}`));
  return ["/**", hardline, join(hardline, body), hardline, " */"];
}

function withDoc(doc: string | undefined, decl: Doc): Doc {
  return doc ? [printDocComment(doc), hardline, decl] : decl;
}

function printImportNames(names: readonly ImportName[]): Doc {
  const printed = names.map((n) => (n.typeOnly ? `type ${n.name}` : n.name));
  if (printed.length === 1) return ["{ ", printed[0]!, " }"];
  return group(["{", indent([line, join([",", line], printed)]), ifBreak(","), line, "}"]);
}

/** Parameters, ungrouped: the function's group breaks them before its return type (prettier). */
function printParams(params: readonly Param[]): Doc {
  if (params.length === 0) return "()";
  const printed = params.map((p, i) => {
    const doc: Doc = [p.name, p.optional ? "?" : "", ": ", printType(p.type)];
    return i < params.length - 1 ? [doc, ",", line] : doc;
  });
  return ["(", indent([softline, ...printed]), ifBreak(","), softline, ")"];
}

export function printDecl(d: Decl): Doc {
  switch (d.t) {
    case "comment":
      return d.text;
    case "import":
      return ["import ", printImportNames(d.names), " from ", stringLiteral(d.from), ";"];
    case "export-from":
      return ["export ", d.typeOnly ? "type " : "", printImportNames(d.names), " from ", stringLiteral(d.from), ";"];
    case "export-all":
      return ["export * from ", stringLiteral(d.from), ";"];
    case "function": {
      const typeParams: Doc =
        d.typeParams && d.typeParams.length > 0
          ? ["<", join(", ", d.typeParams.map((p) => (p.constraint ? [p.name, " extends ", printType(p.constraint)] : p.name))), ">"]
          : "";
      const head: Doc = [d.exported ? "export " : "", "function ", d.name, typeParams];
      const returns: Doc = d.returns ? [": ", printType(d.returns, "default")] : "";
      const params = printParams(d.params);
      const grouped = d.params.length === 1 && d.returns !== undefined && (isObjectType(d.returns) || willBreak(returns));
      return withDoc(d.doc, [head, group([grouped ? group(params) : params, returns]), " ", printBlock(d.body)]);
    }
    case "const": {
      // prettier never hugs the type arguments of an arrow function's declarator: they may break.
      const type = d.type && (d.init.t === "arrow" && d.type.t === "ref" && d.type.args?.length ? printTypeArgsLoose(d.type) : printType(d.type));
      const left: Doc = type ? [d.name, ": ", type] : d.name;
      const init: Expr = d.init;
      const printed = printAssignment(left, " =", init, "declarator");
      return withDoc(d.doc, [d.exported ? "export " : "", "const ", printed, d.asConst ? " as const" : "", ";"]);
    }
    case "type": {
      const left = ["type ", d.name];
      const right = d.type;
      let printed: Doc;
      if (right.t === "union") {
        printed = group([group(left), " =", group(indent([line, printType(right, "alias")]))]);
      } else {
        const id = Symbol("assignment");
        printed = group([group(left), " =", group(indent(line), { id }), indentIfBreak(printType(right), id)]);
      }
      return withDoc(d.doc, [d.exported ? "export " : "", printed, ";"]);
    }
    case "interface": {
      const heritage: Doc = d.extends && d.extends.length > 0 ? [" extends ", join(", ", d.extends.map((x) => printType(x)))] : "";
      const head: Doc = [d.exported ? "export " : "", "interface ", d.name, heritage, " "];
      if (d.members.length === 0) return withDoc(d.doc, [head, "{}"]);
      const members = d.members.map((m) => withDoc(m.doc, [printMember(m, ";"), ";"]));
      return withDoc(d.doc, [head, "{", indent([hardline, join(hardline, members)]), hardline, "}", breakParent]);
    }
  }
}
