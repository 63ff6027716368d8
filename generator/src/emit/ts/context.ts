/** What an emitter needs while writing one module: the model index and the imports it collects. */
import type { Model, ModelIndex, Module, TypeDecl } from "../../model/ir.js";
import { indexModel } from "../../model/ir.js";
import { typeHasDefault } from "../../model/check-types.js";

export class EmitContext {
  readonly index: ModelIndex;
  /** Names imported from other generated modules, by module name; true when used as a type only. */
  readonly moduleImports = new Map<string, Map<string, boolean>>();
  /** Names imported from the runtime, split by whether they are types only. */
  readonly runtimeValues = new Set<string>();
  readonly runtimeTypes = new Set<string>();
  private counter = 0;

  constructor(
    readonly model: Model,
    readonly module: Module,
    index?: ModelIndex,
  ) {
    this.index = index ?? indexModel(model);
  }

  decl(name: string): TypeDecl {
    const d = this.index.types.get(name);
    if (d === undefined) throw new Error(`unknown type ${name} (the loader should have refused it)`);
    return d;
  }

  hasDefault(decl: TypeDecl): boolean {
    return typeHasDefault(this.index.types, { kind: "named", name: decl.name, range: decl.range });
  }

  /** Refers to `name` exported by the module declaring `declModule`, importing it when it is another module. */
  ref(declModule: string, name: string, typeOnly = false): string {
    if (declModule !== this.module.name) {
      let names = this.moduleImports.get(declModule);
      if (!names) this.moduleImports.set(declModule, (names = new Map()));
      names.set(name, typeOnly && (names.get(name) ?? true));
    }
    return name;
  }

  /** Refers to a value derived from a type declaration (`readPoolSpec`, `PoolSpec$shape`). */
  refType(typeName: string, derived: string = typeName): string {
    return this.ref(this.decl(typeName).module, derived);
  }

  /** Refers to a type declaration (or its `Input` type) in a type position. */
  refTypeOnly(typeName: string, derived: string = typeName): string {
    return this.ref(this.decl(typeName).module, derived, true);
  }

  runtime(name: string): string {
    this.runtimeValues.add(name);
    return name;
  }

  runtimeType(name: string): string {
    this.runtimeTypes.add(name);
    return name;
  }

  /** A fresh local variable name. */
  local(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }

  resetLocals(): void {
    this.counter = 0;
  }
}
