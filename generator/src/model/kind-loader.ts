/**
 * What every kind of declaration's loader (generator/src/kinds/<kind>/load.ts) is given and
 * returns: it builds the IR node from the raw data of one declaration, reporting what it can
 * see there, and checks the node again once every type of every module is known.
 */
import type { SourceRange } from "../diagnostics/diagnostic.js";
import type { DataPath } from "../parse/locate.js";
import type { ModuleContext } from "./context.js";
import type { ModelIndex, TypeDecl, TypeRef } from "./ir.js";
import type { RawType } from "./raw.js";

/** A literal default waiting for every type to be built before it is checked. */
export interface PendingDefault {
  readonly ctx: ModuleContext;
  readonly path: DataPath;
  readonly type: TypeRef;
  readonly value: unknown;
  /**
   * The literal is a struct's own Default (`default:` on the struct): fields it leaves out take
   * their field default, else their type's. Otherwise it is a value as serde reads it.
   */
  readonly ownDefault?: boolean;
}

export interface BuildContext {
  readonly ctx: ModuleContext;
  /** Literal defaults found while building, checked once every type is built. */
  readonly pending: PendingDefault[];
}

export interface CheckContext {
  /** The module that declares the node being checked. */
  readonly ctx: ModuleContext;
  readonly index: ModelIndex;
}

export interface KindLoader<R extends RawType, D extends TypeDecl> {
  /**
   * Builds the node from its raw data (which passed the IDL schema) at `types/<name>`.
   * Undefined, after reporting, when no node can stand for it (its one type does not resolve):
   * uses of the name then report nothing more.
   */
  build(b: BuildContext, name: string, raw: R, path: DataPath): D | undefined;
  /** Checks that need other declarations: run once the whole model is built. */
  check?(c: CheckContext, decl: D, path: DataPath): void;
}

/** Wire names of the members of one object on the wire (fields, or variants), with their aliases. */
export class WireNames {
  private readonly owners = new Map<string, string>();

  constructor(
    private readonly ctx: ModuleContext,
    /** Whose names they are, for messages: `Instance`, `UpdateStrategy::Manual`. */
    private readonly type: string,
  ) {}

  /**
   * Records `wire` as used by `owner`, or reports that another member uses it already (`quiet`:
   * records only, for names whose clashes were reported before).
   */
  claim(wire: string, owner: string, range: SourceRange, options: { readonly quiet?: boolean } = {}): void {
    const other = this.owners.get(wire);
    if (other === undefined) this.owners.set(wire, owner);
    else if (options.quiet !== true) this.ctx.report("duplicate-wire-name", range, { wire, other, type: this.type });
  }
}

/** A wire name that a JavaScript object literal cannot hold as an own key is refused. */
export function checkWireName(ctx: ModuleContext, wire: string, range: SourceRange, what = "a wire name"): void {
  if (wire === "__proto__") {
    ctx.report("reserved-name", range, { name: wire, what, reason: "JavaScript object literals treat it as the prototype" });
  }
}
