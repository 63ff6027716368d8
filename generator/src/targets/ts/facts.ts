/** Facts of types the TypeScript emitters share: helper names, and defaults in wire form. */
import { typeWireDefault } from "../../model/facts.js";
import { assertNever, type ModelIndex, type TypeRef, type WireValue } from "../../model/ir.js";

/** The part of a helper's name that names its type: `StringList`, `SecretScopeListMap`, `OptionalU32`. */
export function helperSuffix(t: TypeRef): string {
  switch (t.kind) {
    case "primitive":
      return t.name.charAt(0).toUpperCase() + t.name.slice(1);
    case "json":
      return "Json";
    case "optional":
      return `Optional${helperSuffix(t.inner)}`;
    case "list":
      return `${helperSuffix(t.element)}List`;
    case "set":
      return `${helperSuffix(t.element)}${t.hashed ? "HashSet" : "Set"}`;
    case "map": {
      const key = t.key.kind === "primitive" && t.key.name === "string" ? "" : `By${helperSuffix(t.key)}`;
      return `${helperSuffix(t.value)}${key}${t.hashed ? "HashMap" : "Map"}`;
    }
    case "tuple":
      return `${t.items.map(helperSuffix).join("")}Tuple`;
    case "array":
      return `${helperSuffix(t.element)}Array${t.length}`;
    case "box":
      return helperSuffix(t.inner);
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

/**
 * The names every object inherits from Object.prototype (ECMAScript's, and Annex B's). A field,
 * tag or content key by one of these wire names is read as the object's own property: `o.toString`
 * of an object without that field is a method, where serde sees the field missing.
 */
const INHERITED_NAMES: ReadonlySet<string> = new Set([
  "constructor",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "toString",
  "valueOf",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
  "__proto__",
]);

/** Whether every JavaScript object has a property by this name (from Object.prototype). */
export function isInheritedName(name: string): boolean {
  return INHERITED_NAMES.has(name);
}
