/** Open-enum changes for `idlc diff`: known values listed or no longer listed, their docs, the default. */
import type { OpenEnumDecl } from "../../model/ir.js";
import type { DiffContext } from "../../diff/context.js";
import { finding } from "../../diff/rules.js";
import { diffTypeDefault } from "../../diff/type-default.js";

/** Compares two declarations of the same open enum. */
export function diffOpenEnum(cx: DiffContext, b: OpenEnumDecl, h: OpenEnumDecl): void {
  const out = cx.findings;
  for (const bv of b.values) {
    const hv = h.values.find((v) => v.value === bv.value);
    const path = `${h.name}.${bv.value}`;
    if (hv === undefined) {
      out.push(finding("KNOWN_VALUE_REMOVED", path, { type: h.name, value: bv.value, constant: bv.name }, { base: bv.range }));
    } else if (hv.doc !== bv.doc) {
      out.push(finding("DOC_CHANGED", path, { what: "known value", name: path }, { base: bv.range, head: hv.range }));
    }
  }
  for (const hv of h.values) {
    if (b.values.some((v) => v.value === hv.value)) continue;
    out.push(finding("KNOWN_VALUE_ADDED", `${h.name}.${hv.value}`, { type: h.name, value: hv.value }, { head: hv.range }));
  }
  diffTypeDefault(cx, b, h, b.defaultValue, h.defaultValue, b.defaultValue === h.defaultValue);
}
