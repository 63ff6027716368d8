/**
 * Builds roots and path helpers across all modules: parses templates, resolves placeholders,
 * inherits parameters and the root from the helper a template starts with, and finds cycles.
 */
import { formatLocation, type SourceRange } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import type { ModuleContext } from "./context.js";
import type { PathHelper, PathParam, PathRoot, TemplatePart } from "./ir.js";
import { docText, type RawPath, type RawRoot } from "./raw.js";
import { resolveTypeExpr } from "./resolve-type.js";

export interface RawHelper {
  readonly ctx: ModuleContext;
  readonly name: string;
  readonly raw: RawPath;
}

export interface RawRootDecl {
  readonly ctx: ModuleContext;
  readonly name: string;
  readonly raw: RawRoot;
}

export function buildRoots(roots: readonly RawRootDecl[]): PathRoot[] {
  return roots.map(({ ctx, name, raw }) => {
    const path = ["roots", name];
    if (raw.value.length > 1 && raw.value.endsWith("/")) {
      ctx.report("invalid-value", ctx.valueAt([...path, "value"]), {
        where: `root '${name}'`,
        detail: "a root must not end with '/'",
      });
    } else if (raw.value === "/") {
      ctx.report("invalid-value", ctx.valueAt([...path, "value"]), {
        where: `root '${name}'`,
        detail: "a root must name a directory below '/'",
      });
    } else if (/[{}\0]/.test(raw.value)) {
      ctx.report("invalid-value", ctx.valueAt([...path, "value"]), {
        where: `root '${name}'`,
        detail: "a root cannot contain '{', '}' or NUL",
      });
    } else if (/\/\/|\/\.\.?(\/|$)/.test(raw.value)) {
      ctx.report("invalid-value", ctx.valueAt([...path, "value"]), {
        where: `root '${name}'`,
        detail: "a root cannot have empty, '.' or '..' segments",
      });
    }
    return { name, module: ctx.name, value: raw.value, doc: docText(raw.doc), range: ctx.keyAt(path) };
  });
}

interface Parsed {
  readonly helper: RawHelper;
  readonly parts: TemplatePart[];
  readonly ownParams: PathParam[];
}

export function buildPaths(helpers: readonly RawHelper[], roots: readonly PathRoot[]): Map<string, PathHelper> {
  const rootByName = new Map(roots.map((r) => [r.name, r]));
  const rawByName = new Map(helpers.map((h) => [h.name, h]));
  const parsed = new Map<string, Parsed | undefined>();
  for (const h of helpers) parsed.set(h.name, parseHelper(h, rootByName, rawByName));

  const built = new Map<string, PathHelper>();
  const failed = new Set<string>();
  const active: string[] = [];

  const build = (name: string): PathHelper | undefined => {
    const done = built.get(name);
    if (done) return done;
    if (failed.has(name)) return undefined;
    const p = parsed.get(name);
    if (p === undefined) {
      failed.add(name);
      return undefined;
    }
    const { ctx, raw } = p.helper;
    active.push(name);
    const anchor = p.parts[0];
    let inherited: readonly PathParam[] = [];
    let root: string | undefined;
    if (anchor?.kind === "root") {
      root = anchor.name;
    } else if (anchor?.kind === "helper") {
      if (active.includes(anchor.name)) {
        // Reported once, where the cycle is entered: at the helper the message starts with.
        const cycle = [...active.slice(active.indexOf(anchor.name)), anchor.name];
        const entry = parsed.get(anchor.name)!;
        entry.helper.ctx.report("path-cycle", entry.parts[0]!.kind === "text" ? anchor.range : entry.parts[0]!.range, {
          cycle: cycle.join(" -> "),
        });
      } else {
        const base = build(anchor.name);
        if (base) {
          inherited = base.params;
          root = base.root;
        }
      }
    }
    active.pop();
    if (root === undefined) {
      failed.add(name);
      return undefined;
    }
    const params: PathParam[] = [...inherited];
    for (const own of p.ownParams) {
      const clash = inherited.find((q) => q.name === own.name);
      if (clash) {
        ctx.report("param-conflict", own.range, { name: own.name, helper: clash.declaredBy });
        continue;
      }
      params.push(own);
    }
    const helper: PathHelper = {
      name,
      module: ctx.name,
      doc: docText(raw.doc),
      params,
      template: p.parts,
      source: raw.template,
      root,
      range: ctx.keyAt(["paths", name]),
    };
    // Placeholders naming inherited parameters are fine; every other one is unknown.
    const unknown = helper.template.filter(
      (part): part is Extract<TemplatePart, { kind: "param" }> => part.kind === "param" && !params.some((q) => q.name === part.name),
    );
    for (const part of unknown) {
      ctx.report("unknown-placeholder", part.range, {
        name: part.name,
        hint: didYouMean(part.name, [...params.map((q) => q.name), ...rawByName.keys(), ...rootByName.keys()]),
      });
    }
    // A parameter the template does not use; not reported beside an unknown placeholder, most likely its misspelling.
    const unused =
      unknown.length > 0
        ? []
        : p.ownParams.filter((own) => params.includes(own) && !helper.template.some((t) => t.kind === "param" && t.name === own.name));
    for (const own of unused) ctx.report("unused-param", own.range, { name: own.name });
    if (unknown.length > 0 || unused.length > 0) {
      failed.add(name);
      return undefined;
    }
    built.set(name, helper);
    return helper;
  };
  for (const h of helpers) build(h.name);
  return built;
}

function parseHelper(
  helper: RawHelper,
  rootByName: ReadonlyMap<string, PathRoot>,
  rawByName: ReadonlyMap<string, RawHelper>,
): Parsed | undefined {
  const { ctx, name, raw } = helper;
  const path = ["paths", name];
  const tpath = [...path, "template"];
  const rangeOf = ctx.scalarRanges(tpath);
  const text = raw.template;
  let ok = true;

  const ownParams: PathParam[] = [];
  for (const [paramName, typeText] of Object.entries(raw.params ?? {})) {
    const ppath = [...path, "params", paramName];
    const range = ctx.keyAt(ppath);
    if (rawByName.has(paramName)) {
      const other = rawByName.get(paramName)!;
      ctx.report("duplicate-name", range, {
        name: paramName,
        other: `${formatLocation(other.ctx.keyAt(["paths", paramName]))} (a path helper)`,
      });
      ok = false;
    }
    const type = resolveTypeExpr(ctx, ppath, typeText);
    if (type === undefined) {
      ok = false;
      continue;
    }
    const stringLike =
      (type.kind === "primitive" && type.name === "string") ||
      (type.kind === "named" && ctx.load.rawTypes.get(type.name)?.raw.kind === "string");
    if (!stringLike) {
      ctx.report("invalid-param-type", ctx.valueAt(ppath), { type: typeText });
      ok = false;
      continue;
    }
    ownParams.push({ name: paramName, type, declaredBy: name, range });
  }

  const parts: TemplatePart[] = [];
  let i = 0;
  let textStart = 0;
  const flushText = (end: number): void => {
    if (end > textStart) parts.push({ kind: "text", text: text.slice(textStart, end) });
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === "}") {
      ctx.report("template-syntax", rangeOf(i, i + 1), { detail: "'}' without a matching '{'" });
      return undefined;
    }
    if (ch !== "{") {
      i++;
      continue;
    }
    const close = text.indexOf("}", i + 1);
    if (close < 0) {
      ctx.report("template-syntax", rangeOf(i, text.length), { detail: "'{' is never closed" });
      return undefined;
    }
    const placeholder = text.slice(i + 1, close);
    const range: SourceRange = rangeOf(i, close + 1);
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(placeholder)) {
      ctx.report("template-syntax", range, { detail: `'{${placeholder}}' is not a placeholder name` });
      return undefined;
    }
    flushText(i);
    const first = !parts.some((p) => p.kind !== "text");
    const part = resolvePlaceholder(ctx, placeholder, range, ownParams, rootByName, rawByName);
    if (part === undefined) {
      ok = false;
    } else {
      if (!first && part.kind !== "param") {
        ctx.report("template-syntax", range, {
          detail: `only the first placeholder may be a root or a path helper; '${placeholder}' is one`,
        });
        ok = false;
      }
      parts.push(part);
    }
    i = close + 1;
    textStart = i;
  }
  flushText(text.length);
  const anchor = parts[0];
  if (ok && anchor?.kind === "param" && !ownParams.some((p) => p.name === anchor.name)) {
    // Nothing is inherited before the anchor, so an unknown first placeholder is a misspelling
    // (unless it may be declared in an imported module that could not be read).
    if (!ctx.importsUnusable()) {
      ctx.report("unknown-placeholder", anchor.range, {
        name: anchor.name,
        hint: didYouMean(anchor.name, [...rawByName.keys(), ...rootByName.keys()]),
      });
    }
    ok = false;
  } else if (ok && anchor?.kind !== "root" && anchor?.kind !== "helper") {
    ctx.report("unanchored-template", rangeOf(0, Math.max(1, text.indexOf("}") + 1)));
    ok = false;
  }
  if (/(^|\/)\.\.?(\/|$)/.test(text.replace(/\{[^}]*\}/g, "x"))) {
    ctx.report("template-syntax", rangeOf(0, text.length), { detail: "'.' and '..' segments are not allowed" });
    ok = false;
  }
  // The path functions join with '/' as upstream's format! does: no empty segment, no trailing '/'.
  const empty = text.indexOf("//");
  if (empty >= 0) {
    ctx.report("template-syntax", rangeOf(empty, empty + 2), { detail: "empty path segments ('//') are not allowed" });
    ok = false;
  } else if (text.endsWith("/")) {
    ctx.report("template-syntax", rangeOf(text.length - 1, text.length), { detail: "a template must not end with '/'" });
    ok = false;
  }
  // The root or helper a template starts with is a whole directory: a '/' must follow it.
  const afterAnchor = parts[1];
  if (ok && anchor !== undefined && afterAnchor !== undefined && !(afterAnchor.kind === "text" && afterAnchor.text.startsWith("/"))) {
    const at = text.indexOf("}") + 1;
    ctx.report("template-syntax", rangeOf(at, at + 1), {
      detail: `'/' must follow '{${anchor.kind === "text" ? "" : anchor.name}}': it names a whole directory`,
    });
    ok = false;
  }
  if (ok && /[\u0000-\u001f\u007f\\]/.test(text)) {
    ctx.report("template-syntax", rangeOf(0, text.length), { detail: "control characters and '\\' are not allowed in paths" });
    ok = false;
  }
  return ok ? { helper, parts, ownParams } : undefined;
}

function resolvePlaceholder(
  ctx: ModuleContext,
  name: string,
  range: SourceRange,
  ownParams: readonly PathParam[],
  rootByName: ReadonlyMap<string, PathRoot>,
  rawByName: ReadonlyMap<string, RawHelper>,
): TemplatePart | undefined {
  if (ownParams.some((p) => p.name === name)) return { kind: "param", name, range };
  // A root or helper that failed the shape check, or was reported as a duplicate: nothing more to say.
  const declared = ctx.load.names.get(name);
  if (declared !== undefined && (declared.kind === "root" || declared.kind === "path")) {
    if (ctx.load.duplicated.has(name) || (!rootByName.has(name) && !rawByName.has(name))) return undefined;
  }
  const root = rootByName.get(name);
  if (root) {
    if (!ctx.canSee(root.module)) {
      ctx.report("not-imported", range, { name, module: root.module });
      return undefined;
    }
    return { kind: "root", name, range };
  }
  const helper = rawByName.get(name);
  if (helper) {
    if (!ctx.canSee(helper.ctx.name)) {
      ctx.report("not-imported", range, { name, module: helper.ctx.name });
      return undefined;
    }
    return { kind: "helper", name, range };
  }
  // Possibly a parameter inherited from the helper the template starts with; checked once that is known.
  return { kind: "param", name, range };
}
