/** `idlc generate --watch`: regenerate on every change of the IDL folder, keeping the last good output. */
import { watch } from "node:fs";
import { displayPath } from "../io/files.js";
import type { ProjectConfig } from "./config.js";
import { generateOnce, outputDirs } from "./main.js";
import type { Output } from "./output.js";

export async function watchCommand(config: ProjectConfig, out: Output, force = false): Promise<number> {
  let running = false;
  let again = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    do {
      again = false;
      const code = await generateOnce(config, out, force).catch((error: unknown) => {
        out.error(`idlc: ${error instanceof Error ? error.message : String(error)}`);
        return 1;
      });
      if (code !== 0) out.error(`Keeping the last good output in ${outputDirs(config)}.`);
    } while (again);
    running = false;
    out.info(`Watching ${displayPath(config.idlDir)} (Ctrl-C to stop).`);
  };
  await run();
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(config.idlDir, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 30); // one save is often several events: run once for them
  });
  return new Promise((resolve) => {
    const stop = (): void => {
      watcher.close();
      clearTimeout(timer);
      resolve(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
