/**
 * The TypeScript printer against prettier on random syntax trees of the shapes emitters build:
 * names and strings of every length (so lines break everywhere), and nesting. Each printed file
 * must be a fixed point of prettier. (The printer covers what generated code holds, not every
 * TypeScript construct: member access on identifiers, calls and members only; conditionals
 * nest only in the `else` branch, as a chain; no expression statements that are bare literals.)
 */
import fc from "fast-check";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import type { Decl, Expr, Stmt, TypeNode } from "../../generator/src/targets/ts/printer/ast.js";
import { PRINT_WIDTH, printSourceFile } from "../../generator/src/targets/ts/printer/print.js";

const PRETTIER = { parser: "typescript", printWidth: PRINT_WIDTH, trailingComma: "all" } as const;

const KEYWORDS = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await as any boolean number string symbol type from of declare is keyof readonly unique infer never unknown object undefined".split(" "),
);
const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,30}$/).filter((w) => !KEYWORDS.has(w));
const name = fc.oneof(word, fc.integer({ min: 1, max: 90 }).map((n) => `v${"x".repeat(n)}`));
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 10 }), fc.integer({ min: 0, max: 100 }).map((n) => "w".repeat(n)));

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  name.map((n) => ({ t: "id", name: n }) as Expr),
  text.map((v) => ({ t: "str", value: v }) as Expr),
  fc.integer({ min: 0, max: 1e9 }).map((v) => ({ t: "num", value: v }) as Expr),
  fc.constantFrom<Expr>({ t: "lit", text: "undefined" }, { t: "lit", text: "null" }, { t: "lit", text: "true" }),
);

/** Operands as generated code has them: names, literals, members, calls, `typeof x`, `!call()`. */
const call: fc.Arbitrary<Expr> = fc.oneof(
  fc.record({ callee: name, args: fc.array(leaf, { maxLength: 4 }) }).map(({ callee, args }) => ({ t: "call", callee: { t: "id", name: callee }, args }) as Expr),
  fc.record({ object: name, method: name, args: fc.array(leaf, { maxLength: 3 }) }).map(({ object, method, args }) => ({
    t: "call",
    callee: { t: "member", object: { t: "id", name: object }, name: method },
    args,
  }) as Expr),
);
const operand: fc.Arbitrary<Expr> = fc.oneof(
  leaf,
  call,
  fc.record({ object: name, name }).map(({ object, name }) => ({ t: "member", object: { t: "id", name: object }, name }) as Expr),
  fc.record({ object: name, index: leaf }).map(({ object, index }) => ({ t: "index", object: { t: "id", name: object }, index }) as Expr),
  name.map((n) => ({ t: "unary", op: "typeof ", arg: { t: "id", name: n } }) as Expr),
);
const negated: fc.Arbitrary<Expr> = call.map((arg) => ({ t: "unary", op: "!", arg }) as Expr);
// `<` and `>` only against numbers, as generated code compares (else `a < b, c > (d)` reads as type arguments).
const comparison: fc.Arbitrary<Expr> = fc.oneof(
  fc.record({ op: fc.constantFrom("===", "!==", "=="), left: operand, right: operand }).map(({ op, left, right }) => ({ t: "binary", op, left, right }) as Expr),
  fc
    .record({ op: fc.constantFrom("<", ">"), left: operand, right: fc.integer({ min: 0, max: 2 ** 32 }) })
    .map(({ op, left, right }) => ({ t: "binary", op, left, right: { t: "num", value: right } }) as Expr),
);
const condition: fc.Arbitrary<Expr> = fc.oneof(
  comparison,
  fc.array(fc.oneof(comparison, operand, negated), { minLength: 2, maxLength: 5 }).chain((parts) =>
    fc.constantFrom("||", "&&").map((op) => parts.reduce((left, right) => ({ t: "binary", op, left, right }) as Expr)),
  ),
);
const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    operand,
    operand,
    condition,
    fc.record({ left: operand, right: operand }).map(({ left, right }) => ({ t: "binary", op: "??", left, right }) as Expr),
    fc.record({ test: comparison, then: fc.oneof(leaf, call), else: fc.oneof(leaf, call) }).map((c) => ({ t: "cond", ...c }) as Expr),
    // A chain: `a ? b : c ? d : e`, as an optional field with a default reads.
    fc
      .array(fc.record({ test: comparison, then: fc.oneof(leaf, call) }), { minLength: 2, maxLength: 3 })
      .chain((links) => fc.oneof(leaf, call).map((last) => links.reduceRight<Expr>((otherwise, l) => ({ t: "cond", test: l.test, then: l.then, else: otherwise }), last))),
    fc.array(fc.record({ key: fc.oneof(name, text), value: tie("expr") }), { maxLength: 4 }).map((props) => ({ t: "object", props }) as Expr),
    fc.array(tie("expr"), { maxLength: 4 }).map((items) => ({ t: "array", items }) as Expr),
  ),
}));

const type: fc.Arbitrary<TypeNode> = fc.letrec<{ type: TypeNode }>((tie) => ({
  type: fc.oneof(
    { depthSize: "small" },
    name.map((n) => ({ t: "ref", name: n }) as TypeNode),
    text.map((v) => ({ t: "str-type", value: v }) as TypeNode),
    fc.array(tie("type"), { minLength: 2, maxLength: 5 }).map((types) => ({ t: "union", types }) as TypeNode),
    tie("type").map((element) => ({ t: "array-type", element }) as TypeNode),
    fc.array(tie("type"), { minLength: 1, maxLength: 3 }).map((items) => ({ t: "tuple", items }) as TypeNode),
    fc.record({ a: tie("type"), b: tie("type") }).map(({ a, b }) => ({ t: "ref", name: "Record", args: [a, b] }) as TypeNode),
  ),
})).type;

const stmt: fc.Arbitrary<Stmt> = fc.oneof(
  fc.record({ name, init: expr }).map(({ name, init }) => ({ t: "var", kind: "const", name, init }) as Stmt),
  fc.record({ test: condition, arg: expr }).map(({ test, arg }) => ({ t: "if", test, then: { t: "return", arg } }) as Stmt),
  fc.record({ test: condition, a: call, b: expr }).map(({ test, a, b }) => ({
    t: "if",
    test,
    then: { t: "block", body: [{ t: "expr", expr: a }, { t: "return" }] },
    else: { t: "return", arg: b },
  }) as Stmt),
  expr.map((arg) => ({ t: "return", arg }) as Stmt),
  call.map((e) => ({ t: "expr", expr: e }) as Stmt),
);

const decl: fc.Arbitrary<Decl> = fc.oneof(
  fc.record({ name, params: fc.array(fc.record({ name, type }), { maxLength: 4 }), returns: type, body: fc.array(stmt, { maxLength: 5 }) }).map(
    (f) => ({ t: "function", exported: true, ...f }) as Decl,
  ),
  fc.record({ name, init: expr }).map(({ name, init }) => ({ t: "const", name, exported: true, init }) as Decl),
  // `export const parseT: Parse<T> = (input) => check("T", readT, input);`, as every type's parseT.
  fc.record({ name, arg: name, param: name, body: call }).map(
    ({ name, arg, param, body }) =>
      ({ t: "const", name, exported: true, type: { t: "ref", name: "Parse", args: [{ t: "ref", name: arg }] }, init: { t: "arrow", params: [param], body } }) as Decl,
  ),
  fc.record({ name, type }).map(({ name, type }) => ({ t: "type", name, exported: true, type }) as Decl),
  fc.record({ name, members: fc.array(fc.record({ name: fc.oneof(name, text), type, optional: fc.boolean() }), { maxLength: 4 }) }).map(
    ({ name, members }) => ({ t: "interface", name, exported: true, members }) as Decl,
  ),
);

describe("the TypeScript printer prints random trees as prettier does", () => {
  it("declarations", async () => {
    const cases = fc.sample(fc.array(decl, { minLength: 1, maxLength: 4 }), { numRuns: Number(process.env["PRINTER_RUNS"] ?? 300), seed: 20261202 });
    for (const decls of cases) {
      const printed = printSourceFile({ header: "", decls });
      expect(printed).toBe(await format(printed, PRETTIER));
    }
  });
});
