/** A relation between the values two types accept, what else changed on the way, and how relations add up. */

/**
 * A change that leaves what reads the same (or is reported by the relation) but matters anyway:
 * a list that became a set reads the same arrays but collapses repeats; a map that became a
 * hash map reads the same but Rust writes it in another order; a box changes the Rust type only.
 */
export interface Note {
  readonly rule: "LIST_BECAME_SET" | "SET_BECAME_LIST" | "HASHED_CHANGED" | "BOX_CHANGED";
  /** The type expressions before and after, as the IDL writes them. */
  readonly from: string;
  readonly to: string;
  /** Where in the type, `""` at its top: `elements`, `elements of map values`. */
  readonly where: string;
}

/** What `head` accepts compared with `base`: the same, more (wider), fewer (narrower) or neither; `detail` names the values in between. */
export type Relation = (
  | { readonly kind: "same" }
  | { readonly kind: "wider" | "narrower" | "different"; readonly detail: string }
) & { readonly notes?: readonly Note[] };

export const SAME: Relation = { kind: "same" };

/** The relation with `notes` added. */
export function noted(r: Relation, notes: readonly Note[]): Relation {
  if (notes.length === 0) return r;
  return { ...r, notes: [...(r.notes ?? []), ...notes] };
}

/** Joins two relations: equal directions add up, opposite ones give `different`; notes add up. */
export function combine(a: Relation, b: Relation): Relation {
  const notes = [...(a.notes ?? []), ...(b.notes ?? [])];
  return noted(combineKinds(a, b), notes);
}

function combineKinds(a: Relation, b: Relation): Relation {
  if (a.kind === "same") return { kind: b.kind, ...("detail" in b ? { detail: b.detail } : {}) } as Relation;
  if (b.kind === "same") return { kind: a.kind, detail: a.detail };
  if (a.kind === b.kind) return { kind: a.kind, detail: `${a.detail} or ${b.detail}` };
  if (a.kind === "different" || b.kind === "different") return { kind: "different", detail: `${a.detail}; ${b.detail}` };
  const [narrow, wide] = a.kind === "narrower" ? [a, b] : [b, a];
  return { kind: "different", detail: `existing files with ${narrow.detail} no longer read, and old readers refuse ${wide.detail}` };
}

/** The relation of a part of a type (`elements`, `map values`), its detail and notes said to be there. */
export function prefixed(prefix: string, r: Relation): Relation {
  const notes = (r.notes ?? []).map((n) => ({ ...n, where: n.where ? `${n.where} of ${prefix}` : prefix }));
  if (r.kind === "same") return noted(SAME, notes);
  const detail = r.kind === "different" ? `${prefix}: ${r.detail}` : `${prefix} with ${r.detail}`;
  return noted({ kind: r.kind, detail }, notes);
}
