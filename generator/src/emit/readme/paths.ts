/** The README section of a module's roots and path helpers, each with a call and the path it gives. */
import { pathFunctionName, rootConstName } from "../../model/api-names.js";
import type { Module, ModelIndex, PathHelper } from "../../model/ir.js";
import { camelCase } from "../../model/naming.js";
import { expandTemplate, expandedText } from "../../targets/ts/paths.js";
import { exampleArgs } from "./examples.js";
import { cell } from "./text.js";

/** The path a helper gives for `args`, computed from its template as the generated code does. */
export function examplePath(index: ModelIndex, helper: PathHelper, args: readonly string[], root?: string): string {
  return expandTemplate(index, helper)
    .map((part) => {
      switch (part.kind) {
        case "text":
          return part.text;
        case "root":
          return root ?? index.roots.get(part.name)!.value;
        case "param":
          return args[helper.params.findIndex((p) => p.name === part.name)]!;
        case "helper":
          throw new Error("expanded");
      }
    })
    .join("");
}

export function pathSection(index: ModelIndex, module: Module): string[] {
  const out = ["### Paths", ""];
  for (const r of module.roots) out.push(`\`${rootConstName(r)}\` = \`"${r.value}"\`${r.doc ? `: ${r.doc}` : ""}`, "");
  if (module.paths.length === 0) return out;
  out.push(
    "Every parameter must be a single safe path segment (not empty, `.` or `..`; no `/`, `\\` or NUL) and follow its type's rule, or the helper throws `ValidationError`: no path outside the tree can be built. Pass `{ root }` as the last argument to work under another directory.",
    "",
    "| Function | Path | Example | Doc |",
    "| --- | --- | --- | --- |",
  );
  let shown: { call: string; helper: PathHelper; args: string[] } | undefined;
  for (const p of module.paths) {
    const params = p.params.map((q) => camelCase(q.name)).join(", ");
    const args = exampleArgs(index, p);
    const example = args === undefined ? "" : `\`${pathFunctionName(p)}(${args.map((a) => JSON.stringify(a)).join(", ")})\` → \`${examplePath(index, p, args)}\``;
    if (args !== undefined && (shown === undefined || p.params.length > shown.helper.params.length)) {
      shown = { call: `${pathFunctionName(p)}(${args.map((a) => JSON.stringify(a)).join(", ")}`, helper: p, args };
    }
    out.push(`| \`${pathFunctionName(p)}(${params})\` | \`${expandedText(expandTemplate(index, p))}\` | ${example} | ${cell(p.doc)} |`);
  }
  if (shown !== undefined) {
    out.push(
      "",
      "```ts",
      `${shown.call}, { root: "/mnt/copy" }); // "${examplePath(index, shown.helper, shown.args, "/mnt/copy")}"`,
      `${shown.call.replace(/\("[^"]*"/, '("../etc"')}); // throws ValidationError`,
      "```",
    );
  }
  return out;
}
