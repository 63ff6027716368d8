/**
 * Random valid IDL folders: several modules of every kind of declaration, with names of every
 * length (keywords among them), rename rules, wire and display overrides, defaults of every kind,
 * omit rules, recursion through options, lists and maps, string rules with patterns, roots and
 * chains of path helpers. For tests that must hold for any model (the Rust target's layout and
 * lints, the differential harness), not only for the fixtures.
 */
import fc from "fast-check";
import { renameField, renameVariant } from "../../generator/src/model/naming.js";
import { RENAME_RULES } from "../../generator/src/model/ir.js";

const WORDS = [
  "pool",
  "spec",
  "id",
  "x",
  "alpha",
  "beta",
  "value",
  "http",
  "version2",
  "a",
  "long",
  "name",
  "data",
  "item",
  "kind",
  "zeta",
];
/**
 * Rust keywords (raw identifiers in the crate). Not JavaScript's reserved words (`try`, `yield`,
 * `if`...): the TypeScript package cannot take those as parameter names yet.
 */
const KEYWORDS = [
  "type",
  "match",
  "ref",
  "fn",
  "box",
  "loop",
  "move",
  "async",
  "impl",
  "use",
  "mod",
  "dyn",
  "where",
  "unsafe",
  "mut",
  "pub",
];
/** Patterns the Rust target compiles, with a note of what they accept. */
const PATTERNS = [
  "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",
  "^[A-Z]+$",
  "^\\d{1,3}(,\\d{3})*$",
  "^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$",
  "[0-9]",
  "^(ab|cd)+$",
  "^.{2,5}$",
  "^[^/\\\\]+$",
  "^\\w+$",
  "^v[0-9]+(\\.[0-9]+){0,2}$",
];
const TEXTS = [
  "",
  "x",
  "a b",
  'quote " here',
  "back\\slash",
  "{braces}",
  "caf\u00e9",
  "\u{1F600}",
  "tab\there",
  "line\nbreak",
  "long ".repeat(30),
];

/** Deterministic choices drawn from a list of numbers (so fast-check replays and shrinks a model). */
class Chooser {
  private i = 0;
  constructor(private readonly choices: readonly number[]) {}
  next(n: number): number {
    const v = this.choices[this.i++ % this.choices.length]!;
    return n <= 0 ? 0 : v % n;
  }
  chance(percent: number): boolean {
    return this.next(100) < percent;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.next(items.length)]!;
  }
}

type TypeInfo =
  | { readonly kind: "enum"; readonly wires: readonly string[]; readonly hasDefault: boolean }
  | { readonly kind: "open-enum"; readonly values: readonly string[]; readonly hasDefault: boolean }
  | { readonly kind: "string" }
  | { readonly kind: "struct"; readonly hasDefault: boolean };

/** A YAML scalar or flow value: JSON text, which YAML reads as the same value. */
const y = (v: unknown): string => JSON.stringify(v);

class ModelWriter {
  private readonly used = new Set<string>();
  readonly types = new Map<string, TypeInfo & { readonly module: string }>();
  constructor(readonly c: Chooser) {}

  private unique(make: () => string): string {
    for (let attempt = 0; ; attempt++) {
      const n = make();
      const name = attempt < 5 ? n : `${n}${attempt}`;
      if (!this.used.has(name.toLowerCase())) {
        this.used.add(name.toLowerCase());
        return name;
      }
    }
  }

  private words(min: number, max: number): string[] {
    const n = min + this.c.next(max - min + 1);
    return Array.from({ length: n }, () => this.c.pick(WORDS));
  }

  pascal(): string {
    return this.unique(() => {
      const long = this.c.chance(10);
      return this.words(1, long ? 12 : 3)
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join("");
    });
  }

  snake(local: Set<string>, allowKeywords = true): string {
    for (;;) {
      const name = allowKeywords && this.c.chance(10) ? this.c.pick(KEYWORDS) : this.words(1, this.c.chance(10) ? 10 : 3).join("_");
      if (!local.has(name)) {
        local.add(name);
        return name;
      }
    }
  }

  module(name: string, index: number): string {
    const lines = [`idl: 1`, `module: ${name}`, `doc: ${y(this.c.pick(TEXTS))}`, "types:"];
    const declared: string[] = [];
    const count = 2 + this.c.next(6);
    for (let i = 0; i < count; i++) {
      const kind = this.c.next(4);
      const tname = this.pascal();
      lines.push(
        ...(kind === 0
          ? this.enumDecl(tname)
          : kind === 1
            ? this.openEnumDecl(tname)
            : kind === 2
              ? this.stringDecl(tname)
              : this.structDecl(tname, declared)
        ).map((l) => `  ${l}`),
      );
      const info = this.lastInfo!;
      this.types.set(tname, { ...info, module: name });
      declared.push(tname);
    }
    lines.push(...this.pathsOf(index, declared));
    return `${lines.join("\n")}\n`;
  }

  private lastInfo: TypeInfo | undefined;

  private enumDecl(name: string): string[] {
    const rule = this.c.chance(60) ? this.c.pick(RENAME_RULES) : undefined;
    const variants: { name: string; wire: string; override?: string; display?: string }[] = [];
    const wires = new Set<string>();
    const count = 1 + this.c.next(5);
    for (let i = 0; i < count; i++) {
      const v = this.pascal();
      const override = this.c.chance(15) ? `${this.c.pick(TEXTS)}${i}` : undefined;
      const wire = override ?? renameVariant(rule, v);
      if (wire === "" || wires.has(wire)) continue;
      wires.add(wire);
      variants.push({
        name: v,
        wire,
        ...(override !== undefined && { override }),
        ...(this.c.chance(20) && { display: this.c.pick(TEXTS) }),
      });
    }
    const dflt = this.c.chance(50) ? this.c.pick(variants) : undefined;
    this.lastInfo = { kind: "enum", wires: variants.map((v) => v.wire), hasDefault: dflt !== undefined };
    return [
      `${name}:`,
      "  kind: enum",
      ...(rule ? [`  rename_all: ${rule}`] : []),
      ...(dflt ? [`  default: ${dflt.name}`] : []),
      "  variants:",
      ...variants.flatMap((v) =>
        v.override === undefined && v.display === undefined
          ? [`    ${v.name}:`]
          : [
              `    ${v.name}:`,
              ...(v.override !== undefined ? [`      wire: ${y(v.override)}`] : []),
              ...(v.display !== undefined ? [`      display: ${y(v.display)}`] : []),
            ],
      ),
    ];
  }

  private openEnumDecl(name: string): string[] {
    const values = [...new Set(Array.from({ length: 1 + this.c.next(4) }, (_, i) => `${this.c.pick(TEXTS)}${i}`))];
    const dflt = this.c.chance(50) ? this.c.pick(values) : undefined;
    this.lastInfo = { kind: "open-enum", values, hasDefault: dflt !== undefined };
    return [
      `${name}:`,
      "  kind: open-enum",
      ...(dflt !== undefined ? [`  default: ${y(dflt)}`] : []),
      "  values:",
      ...values.map((v) => `    ${y(v)}:`),
    ];
  }

  private stringDecl(name: string): string[] {
    this.lastInfo = { kind: "string" };
    const min = this.c.chance(50) ? this.c.next(3) : undefined;
    const max = this.c.chance(50) ? (min ?? 0) + 1 + this.c.next(80) : undefined;
    const pattern = this.c.chance(80) ? this.c.pick(PATTERNS) : undefined;
    return [
      `${name}:`,
      "  kind: string",
      ...(min !== undefined ? [`  min_length: ${min}`] : []),
      ...(max !== undefined ? [`  max_length: ${max}`] : []),
      ...(pattern !== undefined ? [`  pattern: ${y(pattern)}`, `  pattern_doc: ${y(this.c.pick(TEXTS))}`] : []),
    ];
  }

  /** A type expression and, when it has one, a literal default (wire data) and whether it has a type default. */
  private typeExpr(
    declared: readonly string[],
    self: string,
    depth: number,
    inOption = false,
  ): { text: string; literal?: unknown; typeDefault: boolean } {
    let r = this.c.next(10);
    if (inOption && r === 4) r = 5;
    if (r < 4 || depth > 2) {
      const prim = this.c.pick(["string", "bool", "u8", "u16", "u32", "u64", "i32", "i64", "f64"] as const);
      return { text: prim, literal: this.primitiveLiteral(prim), typeDefault: true };
    }
    if (r === 4) {
      const inner = this.typeExpr(declared, self, depth + 1, true);
      return {
        text: `optional<${inner.text}>`,
        ...(this.c.chance(50) ? { literal: null } : inner.literal !== undefined ? { literal: inner.literal } : {}),
        typeDefault: true,
      };
    }
    if (r === 5) {
      const inner = this.typeExpr(declared, self, depth + 1);
      return { text: `list<${inner.text}>`, literal: inner.literal === undefined ? [] : [inner.literal, inner.literal], typeDefault: true };
    }
    if (r === 6) {
      const inner = this.typeExpr(declared, self, depth + 1);
      return {
        text: `map<string, ${inner.text}>`,
        literal: inner.literal === undefined ? {} : { k: inner.literal, "a b": inner.literal },
        typeDefault: true,
      };
    }
    if (r === 7 && self !== "") {
      // Recursion, through what holds none or nothing.
      return {
        text: this.c.pick(
          inOption ? [`list<${self}>`, `map<string, ${self}>`] : [`optional<${self}>`, `list<${self}>`, `map<string, ${self}>`],
        ),
        typeDefault: true,
      };
    }
    const candidates = declared.filter((t) => this.types.has(t));
    if (candidates.length === 0) return { text: "string", literal: "s", typeDefault: true };
    const name = this.c.pick(candidates);
    const info = this.types.get(name)!;
    switch (info.kind) {
      case "enum":
        return { text: name, literal: this.c.pick(info.wires), typeDefault: info.hasDefault };
      case "open-enum":
        return { text: name, literal: this.c.pick([...info.values, "other value"]), typeDefault: info.hasDefault };
      case "string":
        return { text: name, typeDefault: false };
      case "struct":
        return { text: name, typeDefault: info.hasDefault };
    }
  }

  private primitiveLiteral(prim: string): unknown {
    switch (prim) {
      case "string":
        return this.c.pick(TEXTS);
      case "bool":
        return this.c.chance(50);
      case "f64":
        return this.c.pick([0, 1.5, -2.5e-10, 1e21, 123456.789, 0.1]);
      case "i32":
      case "i64":
        return this.c.pick([0, -1, 60, -2147483648]);
      case "u8":
        return this.c.pick([0, 1, 255]);
      default:
        return this.c.pick([0, 15, 60, 65535]);
    }
  }

  private structDecl(name: string, declared: readonly string[]): string[] {
    const rule = this.c.chance(30) ? this.c.pick(RENAME_RULES) : undefined;
    const deny = this.c.chance(20);
    const fieldNames = new Set<string>();
    const wires = new Set<string>();
    const fields: string[] = [];
    let allDefaulted = true;
    const count = this.c.next(7);
    for (let i = 0; i < count; i++) {
      const fname = this.snake(fieldNames);
      const override = this.c.chance(10) ? `${this.c.pick(TEXTS)}${i}` : undefined;
      const wire = override ?? renameField(rule, fname);
      if (wire === "" || wires.has(wire)) continue;
      wires.add(wire);
      const t = this.typeExpr(declared, name, 0);
      const lines = [`    ${fname}:`, `      type: ${y(t.text)}`];
      if (override !== undefined) lines.push(`      wire: ${y(override)}`);
      const d = this.c.next(3);
      if (d === 0 && t.literal !== undefined) lines.push(`      default: ${y(t.literal)}`);
      else if (d === 1 && t.typeDefault) lines.push("      type_default: true");
      else if (!t.text.startsWith("optional<")) allDefaulted = false;
      if (t.text.startsWith("optional<") && this.c.chance(50)) lines.push("      omit: if-none");
      if ((t.text.startsWith("list<") || t.text.startsWith("map<") || t.text === "string") && this.c.chance(50))
        lines.push("      omit: if-empty");
      if (this.c.chance(20)) lines.push(`      doc: ${y(this.c.pick(TEXTS))}`);
      fields.push(...lines);
    }
    const hasDefault = allDefaulted && this.c.chance(70);
    this.lastInfo = { kind: "struct", hasDefault };
    return [
      `${name}:`,
      "  kind: struct",
      ...(rule ? [`  rename_all: ${rule}`] : []),
      ...(deny ? ["  unknown_fields: deny"] : []),
      ...(hasDefault ? ["  has_default: true"] : []),
      ...(fields.length === 0 ? ["  fields: {}"] : ["  fields:", ...fields]),
    ];
  }

  private pathsOf(index: number, declared: readonly string[]): string[] {
    const root = `ROOT_${index}_${this.words(1, this.c.chance(10) ? 8 : 2)
      .join("_")
      .toUpperCase()}`;
    const strings = declared.filter((t) => this.types.get(t)?.kind === "string");
    const segment = (): string => this.words(1, 3).join("-");
    const lines = ["roots:", `  ${root}:`, `    value: ${y(`/${segment()}/${segment()}`)}`, "paths:"];
    const params = new Set<string>();
    let previous: string | undefined;
    const count = 1 + this.c.next(3);
    for (let i = 0; i < count; i++) {
      const helper = this.snake(new Set(), false);
      const hname = this.unique(() => `${helper}_${index}_${i}`);
      const base = previous === undefined || this.c.chance(30) ? root : previous;
      // A helper's parameters are those of the helper it builds on, then its own: no name twice.
      if (base === root) params.clear();
      const ps: [string, string][] = Array.from({ length: this.c.next(3) }, () => [
        this.snake(params),
        strings.length > 0 && this.c.chance(60) ? this.c.pick(strings) : "string",
      ]);
      const template = `{${base}}/${segment()}${ps.map(([p]) => `/${this.c.chance(30) ? "v-" : ""}{${p}}`).join("")}${this.c.chance(30) ? ".json" : ""}`;
      lines.push(
        `  ${hname}:`,
        ...(ps.length > 0 ? ["    params:", ...ps.map(([p, t]) => `      ${p}: ${t}`)] : []),
        `    template: ${y(template)}`,
      );
      previous = hname;
    }
    return lines;
  }
}

/** A random IDL folder: module file name to text. */
export const randomIdl: fc.Arbitrary<Map<string, string>> = fc
  .record({ choices: fc.array(fc.nat({ max: 1_000_000 }), { minLength: 64, maxLength: 256 }), modules: fc.integer({ min: 1, max: 6 }) })
  .map(({ choices, modules }) => {
    const w = new ModelWriter(new Chooser(choices));
    const files = new Map<string, string>();
    for (let i = 0; i < modules; i++) {
      const name = `m${i}_${w.snake(new Set(), false)}`;
      files.set(`${name}.yaml`, w.module(name, i));
    }
    return files;
  });
