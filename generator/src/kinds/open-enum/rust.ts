/**
 * `kind: open-enum` in Rust: any string on the wire, so a `String` in Rust (a type alias, keeping the
 * field types of hand-written serde code), with each known value as a constant.
 */
import type { OpenEnumDecl } from "../../model/ir.js";
import type { RustContext } from "../../targets/rust/context.js";
import { atom, layoutAssignment } from "../../targets/rust/layout.js";
import { docParagraphs, screamingOfPascal, stringLiteral } from "../../targets/rust/text.js";

/** The constant of a known value: `SECCOMP_POLICY_BASELINE`. */
export function knownValueConst(decl: OpenEnumDecl, valueName: string): string {
  return `${screamingOfPascal(decl.name)}_${screamingOfPascal(valueName)}`;
}

export function openEnumRust(_ctx: RustContext, decl: OpenEnumDecl): string[][] {
  const known = decl.values.map((v) => `[\`${knownValueConst(decl, v.name)}\`]`).join(", ");
  const defaultText = decl.defaultValue === undefined ? "" : ` Default: \`${JSON.stringify(decl.defaultValue)}\`.`;
  const alias = [
    ...docParagraphs([decl.doc, `Known values (any other string is read and written as it is):\n${known}.${defaultText}`], 0),
    `pub type ${decl.name} = String;`,
  ];
  const consts = decl.values.flatMap((v) => {
    const name = knownValueConst(decl, v.name);
    const doc = docParagraphs([`\`${JSON.stringify(v.value)}\`: a known [\`${decl.name}\`].`, v.doc], 0);
    const line =
      layoutAssignment(`pub const ${name}: &str =`, { expr: atom(stringLiteral(v.value)) }, 0, ";") ??
      `pub const ${name}: &str = ${stringLiteral(v.value)};`;
    return [...doc, line];
  });
  return [alias, consts];
}
