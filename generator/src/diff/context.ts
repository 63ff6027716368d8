/** Shared state of one diff run, matching of named members (fields, variants) on the wire, and findings several kinds report. */
import type { SourceRange } from "../diagnostics/diagnostic.js";
import type { Model, RenameRule } from "../model/ir.js";
import type { Note, Relation } from "./relation.js";
import { finding, type Finding, type Where } from "./rules.js";
import type { Indexes } from "./wire-relation.js";

export interface DiffContext {
  readonly base: Model;
  readonly head: Model;
  readonly ix: Indexes;
  readonly findings: Finding[];
}

export interface Member {
  readonly name: string;
  readonly wire: string;
  /** Other wire names the member is read under. */
  readonly aliases: readonly string[];
}

export interface Matched<T extends Member> {
  /** Same wire name on both sides (the IDL name may differ). */
  readonly same: readonly (readonly [T, T])[];
  /** Another wire name: the same IDL name, or one side's wire name is an alias of the other. */
  readonly rewired: readonly (readonly [T, T])[];
  readonly removed: readonly T[];
  readonly added: readonly T[];
}

/**
 * Pairs members by wire name first, then by a wire name kept as an alias on the other side,
 * then by IDL name; the rest was removed or added. `byName` pairs by IDL name only (untagged
 * enums, whose variant names are not on the wire).
 */
export function matchMembers<T extends Member>(base: readonly T[], head: readonly T[], byName = false): Matched<T> {
  const same: (readonly [T, T])[] = [];
  const rewired: (readonly [T, T])[] = [];
  const headLeft = new Set(head);
  let baseLeft: T[] = [];
  const pass = (from: readonly T[], pairs: (readonly [T, T])[], match: (b: T, h: T) => boolean): T[] => {
    const left: T[] = [];
    for (const b of from) {
      const h = [...headLeft].find((m) => match(b, m));
      if (h === undefined) left.push(b);
      else {
        pairs.push([b, h]);
        headLeft.delete(h);
      }
    }
    return left;
  };
  if (byName) baseLeft = pass(base, same, (b, h) => h.name === b.name);
  else {
    baseLeft = pass(base, same, (b, h) => h.wire === b.wire);
    baseLeft = pass(baseLeft, rewired, (b, h) => h.aliases.includes(b.wire) || b.aliases.includes(h.wire));
    baseLeft = pass(baseLeft, rewired, (b, h) => h.name === b.name);
  }
  return { same, rewired, removed: baseLeft, added: head.filter((m) => headLeft.has(m)) };
}

/** `a, b, c` or `a, b, c and 4 more`. */
export function listText(items: readonly string[], max = 6): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

/**
 * A changed `rename_all` at `path`: RENAME_RULE_CHANGED with the wire names it changed (collected
 * by the caller), or IDL_ONLY_CHANGE when it changed none.
 */
export function renameRuleChange(
  cx: DiffContext,
  b: { readonly renameAll: RenameRule | undefined; readonly range: SourceRange },
  h: { readonly name: string; readonly renameAll: RenameRule | undefined; readonly range: SourceRange },
  changes: readonly string[],
  member: "field" | "variant",
  path = `type:${h.name}`,
): void {
  if (b.renameAll === h.renameAll) return;
  const from = b.renameAll ?? "none";
  const to = h.renameAll ?? "none";
  const where = { base: b.range, head: h.range };
  cx.findings.push(
    changes.length > 0
      ? finding("RENAME_RULE_CHANGED", path, { name: h.name, from, to, changes: listText(changes) }, where)
      : finding(
          "IDL_ONLY_CHANGE",
          path,
          { detail: `rename_all of ${h.name} changed from ${from} to ${to} without renaming a ${member}` },
          where,
        ),
  );
}

/** One finding per note of a type relation, about `what` (`Field 'tags'`, `Newtype Meters`). */
export function noteFindings(path: string, what: string, notes: readonly Note[], where: Where): Finding[] {
  return notes.map((n) => finding(n.rule, path, { what, from: n.from, to: n.to, where: n.where ? ` in its ${n.where}` : "" }, where));
}

/**
 * The finding for a changed type held by a newtype, a tuple struct or a variant (`what`), and
 * its notes; IDL_ONLY_CHANGE when it reads the same but is spelled differently.
 */
export function innerTypeFindings(path: string, what: string, rel: Relation, from: string, to: string, where: Where): Finding[] {
  const args = { what, from, to };
  const notes = noteFindings(path, what, rel.notes ?? [], where);
  switch (rel.kind) {
    case "narrower":
      return [finding("INNER_TYPE_NARROWED", path, { ...args, detail: rel.detail }, where), ...notes];
    case "wider":
      return [finding("INNER_TYPE_WIDENED", path, { ...args, detail: rel.detail }, where), ...notes];
    case "different":
      return [finding("INNER_TYPE_CHANGED", path, { ...args, detail: rel.detail }, where), ...notes];
    case "same":
      if (notes.length > 0 || from === to) return notes;
      return [finding("IDL_ONLY_CHANGE", path, { detail: `${what} holds ${to}, was ${from}, which read the same` }, where)];
    default:
      return rel satisfies never;
  }
}
