/** `idlc diff`: placeholder until the diff phase lands. */
import { UsageError } from "./args.js";

export async function diffCommand(_argv: readonly string[]): Promise<number> {
  throw new UsageError("diff is not available yet");
}
