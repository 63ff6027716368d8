/**
 * A document algebra and its printer, after Wadler's "prettier printer" as prettier implements it
 * (prettier/src/document): text, groups that break as a whole when they do not fit the line,
 * indentation, soft and hard line breaks, and content chosen by whether a group broke. The
 * TypeScript printer (./print.ts) builds documents the way prettier builds them for the same
 * syntax, so that the emitted code is what prettier would print, without running prettier.
 */

export type Doc = string | readonly Doc[] | Group | Indent | Align | Line | IfBreak | IndentIfBreak | BreakParent | Fill;

export interface Group {
  readonly kind: "group";
  readonly contents: Doc;
  /** Broken from the start (set by `propagateBreaks` for groups holding a hard line). */
  break: boolean;
  readonly id?: symbol | undefined;
  /** Alternative contents, least expanded first (prettier's conditionalGroup). */
  readonly expandedStates?: readonly Doc[] | undefined;
}

export interface Indent {
  readonly kind: "indent";
  readonly contents: Doc;
}

/** Contents indented by `n` more spaces (prettier's align). */
export interface Align {
  readonly kind: "align";
  readonly n: number;
  readonly contents: Doc;
}

export interface Line {
  readonly kind: "line";
  /** Nothing when flat (a soft line), instead of a space. */
  readonly soft: boolean;
  /** Always a line break. */
  readonly hard: boolean;
}

export interface IfBreak {
  readonly kind: "if-break";
  readonly breakContents: Doc;
  readonly flatContents: Doc;
  readonly groupId?: symbol | undefined;
}

export interface IndentIfBreak {
  readonly kind: "indent-if-break";
  readonly contents: Doc;
  readonly groupId: symbol;
}

/** Contents and separators alternating, filling each line as far as it goes (prettier's fill). */
export interface Fill {
  readonly kind: "fill";
  readonly parts: readonly Doc[];
}

export function fill(parts: readonly Doc[]): Fill {
  return { kind: "fill", parts };
}

export interface BreakParent {
  readonly kind: "break-parent";
}

export const line: Line = { kind: "line", soft: false, hard: false };
export const softline: Line = { kind: "line", soft: true, hard: false };
const hardlineOnly: Line = { kind: "line", soft: false, hard: true };
export const breakParent: BreakParent = { kind: "break-parent" };
/** A line break that also breaks every group around it. */
export const hardline: Doc = [hardlineOnly, breakParent];

export function group(contents: Doc, options: { shouldBreak?: boolean; id?: symbol } = {}): Group {
  return { kind: "group", contents, break: options.shouldBreak === true, id: options.id };
}

/** The first of `states` that fits, else the last, broken (prettier's conditionalGroup). */
export function conditionalGroup(states: readonly Doc[]): Group {
  return { kind: "group", contents: states[0]!, break: false, expandedStates: states };
}

export function indent(contents: Doc): Indent {
  return { kind: "indent", contents };
}

export function align(n: number, contents: Doc): Align {
  return { kind: "align", n, contents };
}

export function ifBreak(breakContents: Doc, flatContents: Doc = "", groupId?: symbol): IfBreak {
  return { kind: "if-break", breakContents, flatContents, groupId };
}

export function indentIfBreak(contents: Doc, groupId: symbol): IndentIfBreak {
  return { kind: "indent-if-break", contents, groupId };
}

export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  const out: Doc[] = [];
  docs.forEach((d, i) => {
    if (i > 0) out.push(separator);
    out.push(d);
  });
  return out;
}

/** Whether the document holds a forced break (prettier's willBreak). */
export function willBreak(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (isArray(doc)) return doc.some(willBreak);
  switch (doc.kind) {
    case "fill":
      return doc.parts.some(willBreak);
    case "group":
      return doc.break || willBreak(doc.contents);
    case "line":
      return doc.hard;
    case "break-parent":
      return true;
    case "indent":
    case "align":
    case "indent-if-break":
      return willBreak(doc.contents);
    case "if-break":
      return willBreak(doc.breakContents) || willBreak(doc.flatContents);
  }
}

/** Whether the document can print over more than one line (prettier's canBreak). */
export function canBreak(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (isArray(doc)) return doc.some(canBreak);
  switch (doc.kind) {
    case "fill":
      return doc.parts.some(canBreak);
    case "line":
      return true;
    case "group":
    case "indent":
    case "align":
    case "indent-if-break":
      return canBreak(doc.contents);
    case "if-break":
      return canBreak(doc.breakContents) || canBreak(doc.flatContents);
    case "break-parent":
      return false;
  }
}

function isArray(doc: Doc): doc is readonly Doc[] {
  return Array.isArray(doc);
}

/** Marks every group that holds a hard line (or a broken group) as broken, as prettier does before printing. */
function propagateBreaks(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (isArray(doc)) {
    let found = false;
    for (const d of doc) if (propagateBreaks(d)) found = true;
    return found;
  }
  switch (doc.kind) {
    case "fill": {
      let found = false;
      for (const d of doc.parts) if (propagateBreaks(d)) found = true;
      return found;
    }
    case "break-parent":
      return true;
    case "line":
      return false;
    case "group": {
      // prettier checks the expanded states too, but only propagates from the contents.
      if (doc.expandedStates) for (const s of doc.expandedStates) if (s !== doc.contents) propagateBreaks(s);
      const inner = propagateBreaks(doc.contents);
      if (inner) doc.break = true;
      return doc.break;
    }
    case "indent":
    case "align":
    case "indent-if-break":
      return propagateBreaks(doc.contents);
    case "if-break":
      return propagateBreaks(doc.breakContents) || propagateBreaks(doc.flatContents);
  }
}

const BREAK = 1;
const FLAT = 2;
type Mode = typeof BREAK | typeof FLAT;

interface Command {
  readonly indent: string;
  readonly mode: Mode;
  readonly doc: Doc;
}

/**
 * Width of text as prettier counts it. The emitters keep code ASCII outside comments (string
 * literals escape the rest), so this is its length; a test checks that no other text reaches it.
 */
function width(text: string): number {
  return text.length;
}

function fits(next: Command, rest: readonly Command[], remaining: number, groupModes: Map<symbol, Mode>, mustBeFlat: boolean): boolean {
  let restIndex = rest.length;
  const stack: { mode: Mode; doc: Doc }[] = [next];
  while (remaining >= 0) {
    if (stack.length === 0) {
      if (restIndex === 0) return true;
      stack.push(rest[--restIndex]!);
      continue;
    }
    const { mode, doc } = stack.pop()!;
    if (typeof doc === "string") {
      remaining -= width(doc);
      continue;
    }
    if (isArray(doc) || (doc as Fill).kind === "fill") {
      const parts = isArray(doc) ? doc : (doc as Fill).parts;
      for (let i = parts.length - 1; i >= 0; i--) stack.push({ mode, doc: parts[i]! });
      continue;
    }
    switch (doc.kind) {
      case "indent":
      case "align":
      case "indent-if-break":
        stack.push({ mode, doc: doc.contents });
        break;
      case "group": {
        if (mustBeFlat && doc.break) return false;
        const groupMode = doc.break ? BREAK : mode;
        const contents = doc.expandedStates && groupMode === BREAK ? doc.expandedStates.at(-1)! : doc.contents;
        stack.push({ mode: groupMode, doc: contents });
        break;
      }
      case "if-break": {
        const groupMode = doc.groupId ? (groupModes.get(doc.groupId) ?? FLAT) : mode;
        const contents = groupMode === BREAK ? doc.breakContents : doc.flatContents;
        if (contents) stack.push({ mode, doc: contents });
        break;
      }
      case "line":
        if (mode === BREAK || doc.hard) return true;
        if (!doc.soft) remaining -= 1;
        break;
      case "break-parent":
        break;
    }
  }
  return false;
}

/** Prints a document at the given width with two-space indentation (prettier's printDocToString). */
export function printDoc(doc: Doc, printWidth: number): string {
  propagateBreaks(doc);
  const groupModes = new Map<symbol, Mode>();
  const commands: Command[] = [{ indent: "", mode: BREAK, doc }];
  // Output in pieces: joining once at the end keeps printing linear (a growing string would be
  // flattened again at every trim).
  const out: string[] = [];
  let position = 0;
  let remeasure = false;
  while (commands.length > 0) {
    const { indent: ind, mode, doc: d } = commands.pop()!;
    if (typeof d === "string") {
      if (d !== "") out.push(d);
      position += width(d);
      continue;
    }
    if (isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) commands.push({ indent: ind, mode, doc: d[i]! });
      continue;
    }
    switch (d.kind) {
      case "fill": {
        // prettier's fill: content and separator pairs, each separator flat when the next content fits.
        const remaining = printWidth - position;
        const [content, whitespace, ...rest] = d.parts;
        if (content === undefined) break;
        const contentFlat: Command = { indent: ind, mode: FLAT, doc: content };
        const contentBreak: Command = { indent: ind, mode: BREAK, doc: content };
        const contentFits = fits(contentFlat, [], remaining, groupModes, true);
        if (whitespace === undefined) {
          commands.push(contentFits ? contentFlat : contentBreak);
          break;
        }
        const whitespaceFlat: Command = { indent: ind, mode: FLAT, doc: whitespace };
        const whitespaceBreak: Command = { indent: ind, mode: BREAK, doc: whitespace };
        if (rest.length === 0) {
          commands.push(...(contentFits ? [whitespaceFlat, contentFlat] : [whitespaceBreak, contentBreak]));
          break;
        }
        const second = rest[0]!;
        const remainingCommand: Command = { indent: ind, mode, doc: fill(rest) };
        const bothFit = fits({ indent: ind, mode: FLAT, doc: [content, whitespace, second] }, [], remaining, groupModes, true);
        commands.push(remainingCommand);
        if (bothFit) commands.push(whitespaceFlat, contentFlat);
        else if (contentFits) commands.push(whitespaceBreak, contentFlat);
        else commands.push(whitespaceBreak, contentBreak);
        break;
      }
      case "indent":
        commands.push({ indent: `${ind}  `, mode, doc: d.contents });
        break;
      case "align":
        commands.push({ indent: `${ind}${" ".repeat(d.n)}`, mode, doc: d.contents });
        break;
      case "group": {
        let command: Command;
        if (mode === FLAT && !remeasure) {
          command = { indent: ind, mode: d.break ? BREAK : FLAT, doc: d.contents };
        } else {
          remeasure = false;
          const remaining = printWidth - position;
          const flat: Command = { indent: ind, mode: FLAT, doc: d.contents };
          if (!d.break && fits(flat, commands, remaining, groupModes, false)) {
            command = flat;
          } else if (!d.expandedStates) {
            command = { indent: ind, mode: BREAK, doc: d.contents };
          } else {
            command = { indent: ind, mode: BREAK, doc: d.expandedStates.at(-1)! };
            if (!d.break) {
              for (let i = 1; i < d.expandedStates.length - 1; i++) {
                const state: Command = { indent: ind, mode: FLAT, doc: d.expandedStates[i]! };
                if (fits(state, commands, remaining, groupModes, false)) {
                  command = state;
                  break;
                }
              }
            }
          }
        }
        commands.push(command);
        if (d.id) groupModes.set(d.id, command.mode);
        break;
      }
      case "if-break":
      case "indent-if-break": {
        const groupMode = d.groupId ? groupModes.get(d.groupId) : mode;
        if (groupMode === BREAK) {
          const contents = d.kind === "if-break" ? d.breakContents : indent(d.contents);
          if (contents) commands.push({ indent: ind, mode, doc: contents });
        } else if (groupMode === FLAT) {
          const contents = d.kind === "if-break" ? d.flatContents : d.contents;
          if (contents) commands.push({ indent: ind, mode, doc: contents });
        }
        break;
      }
      case "line":
        if (mode === FLAT && !d.hard) {
          if (!d.soft) {
            out.push(" ");
            position += 1;
          }
          break;
        }
        if (mode === FLAT) remeasure = true;
        trimEnd(out);
        out.push(`\n${ind}`);
        position = ind.length;
        break;
      case "break-parent":
        break;
    }
  }
  return out.join("");
}

/** Drops trailing spaces and tabs before a line break, as prettier's output trim does. */
function trimEnd(out: string[]): void {
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    let end = last.length;
    while (end > 0 && (last.charCodeAt(end - 1) === 32 || last.charCodeAt(end - 1) === 9)) end--;
    if (end > 0) {
      if (end < last.length) out[out.length - 1] = last.slice(0, end);
      return;
    }
    out.pop();
  }
}
