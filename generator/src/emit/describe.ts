/** Words for declarations, shared by the TSDoc, the README and messages. */
import type { StringDecl } from "../model/ir.js";

function characters(n: number): string {
  return `${n} character${n === 1 ? "" : "s"}`;
}

/** The rules of a `kind: string` type: "at least 1 character", "at most 63 characters", the pattern in words. */
export function stringRules(decl: StringDecl): string[] {
  const rules: string[] = [];
  if (decl.minLength !== undefined) rules.push(`at least ${characters(decl.minLength)}`);
  if (decl.maxLength !== undefined) rules.push(`at most ${characters(decl.maxLength)}`);
  if (decl.pattern !== undefined) rules.push(decl.patternDoc ?? `matches \`${decl.pattern}\``);
  return rules;
}

/** "a Role", "an Id", "an InstanceResources": the article a type name is read with. */
export function withArticle(name: string): string {
  return `${/^[AEIOU]/.test(name) ? "an" : "a"} ${name}`;
}
