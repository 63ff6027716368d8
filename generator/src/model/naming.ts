/** Name conversions: serde's rename_all rules (exactly as serde_derive applies them) and TS casing. */
import type { RenameRule } from "./ir.js";

/** serde `RenameRule::apply_to_variant`: the input is a PascalCase Rust variant name. */
export function renameVariant(rule: RenameRule | undefined, variant: string): string {
  switch (rule) {
    case undefined:
    case "PascalCase":
      return variant;
    case "lowercase":
      return variant.toLowerCase();
    case "UPPERCASE":
      return variant.toUpperCase();
    case "camelCase":
      return variant.charAt(0).toLowerCase() + variant.slice(1);
    case "snake_case":
      return snakeOfPascal(variant);
    case "SCREAMING_SNAKE_CASE":
      return snakeOfPascal(variant).toUpperCase();
    case "kebab-case":
      return snakeOfPascal(variant).replace(/_/g, "-");
    case "SCREAMING-KEBAB-CASE":
      return snakeOfPascal(variant).toUpperCase().replace(/_/g, "-");
  }
}

/** serde `RenameRule::apply_to_field`: the input is a snake_case Rust field name. */
export function renameField(rule: RenameRule | undefined, field: string): string {
  switch (rule) {
    case undefined:
    case "lowercase":
    case "snake_case":
      return field;
    case "UPPERCASE":
    case "SCREAMING_SNAKE_CASE":
      return field.toUpperCase();
    case "PascalCase":
      return pascalOfSnake(field);
    case "camelCase": {
      const pascal = pascalOfSnake(field);
      return pascal.charAt(0).toLowerCase() + pascal.slice(1);
    }
    case "kebab-case":
      return field.replace(/_/g, "-");
    case "SCREAMING-KEBAB-CASE":
      return field.toUpperCase().replace(/_/g, "-");
  }
}

/** serde's snake_case of a variant: an underscore before every uppercase letter but the first. */
export function snakeOfPascal(name: string): string {
  let out = "";
  for (let i = 0; i < name.length; i++) {
    const ch = name[i]!;
    if (i > 0 && ch >= "A" && ch <= "Z") out += "_";
    out += ch.toLowerCase();
  }
  return out;
}

/** serde's PascalCase of a field: capitalize after each underscore, drop the underscores. */
function pascalOfSnake(name: string): string {
  let out = "";
  let capitalize = true;
  for (const ch of name) {
    if (ch === "_") {
      capitalize = true;
    } else if (capitalize) {
      out += ch.toUpperCase();
      capitalize = false;
    } else {
      out += ch;
    }
  }
  return out;
}

/** `pool_config_path` -> `poolConfigPath`. */
export function camelCase(snake: string): string {
  const pascal = pascalCase(snake);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/** Any words (`lz4`, `mcp-server`, `pool_dir`, `Role`) -> `Lz4`, `McpServer`, `PoolDir`, `Role`. */
export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

/** `PoolSpec` -> `pool-spec`, for file names. */
export function kebabCase(pascal: string): string {
  return pascal
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .toLowerCase();
}
