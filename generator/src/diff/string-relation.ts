/** Strings on the wire: enums (a set of values), open enums (any string) and `kind: string` rules. */
import { assertNever, type StringDecl, type TypeDecl } from "../model/ir.js";
import { combine, SAME, type Relation } from "./relation.js";

/** The string values a reader accepts. */
export type StringDomain =
  { readonly k: "any" } | { readonly k: "set"; readonly values: readonly string[] } | { readonly k: "rule"; readonly decl: StringDecl };

/** The string values a declaration accepts; structs accept none. */
export function stringDomainOf(decl: TypeDecl): StringDomain {
  switch (decl.kind) {
    case "enum":
      return { k: "set", values: decl.variants.map((v) => v.wire) };
    case "open-enum":
      return { k: "any" };
    case "string":
      return { k: "rule", decl };
    case "struct":
      return { k: "set", values: [] };
    default:
      return assertNever(decl);
  }
}

/** Relation of two sets of string values (enums, open enums, string rules). */
export function relateStrings(b: StringDomain, h: StringDomain): Relation {
  if (b.k === "any" && h.k === "any") return SAME;
  if (h.k === "any") return { kind: "wider", detail: `strings other than ${domainText(b)}` };
  if (b.k === "any") return { kind: "narrower", detail: `strings other than ${domainText(h)}` };
  if (b.k === "rule" && h.k === "rule") return relateStringRules(b.decl, h.decl);
  if (b.k === "set" && h.k === "set") {
    const lost = b.values.filter((v) => !h.values.includes(v));
    const gained = h.values.filter((v) => !b.values.includes(v));
    const narrower: Relation = lost.length ? { kind: "narrower", detail: `the value${lost.length > 1 ? "s" : ""} ${quoted(lost)}` } : SAME;
    const wider: Relation = gained.length ? { kind: "wider", detail: `the value${gained.length > 1 ? "s" : ""} ${quoted(gained)}` } : SAME;
    return combine(narrower, wider);
  }
  if (b.k === "set" && h.k === "rule") {
    return b.values.every((v) => obeys(h.decl, v))
      ? { kind: "wider", detail: `strings other than ${quoted(b.values)}` }
      : { kind: "different", detail: `${domainText(h)} refuses some of ${quoted(b.values)}` };
  }
  if (b.k === "rule" && h.k === "set") {
    return h.values.every((v) => obeys(b.decl, v))
      ? { kind: "narrower", detail: `strings other than ${quoted(h.values)}` }
      : { kind: "different", detail: `${domainText(b)} refuses some of ${quoted(h.values)}` };
  }
  return { kind: "different", detail: `${domainText(b)} and ${domainText(h)} differ` };
}

/** Relation of two string rules (min/max length and pattern). */
export function relateStringRules(base: StringDecl, head: StringDecl): Relation {
  const parts: Relation[] = [];
  const bMin = base.minLength ?? 0;
  const hMin = head.minLength ?? 0;
  if (hMin > bMin) parts.push({ kind: "narrower", detail: `strings shorter than ${hMin}` });
  if (hMin < bMin) parts.push({ kind: "wider", detail: `strings shorter than ${bMin}` });
  const bMax = base.maxLength ?? Infinity;
  const hMax = head.maxLength ?? Infinity;
  if (hMax < bMax) parts.push({ kind: "narrower", detail: `strings longer than ${hMax}` });
  if (hMax > bMax) parts.push({ kind: "wider", detail: `strings longer than ${bMax}` });
  if (base.pattern !== head.pattern) {
    if (base.pattern === undefined) parts.push({ kind: "narrower", detail: `strings not matching ${head.pattern}` });
    else if (head.pattern === undefined) parts.push({ kind: "wider", detail: `strings not matching ${base.pattern}` });
    else parts.push({ kind: "different", detail: `pattern ${base.pattern} became ${head.pattern}` });
  }
  return parts.reduce(combine, SAME);
}

function obeys(decl: StringDecl, value: string): boolean {
  const length = [...value].length;
  if (decl.minLength !== undefined && length < decl.minLength) return false;
  if (decl.maxLength !== undefined && length > decl.maxLength) return false;
  if (decl.pattern === undefined) return true;
  try {
    return new RegExp(decl.pattern, "u").test(value);
  } catch {
    return false;
  }
}

/** `1 to 63 characters matching ^[a-z]+$`, for messages. */
function ruleText(decl: StringDecl): string {
  const parts: string[] = [];
  const chars = (n: number): string => `${n} character${n === 1 ? "" : "s"}`;
  if (decl.minLength !== undefined && decl.maxLength !== undefined) parts.push(`${decl.minLength} to ${chars(decl.maxLength)}`);
  else if (decl.minLength !== undefined) parts.push(`at least ${chars(decl.minLength)}`);
  else if (decl.maxLength !== undefined) parts.push(`at most ${chars(decl.maxLength)}`);
  if (decl.pattern !== undefined) parts.push(`matching ${decl.pattern}`);
  return parts.length ? `${decl.name} (${parts.join(", ")})` : decl.name;
}

/** `any string`, `'a', 'b'` or the rule in words. */
export function domainText(d: StringDomain): string {
  switch (d.k) {
    case "any":
      return "any string";
    case "set":
      return quoted(d.values);
    case "rule":
      return ruleText(d.decl);
    default:
      return assertNever(d);
  }
}

function quoted(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(", ");
}
