/** Open enums in the loader: known values, the name of each in the generated constant object, and a default. */
import type { DataPath } from "../../parse/locate.js";
import type { KnownValue, OpenEnumDecl } from "../../model/ir.js";
import type { BuildContext, KindLoader } from "../../model/kind-loader.js";
import { pascalCase } from "../../model/naming.js";
import { docText, type RawOpenEnum } from "../../model/raw.js";

export const openEnumLoader: KindLoader<RawOpenEnum, OpenEnumDecl> = { build: buildOpenEnum };

function buildOpenEnum(b: BuildContext, name: string, raw: RawOpenEnum, path: DataPath): OpenEnumDecl {
  const { ctx } = b;
  const values: KnownValue[] = [];
  const byName = new Map<string, string>();
  for (const [value, v] of Object.entries(raw.values)) {
    const vpath = [...path, "values", value];
    let constName = pascalCase(value);
    if (!/^[A-Za-z]/.test(constName)) constName = `V${constName}`;
    const other = byName.get(constName);
    if (other !== undefined) {
      ctx.report("name-collision", ctx.keyAt(vpath), {
        what: "Known value",
        name: value,
        other: `'${other}' (both are named ${name}.${constName})`,
      });
    }
    byName.set(constName, value);
    values.push({ value, name: constName, doc: docText(v?.doc), range: ctx.keyAt(vpath) });
  }
  return {
    kind: "open-enum",
    name,
    module: ctx.name,
    doc: docText(raw.doc),
    values,
    defaultValue: raw.default,
    range: ctx.keyAt(path),
  };
}
