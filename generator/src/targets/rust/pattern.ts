/**
 * An ECMAScript pattern (`u` flag, as the IDL and the TypeScript package use it) compiled to a
 * minimal deterministic automaton over Unicode code points, with `RegExp.prototype.test`'s
 * semantics: a match anywhere, `^` and `$` at the ends of the whole string. The Rust target
 * turns the automaton into a `match` (no regex crate, no runtime compilation).
 *
 * Every regular construct is supported: literals and escapes, `.`, classes and class escapes,
 * groups, alternation, all quantifiers, `^` and `$` anywhere. What is not regular or not worth
 * an automaton is refused with a reason: back-references, lookaround, `\b`/`\B`, `\p{...}`.
 */

/** Sorted, disjoint, inclusive code point ranges: `[lo0, hi0, lo1, hi1, ...]`. */
export type Ranges = readonly number[];

const MAX_CP = 0x10ffff;

export class PatternError extends Error {}

// ---------------------------------------------------------------------------------------------
// Range sets.

function normalize(pairs: readonly (readonly [number, number])[]): number[] {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of sorted) {
    const n = out.length;
    if (n > 0 && lo <= out[n - 1]! + 1) out[n - 1] = Math.max(out[n - 1]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

function pairsOf(r: Ranges): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < r.length; i += 2) out.push([r[i]!, r[i + 1]!]);
  return out;
}

function union(...sets: Ranges[]): number[] {
  return normalize(sets.flatMap(pairsOf));
}

function complement(r: Ranges): number[] {
  const out: number[] = [];
  let next = 0;
  for (const [lo, hi] of pairsOf(r)) {
    if (lo > next) out.push(next, lo - 1);
    next = hi + 1;
  }
  if (next <= MAX_CP) out.push(next, MAX_CP);
  return out;
}

const single = (cp: number): number[] => [cp, cp];
const DIGIT = [0x30, 0x39];
const WORD = normalize([
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
]);
/** ECMAScript WhiteSpace and LineTerminator. */
const SPACE = normalize([
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);
/** `.` without the `s` flag: anything but a line terminator. */
const DOT = complement(
  normalize([
    [0x0a, 0x0a],
    [0x0d, 0x0d],
    [0x2028, 0x2029],
  ]),
);

// ---------------------------------------------------------------------------------------------
// The pattern's syntax tree.

type Node =
  | { readonly k: "set"; readonly set: Ranges }
  | { readonly k: "seq"; readonly items: readonly Node[] }
  | { readonly k: "alt"; readonly options: readonly Node[] }
  | { readonly k: "repeat"; readonly node: Node; readonly min: number; readonly max: number }
  | { readonly k: "start" }
  | { readonly k: "end" };

/** The largest `{n,m}` bound, and the most automaton states, before a pattern counts as too complex. */
const MAX_REPEAT = 1000;
const MAX_NFA_STATES = 20_000;
const MAX_DFA_STATES = 1_000;

function parse(source: string): Node {
  const cps = [...source].map((c) => c.codePointAt(0)!);
  let pos = 0;
  const peek = (o = 0): number | undefined => cps[pos + o];
  const eat = (c: string): boolean => {
    if (cps[pos] === c.codePointAt(0)) {
      pos++;
      return true;
    }
    return false;
  };
  const unsupported = (what: string): never => {
    throw new PatternError(`${what} cannot be compiled to an automaton`);
  };
  const invalid = (): never => {
    throw new PatternError(`invalid pattern at offset ${pos}`);
  };

  const disjunction = (): Node => {
    const options = [alternative()];
    while (eat("|")) options.push(alternative());
    return options.length === 1 ? options[0]! : { k: "alt", options };
  };

  const alternative = (): Node => {
    const items: Node[] = [];
    while (pos < cps.length && peek() !== 0x7c /* | */ && peek() !== 0x29 /* ) */) items.push(term());
    return items.length === 1 ? items[0]! : { k: "seq", items };
  };

  const term = (): Node => {
    const c = peek()!;
    if (c === 0x5e /* ^ */) {
      pos++;
      return { k: "start" };
    }
    if (c === 0x24 /* $ */) {
      pos++;
      return { k: "end" };
    }
    if (c === 0x5c /* \ */ && (peek(1) === 0x62 || peek(1) === 0x42)) unsupported("a word boundary (\\b, \\B)");
    if (c === 0x28 /* ( */ && peek(1) === 0x3f /* ? */) {
      const n = peek(2);
      if (n === 0x3d || n === 0x21) unsupported("a lookahead");
      if (n === 0x3c && (peek(3) === 0x3d || peek(3) === 0x21)) unsupported("a lookbehind");
    }
    const a = atom();
    return quantified(a);
  };

  const quantified = (node: Node): Node => {
    let bounds: [number, number] | undefined;
    const c = peek();
    if (c === 0x2a /* * */) bounds = [0, Infinity];
    else if (c === 0x2b /* + */) bounds = [1, Infinity];
    else if (c === 0x3f /* ? */) bounds = [0, 1];
    if (bounds !== undefined) pos++;
    else if (c === 0x7b /* { */) bounds = braces();
    if (bounds === undefined) return node;
    eat("?"); // lazy or greedy: the same for test()
    const [min, max] = bounds;
    if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) unsupported(`a repetition above ${MAX_REPEAT}`);
    return { k: "repeat", node, min, max };
  };

  /** `{n}`, `{n,}`, `{n,m}` ending before the closing brace; undefined when not a quantifier. */
  const braces = (): [number, number] | undefined => {
    const start = pos;
    pos++;
    const digits = (): number | undefined => {
      let text = "";
      while (peek() !== undefined && peek()! >= 0x30 && peek()! <= 0x39) text += String.fromCodePoint(cps[pos++]!);
      return text === "" ? undefined : Number(text);
    };
    const min = digits();
    if (min === undefined) {
      pos = start;
      return undefined;
    }
    let max = min;
    if (eat(",")) max = digits() ?? Infinity;
    if (peek() !== 0x7d) invalid();
    pos++;
    return [min, max];
  };

  const atom = (): Node => {
    const c = cps[pos++];
    if (c === undefined) return invalid();
    switch (c) {
      case 0x2e /* . */:
        return { k: "set", set: DOT };
      case 0x28 /* ( */: {
        if (eat("?")) {
          if (eat(":")) {
            // non-capturing group
          } else if (eat("<")) {
            while (peek() !== undefined && peek() !== 0x3e) pos++;
            if (!eat(">")) invalid();
          } else unsupported("a group modifier");
        }
        const inner = disjunction();
        if (!eat(")")) invalid();
        return inner;
      }
      case 0x5b /* [ */:
        return { k: "set", set: classBody() };
      case 0x5c /* \ */:
        return { k: "set", set: atomEscape(false) };
      default:
        return { k: "set", set: single(c) };
    }
  };

  const atomEscape = (inClass: boolean): number[] => {
    const c = cps[pos++];
    if (c === undefined) return invalid();
    const ch = String.fromCodePoint(c);
    switch (ch) {
      case "d":
        return [...DIGIT];
      case "D":
        return complement(DIGIT);
      case "w":
        return [...WORD];
      case "W":
        return complement(WORD);
      case "s":
        return [...SPACE];
      case "S":
        return complement(SPACE);
      case "p":
      case "P":
        return unsupported("a Unicode property escape (\\p{...})");
      case "k":
        return unsupported("a back-reference");
      case "b":
        if (inClass) return single(0x08);
        return unsupported("a word boundary (\\b)");
      case "-":
        if (inClass) return single(0x2d);
        return invalid();
      default:
        if (c >= 0x31 && c <= 0x39) return unsupported("a back-reference");
        return single(characterEscape(c));
    }
  };

  /** The code point of a character escape whose first character (after `\`) is `c`. */
  const characterEscape = (c: number): number => {
    const ch = String.fromCodePoint(c);
    switch (ch) {
      case "t":
        return 0x09;
      case "n":
        return 0x0a;
      case "v":
        return 0x0b;
      case "f":
        return 0x0c;
      case "r":
        return 0x0d;
      case "0":
        return 0;
      case "c": {
        const letter = cps[pos++];
        if (letter === undefined) return invalid();
        return letter % 32;
      }
      case "x":
        return hex(2);
      case "u": {
        if (eat("{")) {
          let text = "";
          while (peek() !== undefined && peek() !== 0x7d) text += String.fromCodePoint(cps[pos++]!);
          if (!eat("}")) invalid();
          return parseInt(text, 16);
        }
        const unit = hex(4);
        if (unit >= 0xd800 && unit <= 0xdbff && peek() === 0x5c && peek(1) === 0x75) {
          const save = pos;
          pos += 2;
          const low = hex(4, true);
          if (low !== undefined && low >= 0xdc00 && low <= 0xdfff) return 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
          pos = save;
        }
        return unit;
      }
      default:
        return c; // an identity escape of a syntax character or '/'
    }
  };

  function hex(n: number): number;
  function hex(n: number, optional: true): number | undefined;
  function hex(n: number, optional = false): number | undefined {
    let text = "";
    for (let i = 0; i < n; i++) {
      const c = peek();
      if (c === undefined || !/[0-9a-fA-F]/.test(String.fromCodePoint(c))) {
        if (optional) return undefined;
        invalid();
      }
      text += String.fromCodePoint(cps[pos++]!);
    }
    return parseInt(text, 16);
  }

  const classBody = (): number[] => {
    const negate = eat("^");
    const parts: number[][] = [];
    const classAtom = (): { set: number[]; cp: number | undefined } => {
      const c = cps[pos++];
      if (c === undefined) return invalid();
      if (c === 0x5c) {
        const set = atomEscape(true);
        return { set, cp: set.length === 2 && set[0] === set[1] ? set[0] : undefined };
      }
      return { set: single(c), cp: c };
    };
    while (peek() !== 0x5d /* ] */) {
      if (peek() === undefined) invalid();
      const a = classAtom();
      if (peek() === 0x2d /* - */ && peek(1) !== 0x5d && peek(1) !== undefined) {
        pos++;
        const b = classAtom();
        if (a.cp === undefined || b.cp === undefined) return invalid();
        parts.push([a.cp, b.cp]);
      } else {
        parts.push(a.set);
      }
    }
    pos++;
    const set = union(...parts);
    return negate ? complement(set) : set;
  };

  const tree = disjunction();
  if (pos !== cps.length) invalid();
  return tree;
}

// ---------------------------------------------------------------------------------------------
// Thompson automaton with assertion edges.

type Edge =
  | { readonly k: "eps"; readonly to: number }
  | { readonly k: "set"; readonly set: Ranges; readonly to: number }
  | { readonly k: "start"; readonly to: number }
  | { readonly k: "end"; readonly to: number };

class Nfa {
  readonly edges: Edge[][] = [];
  add(): number {
    if (this.edges.length >= MAX_NFA_STATES) throw new PatternError("the pattern is too complex for an automaton");
    this.edges.push([]);
    return this.edges.length - 1;
  }
  link(from: number, edge: Edge): void {
    this.edges[from]!.push(edge);
  }
}

interface Fragment {
  readonly start: number;
  readonly end: number;
}

function build(nfa: Nfa, node: Node): Fragment {
  switch (node.k) {
    case "set":
    case "start":
    case "end": {
      const start = nfa.add();
      const end = nfa.add();
      nfa.link(start, node.k === "set" ? { k: "set", set: node.set, to: end } : { k: node.k, to: end });
      return { start, end };
    }
    case "seq": {
      const start = nfa.add();
      let end = start;
      for (const item of node.items) {
        const f = build(nfa, item);
        nfa.link(end, { k: "eps", to: f.start });
        end = f.end;
      }
      return { start, end };
    }
    case "alt": {
      const start = nfa.add();
      const end = nfa.add();
      for (const option of node.options) {
        const f = build(nfa, option);
        nfa.link(start, { k: "eps", to: f.start });
        nfa.link(f.end, { k: "eps", to: end });
      }
      return { start, end };
    }
    case "repeat": {
      const start = nfa.add();
      let end = start;
      for (let i = 0; i < node.min; i++) {
        const f = build(nfa, node.node);
        nfa.link(end, { k: "eps", to: f.start });
        end = f.end;
      }
      if (node.max === Infinity) {
        const loop = build(nfa, node.node);
        const exit = nfa.add();
        nfa.link(end, { k: "eps", to: loop.start });
        nfa.link(end, { k: "eps", to: exit });
        nfa.link(loop.end, { k: "eps", to: loop.start });
        nfa.link(loop.end, { k: "eps", to: exit });
        return { start, end: exit };
      }
      const exit = nfa.add();
      for (let i = node.min; i < node.max; i++) {
        const f = build(nfa, node.node);
        nfa.link(end, { k: "eps", to: exit });
        nfa.link(end, { k: "eps", to: f.start });
        end = f.end;
      }
      nfa.link(end, { k: "eps", to: exit });
      return { start, end: exit };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The deterministic automaton.

/** A minimal DFA: state 0 is the start; `transitions[s]` lists code point ranges and their target. */
export interface Automaton {
  readonly states: number;
  readonly accepting: readonly boolean[];
  /** States from which every continuation matches (once reached, the answer is yes). */
  readonly universal: readonly boolean[];
  /** Per state: `[lo, hi, target]`, sorted by `lo`; code points not listed lead to no match. */
  readonly transitions: readonly (readonly (readonly [number, number, number])[])[];
}

/** Compiles `pattern`; throws PatternError with a reason when it cannot. */
export function compilePattern(pattern: string): Automaton {
  const tree = parse(pattern);
  const nfa = new Nfa();
  const body = build(nfa, tree);
  // test(): a match may start and end anywhere.
  const start = nfa.add();
  const final = nfa.add();
  nfa.link(start, { k: "set", set: [0, MAX_CP], to: start });
  nfa.link(start, { k: "eps", to: body.start });
  nfa.link(body.end, { k: "eps", to: final });
  nfa.link(final, { k: "set", set: [0, MAX_CP], to: final });

  const closure = (from: Iterable<number>, atStart: boolean, atEnd: boolean): number[] => {
    const seen = new Set<number>();
    const stack = [...from];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      for (const e of nfa.edges[s]!) {
        if (e.k === "eps" || (e.k === "start" && atStart) || (e.k === "end" && atEnd)) stack.push(e.to);
      }
    }
    return [...seen].sort((a, b) => a - b);
  };

  // States that can still complete a match once a character has been read (`^` no longer holds):
  // the others are dropped from every set after the first character, so a pattern that cannot
  // match there (`a^`) does not multiply states.
  const useful = new Set<number>([final]);
  for (let changed = true; changed;) {
    changed = false;
    nfa.edges.forEach((edges, s) => {
      if (!useful.has(s) && edges.some((e) => e.k !== "start" && useful.has(e.to))) {
        useful.add(s);
        changed = true;
      }
    });
  }

  // Elementary intervals: the alphabet cut at every boundary of every set.
  const cuts = new Set<number>([0, MAX_CP + 1]);
  for (const edges of nfa.edges) {
    for (const e of edges) {
      if (e.k !== "set") continue;
      for (const [lo, hi] of pairsOf(e.set)) {
        cuts.add(lo);
        cuts.add(hi + 1);
      }
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const intervals = points.slice(0, -1).map((lo, i) => [lo, points[i + 1]! - 1] as const);

  // Subset construction. The start state is its own (only it sees `^`).
  const key = (set: readonly number[], isStart: boolean): string => `${isStart ? "S" : ""}${set.join(",")}`;
  const sets: { set: number[]; isStart: boolean }[] = [];
  const ids = new Map<string, number>();
  const idOf = (raw: number[], isStart: boolean): number => {
    // Once the match is complete (the final state, which loops on everything, is reached), the
    // answer is yes whatever follows: every such set is one state.
    const done = raw.includes(final);
    const set = done ? [final] : raw;
    const k = done ? "done" : key(set, isStart);
    let id = ids.get(k);
    if (id === undefined) {
      if (sets.length >= MAX_DFA_STATES) throw new PatternError("the pattern is too complex for an automaton");
      id = sets.length;
      ids.set(k, id);
      sets.push({ set, isStart });
    }
    return id;
  };
  idOf(closure([start], true, false), true);
  const table: number[][] = [];
  const accepting: boolean[] = [];
  for (let d = 0; d < sets.length; d++) {
    const { set, isStart } = sets[d]!;
    accepting.push(closure(set, isStart, true).includes(final));
    const row: number[] = [];
    for (const [lo] of intervals) {
      const next = new Set<number>();
      for (const s of set) {
        for (const e of nfa.edges[s]!) if (e.k === "set" && contains(e.set, lo)) next.add(e.to);
      }
      const reached = closure(next, false, false).filter((n) => useful.has(n));
      row.push(reached.length === 0 ? -1 : idOf(reached, false));
    }
    table.push(row);
  }
  return minimize(table, accepting, intervals);
}

function contains(set: Ranges, cp: number): boolean {
  for (let i = 0; i < set.length; i += 2) if (cp >= set[i]! && cp <= set[i + 1]!) return true;
  return false;
}

/** Moore's partition refinement, dead states removed, states renumbered from the start. */
function minimize(table: readonly number[][], accepting: readonly boolean[], intervals: readonly (readonly [number, number])[]): Automaton {
  const n = table.length;
  // Live states: those that can reach acceptance.
  const live = accepting.slice();
  for (let changed = true; changed;) {
    changed = false;
    for (let s = 0; s < n; s++) {
      if (!live[s] && table[s]!.some((t) => t >= 0 && live[t])) {
        live[s] = true;
        changed = true;
      }
    }
  }
  const target = (s: number, i: number): number => {
    const t = table[s]![i]!;
    return t >= 0 && live[t] ? t : -1;
  };
  let block: number[] = Array.from({ length: n }, (_, s) => (live[s] ? (accepting[s] ? 1 : 0) : -1));
  for (;;) {
    const signatures = new Map<string, number>();
    const next = block.map((b, s) => {
      if (b < 0) return -1;
      const sig = `${b}|${table[s]!.map((_, i) => {
        const t = target(s, i);
        return t < 0 ? -1 : block[t];
      }).join(",")}`;
      let id = signatures.get(sig);
      if (id === undefined) {
        id = signatures.size;
        signatures.set(sig, id);
      }
      return id;
    });
    const count = (bs: number[]): number => new Set(bs.filter((b) => b >= 0)).size;
    if (count(next) === count(block)) break;
    block = next;
  }
  // Renumber blocks in discovery order from the start state.
  const order: number[] = [];
  const number = new Map<number, number>();
  const representative = new Map<number, number>();
  for (let s = 0; s < n; s++) if (block[s]! >= 0 && !representative.has(block[s]!)) representative.set(block[s]!, s);
  const visit = (b: number): void => {
    if (number.has(b)) return;
    number.set(b, order.length);
    order.push(b);
  };
  if (block[0]! >= 0) {
    visit(block[0]!);
    for (let i = 0; i < order.length; i++) {
      const s = representative.get(order[i]!)!;
      for (let j = 0; j < intervals.length; j++) {
        const t = target(s, j);
        if (t >= 0) visit(block[t]!);
      }
    }
  }
  const transitions = order.map((b) => {
    const s = representative.get(b)!;
    const out: [number, number, number][] = [];
    intervals.forEach(([lo, hi], j) => {
      const t = target(s, j);
      if (t < 0) return;
      const to = number.get(block[t]!)!;
      const last = out[out.length - 1];
      if (last && last[2] === to && last[1] + 1 === lo) last[1] = hi;
      else out.push([lo, hi, to]);
    });
    return out;
  });
  const acc = order.map((b) => accepting[representative.get(b)!]!);
  // Universal states: accepting, and every code point leads to a universal state.
  const universal = acc.slice();
  for (let changed = true; changed;) {
    changed = false;
    for (let s = 0; s < order.length; s++) {
      if (!universal[s]) continue;
      const t = transitions[s]!;
      const full =
        t.length > 0 && t[0]![0] === 0 && t[t.length - 1]![1] === MAX_CP && t.every((r, i) => i === 0 || t[i - 1]![1] + 1 === r[0]);
      if (!full || !t.every((r) => universal[r[2]])) {
        universal[s] = false;
        changed = true;
      }
    }
  }
  return { states: order.length, accepting: acc, universal, transitions };
}

/** Whether the automaton accepts `text` (used by tests to compare with RegExp). */
export function runAutomaton(a: Automaton, text: string): boolean {
  if (a.states === 0) return false;
  let s = 0;
  for (const ch of text) {
    if (a.universal[s]) return true;
    const cp = ch.codePointAt(0)!;
    const t = a.transitions[s]!.find(([lo, hi]) => cp >= lo && cp <= hi);
    if (t === undefined) return false;
    s = t[2];
  }
  return a.accepting[s]!;
}
