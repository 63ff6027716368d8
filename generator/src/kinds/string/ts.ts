/** Strings with rules in TypeScript: a string alias, the rule (also used by path helpers), reader and writer. */
import type { StringDecl } from "../../model/ir.js";
import { typeApi } from "../../targets/ts/api.js";
import type { Decl, Stmt } from "../../targets/ts/printer/ast.js";
import {
  bin,
  call,
  constDecl,
  docText,
  exprStmt,
  id,
  ifStmt,
  method,
  not,
  num,
  ref,
  ret,
  str,
  typeOf,
  UNDEFINED,
  type FileScope,
} from "../../targets/ts/scope.js";

function characters(n: number): string {
  return `${n} character${n === 1 ? "" : "s"}`;
}

/** The rules of a `kind: string` type in words: "at least 1 character", "at most 63 characters", the pattern. */
export function stringRules(decl: StringDecl): string[] {
  const rules: string[] = [];
  if (decl.minLength !== undefined) rules.push(`at least ${characters(decl.minLength)}`);
  if (decl.maxLength !== undefined) rules.push(`at most ${characters(decl.maxLength)}`);
  if (decl.pattern !== undefined) rules.push(decl.patternDoc ?? `matches \`${decl.pattern}\``);
  return rules;
}

export function stringTs(s: FileScope, decl: StringDecl): Decl[] {
  const T = decl.name;
  const rules = stringRules(decl);
  const out: Decl[] = [{ t: "type", name: T, exported: true, type: ref("string"), doc: docText(decl.doc, rules.length > 0 ? `Rule: ${rules.join("; ")}.` : undefined) }];
  const value = id("value");
  const checks: Stmt[] = [];
  if (decl.minLength !== undefined || decl.maxLength !== undefined) {
    checks.push(constDecl("n", call(s.rt("codePointLength"), value)));
    if (decl.minLength !== undefined) {
      checks.push(ifStmt(bin("<", id("n"), num(decl.minLength)), ret({ t: "array", items: [str("too-short"), str(`must be at least ${characters(decl.minLength)}`)] })));
    }
    if (decl.maxLength !== undefined) {
      checks.push(ifStmt(bin(">", id("n"), num(decl.maxLength)), ret({ t: "array", items: [str("too-long"), str(`must be at most ${characters(decl.maxLength)}`)] })));
    }
  }
  if (decl.pattern !== undefined) {
    out.push({ t: "const", name: `${T}$pattern`, exported: false, init: { t: "new", callee: id("RegExp"), args: [str(decl.pattern), str("u")], pure: true } });
    const words = decl.patternDoc ?? `the pattern ${decl.pattern}`;
    checks.push(
      ifStmt(not(method(id(`${T}$pattern`), "test", value)), ret({ t: "array", items: [str("pattern-mismatch"), str(`must match the ${T} rule: ${words}`)] })),
    );
  }
  checks.push(ret(UNDEFINED));
  out.push({
    t: "function",
    name: `${T}$rule`,
    exported: true,
    params: [{ name: "value", type: ref("string") }],
    returns: { t: "union", types: [s.rtType("StringProblem"), ref("undefined")] },
    body: checks,
  });
  out.push({
    t: "function",
    name: `read${T}`,
    exported: true,
    params: [
      { name: "v", type: ref("unknown") },
      { name: "r", type: s.rtType("Report"), optional: true },
    ],
    returns: ref(T),
    body: [
      ifStmt(bin("!==", typeOf(id("v")), str("string")), exprStmt(call(s.rt("badItem"), id("r"), UNDEFINED, id("v"), s.rt("STRING"))), [
        constDecl("problem", call(id(`${T}$rule`), id("v"))),
        ifStmt(bin("!==", id("problem"), UNDEFINED), exprStmt(call(s.rt("badValue"), id("r"), { t: "index", object: id("problem"), index: num(0) }, { t: "index", object: id("problem"), index: num(1) }))),
      ]),
      ret(id("v")),
    ],
  });
  out.push({
    t: "function",
    name: `write${T}`,
    exported: true,
    params: [
      { name: "w", type: s.rtType("JsonWriter") },
      { name: "v", type: ref(T) },
    ],
    returns: ref("void"),
    body: [exprStmt(method(id("w"), "string", id("v")))],
  });
  out.push(...typeApi(s, decl, { input: ref(T), optionalInput: false, defaultFn: undefined, guard: true }));
  return out;
}
