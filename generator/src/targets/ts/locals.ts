/** Names of local variables in generated functions: the field's own name, unless that would shadow something. */
import { RUNTIME_VALUES } from "./runtime/names.js";

/** Words a local may not be: JavaScript's reserved words, the generated functions' own parameters and locals, and runtime names. */
const TAKEN = new Set([
  ...["break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export"],
  ...["extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super"],
  ...["switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static", "implements"],
  ...["interface", "package", "private", "protected", "public", "await", "arguments", "eval", "undefined", "NaN", "Infinity"],
  // parameters and locals of generated readers and writers
  ...["v", "r", "o", "w", "a", "m", "i", "k", "e", "out"],
  // what generated code imports from the runtime
  ...RUNTIME_VALUES,
]);

/** A local named after `name`, with `_` appended while it is taken (or already used in this function). */
export function localName(name: string, used: ReadonlySet<string>): string {
  let local = name;
  while (TAKEN.has(local) || used.has(local) || /^[A-Z]/.test(local)) local = `${local}_`;
  return local;
}
