/** Facts of types the TypeScript emitters share: helper names, and defaults in wire form. */
import { typeWireDefault } from "../../model/facts.js";
import { assertNever, type ModelIndex, type TypeRef, type WireValue } from "../../model/ir.js";

/** The part of a helper's name that names its type: `StringList`, `SecretScopeListMap`, `OptionalU32`. */
export function helperSuffix(t: TypeRef): string {
  switch (t.kind) {
    case "primitive":
      return t.name.charAt(0).toUpperCase() + t.name.slice(1);
    case "optional":
      return `Optional${helperSuffix(t.inner)}`;
    case "list":
      return `${helperSuffix(t.element)}List`;
    case "map":
      return `${helperSuffix(t.value)}Map`;
    case "named":
      return t.name;
    default:
      return assertNever(t);
  }
}

/** The wire value of the type's own default (the loader made sure it has one where it is used). */
export function typeDefaultValue(index: ModelIndex, t: TypeRef): WireValue | undefined {
  return typeWireDefault(index, t, { omitted: false });
}
