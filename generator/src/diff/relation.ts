/** A relation between the values two types accept, and how relations add up. */

/** What `head` accepts compared with `base`: the same, more (wider), fewer (narrower) or neither; `detail` names the values in between. */
export type Relation = { readonly kind: "same" } | { readonly kind: "wider" | "narrower" | "different"; readonly detail: string };

export const SAME: Relation = { kind: "same" };

/** Joins two relations: equal directions add up, opposite ones give `different`. */
export function combine(a: Relation, b: Relation): Relation {
  if (a.kind === "same") return b;
  if (b.kind === "same") return a;
  if (a.kind === b.kind) return { kind: a.kind, detail: `${a.detail} or ${b.detail}` };
  if (a.kind === "different" || b.kind === "different") return { kind: "different", detail: `${a.detail}; ${b.detail}` };
  const [narrow, wide] = a.kind === "narrower" ? [a, b] : [b, a];
  return { kind: "different", detail: `existing files with ${narrow.detail} no longer read, and old readers refuse ${wide.detail}` };
}
