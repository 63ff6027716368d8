/** Terminal output: colour only on a TTY and never with NO_COLOR; --quiet keeps only errors. */
import { formatDiagnostic, type Report } from "../diagnostics/diagnostic.js";

export interface Output {
  readonly quiet: boolean;
  info(line: string): void;
  error(line: string): void;
  diagnostics(list: readonly Report[]): void;
}

export function useColor(stream: NodeJS.WriteStream): boolean {
  if (process.env["NO_COLOR"] !== undefined && process.env["NO_COLOR"] !== "") return false;
  if (process.env["FORCE_COLOR"] !== undefined && process.env["FORCE_COLOR"] !== "0") return true;
  return stream.isTTY === true;
}

const paint = (on: boolean, code: number, text: string): string => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

export function createOutput(quiet: boolean): Output {
  const color = useColor(process.stderr);
  return {
    quiet,
    info(line) {
      if (!quiet) process.stdout.write(`${line}\n`);
    },
    error(line) {
      process.stderr.write(`${line}\n`);
    },
    diagnostics(list) {
      // One write: a write per line costs a system call each, which adds up to seconds on a long list.
      const lines = list.map((d) => {
        const text = formatDiagnostic(d);
        const sev = d.severity === "error" ? 31 : 33;
        return color ? text.replace(` ${d.severity} ${d.code}:`, ` ${paint(true, sev, d.severity)} ${paint(true, 90, d.code)}:`) : text;
      });
      const errors = list.filter((d) => d.severity === "error").length;
      if (errors > 0) lines.push(paint(color, 31, `Found ${errors} error${errors === 1 ? "" : "s"}.`));
      if (lines.length > 0) process.stderr.write(`${lines.join("\n")}\n`);
    },
  };
}
