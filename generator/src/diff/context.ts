/** Shared state of one diff run, and matching of named members (fields, variants) on the wire. */
import type { SourceRange } from "../diagnostics/diagnostic.js";
import type { Model, RenameRule } from "../model/ir.js";
import { finding, type Finding } from "./rules.js";
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
}

export interface Matched<T extends Member> {
  /** Same wire name on both sides (the IDL name may differ). */
  readonly same: readonly (readonly [T, T])[];
  /** Same IDL name, different wire name. */
  readonly rewired: readonly (readonly [T, T])[];
  readonly removed: readonly T[];
  readonly added: readonly T[];
}

/** Pairs members by wire name first, then what is left by IDL name; the rest was removed or added. */
export function matchMembers<T extends Member>(base: readonly T[], head: readonly T[]): Matched<T> {
  const same: (readonly [T, T])[] = [];
  const rewired: (readonly [T, T])[] = [];
  const headLeft = new Set(head);
  const baseLeft: T[] = [];
  for (const b of base) {
    const h = head.find((m) => m.wire === b.wire);
    if (h === undefined) baseLeft.push(b);
    else {
      same.push([b, h]);
      headLeft.delete(h);
    }
  }
  const removed: T[] = [];
  for (const b of baseLeft) {
    const h = [...headLeft].find((m) => m.name === b.name);
    if (h === undefined) removed.push(b);
    else {
      rewired.push([b, h]);
      headLeft.delete(h);
    }
  }
  return { same, rewired, removed, added: head.filter((m) => headLeft.has(m)) };
}

/** `a, b, c` or `a, b, c and 4 more`. */
export function listText(items: readonly string[], max = 6): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

/**
 * A changed `rename_all`: RENAME_RULE_CHANGED with the wire names it changed (collected by the
 * caller), or IDL_ONLY_CHANGE when it changed none.
 */
export function renameRuleChange(
  cx: DiffContext,
  b: { readonly renameAll: RenameRule | undefined; readonly range: SourceRange },
  h: { readonly name: string; readonly renameAll: RenameRule | undefined; readonly range: SourceRange },
  changes: readonly string[],
  member: "field" | "variant",
): void {
  if (b.renameAll === h.renameAll) return;
  const from = b.renameAll ?? "none";
  const to = h.renameAll ?? "none";
  const where = { base: b.range, head: h.range };
  const path = `type:${h.name}`;
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
