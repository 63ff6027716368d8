/**
 * What the Rust emitters share: facts of the whole model that only Rust needs (which references
 * must be boxed so that a type does not hold itself by value, which types are map keys or set
 * elements and so derive `Eq`, `Ord` and `Hash`, whether the crate needs serde_json), computed
 * once per crate, and per module file the `use` declarations the emitted code asks for.
 */
import { childTypes, typeRefsOf } from "../../model/facts.js";
import { indexModel, type Model, type ModelIndex, type Module, type TypeDecl, type TypeRef } from "../../model/ir.js";

/** The std collections a module file imports, by name. */
export type Collection = "BTreeMap" | "BTreeSet" | "HashMap" | "HashSet";

export interface RustUses {
  fmt: boolean;
  serde: boolean;
  readonly collections: Set<Collection>;
  /** Names imported from other modules of the crate, by module. */
  readonly crate: Map<string, Set<string>>;
}

/** Facts of the whole model for the Rust target, computed once per crate. */
export class RustModel {
  readonly index: ModelIndex;
  /** The strongly connected component of each declaration in the graph of what holds what by value. */
  private readonly component: ReadonlyMap<string, number>;
  /** Types used as a map key or set element (and the named types they wrap): they derive `Eq`, `Ord` and `Hash`. */
  readonly keyTypes: ReadonlySet<string>;
  /** Whether some type is `json` (the crate depends on serde_json). */
  readonly usesJson: boolean;

  constructor(readonly model: Model) {
    this.index = indexModel(model);
    this.component = byValueComponents(this.index);
    this.keyTypes = keyTypes(this.index);
    this.usesJson = [...this.index.types.values()].some((d) => typeRefsOf(d).some(usesJson));
  }

  /**
   * Whether a reference to `name` held by value inside `owner` (not through a list, set, map or
   * box) closes a cycle: Rust needs a `Box` there, or the type would have infinite size.
   */
  mustBox(owner: string, name: string): boolean {
    const a = this.component.get(owner);
    return a !== undefined && a === this.component.get(name);
  }

  decl(name: string): TypeDecl | undefined {
    return this.index.types.get(name);
  }
}

/** The declarations a type expression holds by value: through optionals, tuples and arrays, not through what allocates. */
export function byValueNames(t: TypeRef): string[] {
  switch (t.kind) {
    case "named":
      return [t.name];
    case "optional":
      return byValueNames(t.inner);
    case "tuple":
      return t.items.flatMap(byValueNames);
    case "array":
      return byValueNames(t.element);
    default:
      return [];
  }
}

/** Tarjan's strongly connected components of the by-value graph; a declaration alone in a component without a self edge is in none. */
function byValueComponents(index: ModelIndex): Map<string, number> {
  const edges = new Map<string, string[]>();
  for (const d of index.types.values()) edges.set(d.name, [...new Set(typeRefsOf(d).flatMap(byValueNames))].filter((n) => index.types.has(n)));
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out = new Map<string, number>();
  let counter = 0;
  let components = 0;
  const visit = (v: string): void => {
    order.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)!) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, order.get(w)!));
      }
    }
    if (low.get(v) !== order.get(v)) return;
    const members: string[] = [];
    for (;;) {
      const w = stack.pop()!;
      onStack.delete(w);
      members.push(w);
      if (w === v) break;
    }
    if (members.length > 1 || edges.get(v)!.includes(v)) {
      for (const m of members) out.set(m, components);
      components++;
    }
  };
  for (const name of edges.keys()) if (!order.has(name)) visit(name);
  return out;
}

/** The named types used as map keys or set elements, with the named types those wrap. */
function keyTypes(index: ModelIndex): Set<string> {
  const out = new Set<string>();
  const mark = (t: TypeRef): void => {
    if (t.kind !== "named" || out.has(t.name)) return;
    out.add(t.name);
    const decl = index.types.get(t.name);
    if (decl?.kind === "newtype") mark(decl.type);
  };
  const walk = (t: TypeRef): void => {
    if (t.kind === "map") mark(t.key);
    if (t.kind === "set") mark(t.element);
    for (const c of childTypes(t)) walk(c);
  };
  for (const d of index.types.values()) for (const t of typeRefsOf(d)) walk(t);
  return out;
}

function usesJson(t: TypeRef): boolean {
  return t.kind === "json" || childTypes(t).some(usesJson);
}

/** The model facts and one module file's imports, while the file is written. */
export class RustContext {
  readonly index: ModelIndex;
  readonly uses: RustUses = { fmt: false, serde: false, collections: new Set(), crate: new Map() };

  constructor(
    readonly rust: RustModel,
    readonly module: Module,
  ) {
    this.index = rust.index;
  }

  /** Notes a use of a type, root or path helper by name, importing it when another module declares it. */
  use(name: string): string {
    const owner = this.index.types.get(name)?.module ?? this.index.roots.get(name)?.module ?? this.index.paths.get(name)?.module;
    if (owner !== undefined) this.useFrom(owner, name);
    return name;
  }

  /** Imports an item of another module that is not itself a declaration (such as `try_pool_dir`). */
  useFrom(module: string, name: string): string {
    if (module !== this.module.name) {
      let names = this.uses.crate.get(module);
      if (names === undefined) this.uses.crate.set(module, (names = new Set()));
      names.add(name);
    }
    return name;
  }

  /** Notes a use of a std collection, imported at the top of the file. */
  collection(name: Collection): string {
    this.uses.collections.add(name);
    return name;
  }
}
