/**
 * On-disk layout changes: roots and path helpers. A helper is compared by the path it resolves
 * to (roots and the helpers it builds on expanded), so a change is reported once, where it was
 * made, with the helpers it moves along.
 */
import { compareStrings } from "../diagnostics/diagnostic.js";
import { assertNever, typeText, type ModelIndex, type PathHelper, type PathParam, type PathRoot } from "../model/ir.js";
import { listText, type DiffContext } from "./context.js";
import { finding, type Finding } from "./rules.js";
import { combine, SAME } from "./relation.js";
import { relateTypes } from "./wire-relation.js";

/** Compares every root and path helper of both models. */
export function diffPaths(cx: DiffContext): void {
  diffRoots(cx);
  const { base, head } = cx.ix;
  const names = [...new Set([...base.paths.keys(), ...head.paths.keys()])].sort(compareStrings);
  for (const name of names) {
    const b = base.paths.get(name);
    const h = head.paths.get(name);
    if (b !== undefined && h !== undefined) diffHelper(cx, b, h);
    else if (h !== undefined) cx.findings.push(finding("PATH_ADDED", name, { name, template: resolve(h, head) }, { head: h.range }));
    else if (b !== undefined) cx.findings.push(finding("PATH_REMOVED", name, { name, template: resolve(b, base) }, { base: b.range }));
  }
}

function diffRoots(cx: DiffContext): void {
  const { base, head } = cx.ix;
  const names = [...new Set([...base.roots.keys(), ...head.roots.keys()])].sort(compareStrings);
  for (const name of names) {
    const b = base.roots.get(name);
    const h = head.roots.get(name);
    const path = `root:${name}`;
    if (b !== undefined && h !== undefined) diffRoot(cx, b, h);
    else if (h !== undefined) cx.findings.push(finding("ROOT_ADDED", path, { name, value: h.value }, { head: h.range }));
    else if (b !== undefined) cx.findings.push(finding("ROOT_REMOVED", path, { name, value: b.value }, { base: b.range }));
  }
}

function diffRoot(cx: DiffContext, b: PathRoot, h: PathRoot): void {
  const path = `root:${h.name}`;
  const where = { base: b.range, head: h.range };
  if (b.value !== h.value) {
    const moved = [...cx.ix.head.paths.values()].filter((p) => p.root === h.name).map((p) => p.name);
    const dependents = moved.length ? ` (${listText(moved.sort(compareStrings))})` : "";
    cx.findings.push(finding("PATH_ROOT_CHANGED", path, { name: h.name, from: b.value, to: h.value, dependents }, where));
  }
  if (b.module !== h.module) {
    cx.findings.push(finding("MODULE_CHANGED", path, { what: "Root", name: h.name, from: b.module, to: h.module }, where));
  }
  if (b.doc !== h.doc) cx.findings.push(finding("DOC_CHANGED", path, { what: "root", name: h.name }, where));
}

function diffHelper(cx: DiffContext, b: PathHelper, h: PathHelper): void {
  const where = { base: b.range, head: h.range };
  const built = dependentsOf(cx.ix.head, h.name);
  const change = paramsChange(cx, b, h, built) ?? templateChange(cx, b, h, built);
  if (change !== undefined) cx.findings.push(change);
  if (b.module !== h.module) {
    cx.findings.push(finding("MODULE_CHANGED", h.name, { what: "Path helper", name: h.name, from: b.module, to: h.module }, where));
  }
  if (b.doc !== h.doc) cx.findings.push(finding("DOC_CHANGED", h.name, { what: "path helper", name: h.name }, where));
}

/** Parameters the helper declares itself: added, removed, reordered or retyped. Inherited ones are reported where declared. */
function paramsChange(cx: DiffContext, b: PathHelper, h: PathHelper, built: readonly string[]): Finding | undefined {
  const ownB = own(b);
  const ownH = own(h);
  const args = { name: h.name, from: paramList(b.params), to: paramList(h.params), dependents: alsoMoves(built, "changes") };
  const where = { base: b.range, head: h.range };
  const reordered = ownB.length === ownH.length && sameSet(ownB, ownH) && ownB.some((p, i) => p.name !== ownH[i]!.name);
  if (ownB.length !== ownH.length || reordered) {
    return finding("PATH_PARAMS_CHANGED", h.name, { ...args, consequence: "every call and the files it finds change" }, where);
  }
  const rel = ownB.map((p, i) => relateTypes(p.type, ownH[i]!.type, cx.ix)).reduce(combine, SAME);
  if (rel.kind === "same") return undefined;
  const consequence =
    rel.kind === "narrower"
      ? `existing directories named by ${rel.detail} are no longer reached`
      : rel.kind === "wider"
        ? `it now builds paths for ${rel.detail}, which old code refuses`
        : `the ids it accepts change (${rel.detail})`;
  return finding("PATH_PARAMS_CHANGED", h.name, { ...args, consequence }, where);
}

/** The helper's own template: a new path, or a rewrite (or parameter rename) that resolves to the same one. */
function templateChange(cx: DiffContext, b: PathHelper, h: PathHelper, built: readonly string[]): Finding | undefined {
  const { base, head } = cx.ix;
  const where = { base: b.range, head: h.range };
  if (ownTemplate(b) !== ownTemplate(h)) {
    if (resolve(b, base, true) !== resolve(h, head, true)) {
      const args = { name: h.name, from: resolve(b, base), to: resolve(h, head), dependents: alsoMoves(built) };
      return finding("PATH_TEMPLATE_CHANGED", h.name, args, where);
    }
    return finding(
      "IDL_ONLY_CHANGE",
      h.name,
      { detail: `${h.name} is written '${h.source}', was '${b.source}', and resolves to the same path` },
      where,
    );
  }
  const ownB = own(b);
  const ownH = own(h);
  if (!ownB.some((p, i) => p.name !== ownH[i]?.name)) return undefined;
  return finding(
    "IDL_ONLY_CHANGE",
    h.name,
    { detail: `parameters of ${h.name} are named (${paramList(ownH)}), were (${paramList(ownB)})` },
    where,
  );
}

function own(h: PathHelper): PathParam[] {
  return h.params.filter((p) => p.declaredBy === h.name);
}

function sameSet(a: readonly PathParam[], b: readonly PathParam[]): boolean {
  const names = new Set(a.map((p) => p.name));
  return b.every((p) => names.has(p.name));
}

function paramList(params: readonly PathParam[]): string {
  return params.map((p) => `${p.name}: ${typeText(p.type)}`).join(", ");
}

/** The helper's own template with parameters by position, so renaming a parameter is not a change. */
function ownTemplate(h: PathHelper): string {
  const mine = own(h).map((p) => p.name);
  const inherited = h.params.filter((p) => p.declaredBy !== h.name).map((p) => p.name);
  return h.template
    .map((part) => {
      switch (part.kind) {
        case "text":
          return part.text;
        case "root":
          return `{root:${part.name}}`;
        case "helper":
          return `{helper:${part.name}}`;
        case "param":
          return mine.includes(part.name) ? `{own#${mine.indexOf(part.name)}}` : `{inherited#${inherited.indexOf(part.name)}}`;
        default:
          return assertNever(part);
      }
    })
    .join("");
}

/** The full path a helper builds: roots as their values, helpers expanded, parameters by name (or by position). */
export function resolve(h: PathHelper, index: ModelIndex, positional = false): string {
  const slot = (name: string): string => {
    const i = h.params.findIndex((p) => p.name === name);
    return positional && i >= 0 ? `{#${i}}` : `{${name}}`;
  };
  const walk = (helper: PathHelper, depth: number): string =>
    helper.template
      .map((part) => {
        switch (part.kind) {
          case "text":
            return part.text;
          case "root":
            return index.roots.get(part.name)?.value ?? `{${part.name}}`;
          case "helper": {
            const inner = index.paths.get(part.name);
            return inner !== undefined && depth < 32 ? walk(inner, depth + 1) : `{${part.name}}`;
          }
          case "param":
            return slot(part.name);
          default:
            return assertNever(part);
        }
      })
      .join("");
  return walk(h, 0);
}

/** Helpers that build on `name`, directly or through others. */
function dependentsOf(index: ModelIndex, name: string): string[] {
  const uses = (h: PathHelper, depth: number): boolean =>
    depth < 32 &&
    h.template.some((part) => {
      if (part.kind !== "helper") return false;
      if (part.name === name) return true;
      const inner = index.paths.get(part.name);
      return inner !== undefined && uses(inner, depth + 1);
    });
  return [...index.paths.values()]
    .filter((h) => h.name !== name && uses(h, 0))
    .map((h) => h.name)
    .sort(compareStrings);
}

function alsoMoves(names: readonly string[], verb = "moves"): string {
  return names.length ? `; this also ${verb} ${listText([...names].sort(compareStrings))}` : "";
}
