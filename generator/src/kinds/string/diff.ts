/** Constrained-string changes for `idlc diff`: the rule tightened, relaxed or replaced, and its documentation. */
import type { StringDecl } from "../../model/ir.js";
import type { DiffContext } from "../../diff/context.js";
import { finding } from "../../diff/rules.js";
import { relateStringRules } from "../../diff/string-relation.js";

/** Compares two declarations of the same `kind: string` type. */
export function diffString(cx: DiffContext, b: StringDecl, h: StringDecl): void {
  const path = `type:${h.name}`;
  const where = { base: b.range, head: h.range };
  const rel = relateStringRules(b, h);
  if (rel.kind !== "same") {
    const rule =
      rel.kind === "narrower"
        ? "STRING_CONSTRAINT_TIGHTENED"
        : rel.kind === "wider"
          ? "STRING_CONSTRAINT_RELAXED"
          : "STRING_CONSTRAINT_CHANGED";
    cx.findings.push(finding(rule, path, { type: h.name, detail: rel.detail }, where));
  }
  if (b.patternDoc !== h.patternDoc) {
    cx.findings.push(finding("DOC_CHANGED", path, { what: "type", name: `${h.name} (pattern_doc)` }, where));
  }
}
