/**
 * What the Rust emitters share while writing one module file: the model, the module, and the
 * `use` declarations the emitted code needs (collected as it is written, printed at the top).
 */
import { indexModel, type Model, type ModelIndex, type Module, type StructDecl, type TypeRef } from "../../model/ir.js";

export interface RustUses {
  fmt: boolean;
  btreeMap: boolean;
  serde: boolean;
  /** Names imported from other modules of the crate, by module. */
  readonly crate: Map<string, Set<string>>;
}

export class RustContext {
  readonly index: ModelIndex;
  readonly uses: RustUses = { fmt: false, btreeMap: false, serde: false, crate: new Map() };
  private readonly boxed: ReadonlySet<string>;

  constructor(
    readonly model: Model,
    readonly module: Module,
    index?: ModelIndex,
    boxed?: ReadonlySet<string>,
  ) {
    this.index = index ?? indexModel(model);
    this.boxed = boxed ?? boxedFields(model, this.index);
  }

  /** Notes a use of a type, root or path helper by name, importing it when another module declares it. */
  use(name: string): string {
    const owner = this.index.types.get(name)?.module ?? this.index.roots.get(name)?.module ?? this.index.paths.get(name)?.module;
    if (owner !== undefined && owner !== this.module.name) {
      let names = this.uses.crate.get(owner);
      if (names === undefined) this.uses.crate.set(owner, (names = new Set()));
      names.add(name);
    }
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

  /** Whether a field's `optional<T>` holds a `Box<T>`: T contains the struct again without a collection between. */
  isBoxed(decl: StructDecl, field: string): boolean {
    return this.boxed.has(`${decl.name}.${field}`);
  }
}

/** The named type an `optional<...>` or plain type reaches without passing a list or map. */
export function inlineTarget(t: TypeRef): string | undefined {
  if (t.kind === "named") return t.name;
  if (t.kind === "optional") return inlineTarget(t.inner);
  return undefined;
}

/**
 * Fields that need a `Box`: an `optional<T>` field whose T reaches the struct back through
 * fields held inline (named or optional, not in a list or map). Without it the Rust type would
 * have infinite size.
 */
export function boxedFields(model: Model, index: ModelIndex): ReadonlySet<string> {
  const structs = model.modules.flatMap((m) => m.types).filter((t): t is StructDecl => t.kind === "struct");
  const edges = new Map<string, string[]>();
  for (const s of structs) {
    const targets: string[] = [];
    for (const f of s.fields) {
      const t = inlineTarget(f.type);
      if (t !== undefined && index.types.get(t)?.kind === "struct") targets.push(t);
    }
    edges.set(s.name, targets);
  }
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n === to) return true;
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push(...(edges.get(n) ?? []));
    }
    return false;
  };
  const out = new Set<string>();
  for (const s of structs) {
    for (const f of s.fields) {
      if (f.type.kind !== "optional") continue;
      const t = inlineTarget(f.type);
      if (t !== undefined && index.types.get(t)?.kind === "struct" && reaches(t, s.name)) out.add(`${s.name}.${f.name}`);
    }
  }
  return out;
}
