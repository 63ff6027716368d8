/**
 * `idlc generate` killed (SIGKILL) while it runs: an output folder that holds a known good tree
 * (with dist/ and node_modules/ beside the generated files) is replaced by the output of a large
 * synthetic IDL (the real types cloned many times, so writing takes a while), and the process is
 * killed at several moments: after fixed delays, while the new files are being written, and
 * inside the swap. Each time the output folder must be exactly the old tree or exactly the new
 * one (briefly absent inside the swap), never a mix; the next run must leave exactly the new
 * tree, with nothing lost and nothing left beside it.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync, watch, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IDLC, REAL_FILES, REPO, removeTempDirs, runIdlc, snapshotTree, tempDir, writeIdl } from "../idl-fuzz.js";

/** The real IDL with its pool module cloned `copies` times (types renamed Role -> Role7, ...). */
export function syntheticIdl(copies: number): Record<string, string> {
  const pool = REAL_FILES.find((f) => f.path === "idl/pool.yaml")!.text;
  const tenant = REAL_FILES.find((f) => f.path === "idl/tenant.yaml")!.text;
  const types = [...pool.matchAll(/^ {2}([A-Z][A-Za-z0-9]*):\s*$/gm)].map((m) => m[1]!);
  const rename = new RegExp(`\\b(${types.join("|")})\\b`, "g");
  const files: Record<string, string> = { "pool.yaml": pool, "tenant.yaml": tenant };
  const typesOnly = pool.slice(0, pool.indexOf("\npaths:"));
  for (let k = 1; k <= copies; k++) {
    files[`pool_${k}.yaml`] = typesOnly.replace(/^module: pool$/m, `module: pool_${k}`).replace(rename, `$1${k}`);
  }
  return files;
}

type State = "old" | "new" | "absent" | "mixed";

/** When to kill: `start` ms after spawning; `writing` ms after the new folder appears; `swap` when the old folder is moved aside. */
export type KillAt = { readonly after: "start" | "writing"; readonly ms: number } | { readonly after: "swap" };

interface Killed {
  readonly state: State;
  readonly signal: NodeJS.Signals | null;
  readonly code: number | null;
  /** The new folder was there when the kill was sent, and the swap had not begun: it came in the middle of writing. */
  readonly midWrite: boolean;
}

export function killGenerateSuite(copies: number, plan: readonly KillAt[]): void {
  describe(`idlc generate killed while replacing a good tree (${copies} cloned modules)`, () => {
    let root: string;
    let bigIdl: string;
    let cache: string;
    let pristine: string;
    let oldSnap: Record<string, string>;
    let newSnap: Record<string, string>;
    const env = (): NodeJS.ProcessEnv => ({ IDLC_CACHE_DIR: cache });
    afterAll(removeTempDirs);

    const snapshotState = (out: string): State => {
      if (!existsSync(out)) return "absent";
      const snap = JSON.stringify(Object.entries(snapshotTree(out)).sort());
      return snap === JSON.stringify(Object.entries(oldSnap).sort()) ? "old" : snap === JSON.stringify(Object.entries(newSnap).sort()) ? "new" : "mixed";
    };

    beforeAll(async () => {
      root = tempDir("idlc-kill");
      cache = join(root, "cache");
      bigIdl = writeIdl(join(root, "big"), syntheticIdl(copies));
      // The good tree: the real IDL's output, plus build entries idlc must carry over.
      pristine = join(root, "pristine", "out");
      const good = await runIdlc(["generate", "--idl", join(REPO, "idl"), "--target", "ts", "--out", pristine, "--quiet"], 300_000, env());
      expect(good.code, good.stderr).toBe(0);
      mkdirSync(join(pristine, "dist", "deep"), { recursive: true });
      writeFileSync(join(pristine, "dist", "index.js"), "// built\n");
      writeFileSync(join(pristine, "dist", "deep", "chunk.js"), "// chunk\n");
      mkdirSync(join(pristine, "node_modules", "dep"), { recursive: true });
      writeFileSync(join(pristine, "node_modules", "dep", "package.json"), "{}\n");
      oldSnap = snapshotTree(pristine);
      // The new tree, generated once without interruption (this also fills the format cache, so
      // the runs below spend their time loading, generating and writing).
      const reference = join(root, "reference", "out");
      cpSync(pristine, reference, { recursive: true });
      const full = await runIdlc(["generate", "--idl", bigIdl, "--target", "ts", "--out", reference, "--quiet"], 600_000, env());
      expect(full.code, full.stderr).toBe(0);
      newSnap = snapshotTree(reference);
      expect(Object.keys(newSnap).length).toBeGreaterThan(Object.keys(oldSnap).length + copies);
      expect(newSnap["dist/index.js"]).toBe(oldSnap["dist/index.js"]);
    }, 900_000);

    /** Runs generate into a copy of the good tree and kills it as planned. */
    const killRun = (out: string, at: KillAt): Promise<Killed> =>
      new Promise((resolve, reject) => {
        const parent = join(out, "..");
        let midWrite = false;
        let sent = false;
        const child = spawn(process.execPath, [IDLC, "generate", "--idl", bigIdl, "--target", "ts", "--out", out, "--quiet"], {
          cwd: REPO,
          env: { ...process.env, ...env(), NO_COLOR: "1" },
          stdio: "ignore",
        });
        const kill = (): void => {
          if (sent) return;
          sent = true;
          const swapping = existsSync(join(parent, ".out.idlc-old")) || !existsSync(out);
          midWrite = !swapping && readdirSync(parent).some((e) => e.startsWith(".out.idlc-new-"));
          child.kill("SIGKILL");
        };
        const watcher = watch(parent, (_event, file) => {
          const name = String(file ?? "");
          if (at.after === "writing" && name.startsWith(".out.idlc-new-")) {
            if (at.ms === 0) kill();
            else setTimeout(kill, at.ms);
          }
          if (at.after === "swap" && name === ".out.idlc-old") kill();
        });
        if (at.after === "start") setTimeout(kill, at.ms);
        child.on("error", reject);
        child.on("close", (code, signal) => {
          watcher.close();
          resolve({ state: snapshotState(out), signal, code, midWrite });
        });
      });

    const outcomes: Killed[] = [];

    it.each(plan.map((at) => [JSON.stringify(at), at] as const))(
      "killed at %s: the old tree or the new one, never a mix; the next run completes it",
      async (_name, at) => {
        const parent = tempDir("idlc-kill-run");
        const out = join(parent, "out");
        cpSync(pristine, out, { recursive: true });
        const killed = await killRun(out, at);
        outcomes.push(killed);
        const where = `${JSON.stringify(at)}: ${JSON.stringify(killed)}; beside it: ${readdirSync(parent).join(", ")}`;
        expect(killed.state, where).not.toBe("mixed");
        if (killed.signal === "SIGKILL") {
          // Killed: the old tree, the new one (past the swap), or inside the swap, the old tree beside it.
          if (killed.state === "absent") expect(existsSync(join(parent, ".out.idlc-old")), where).toBe(true);
        } else {
          // It finished before the kill was sent.
          expect(killed.code, where).toBe(0);
          expect(killed.state, where).toBe("new");
        }
        // Killed in the middle of writing the new folder: exactly the old tree.
        if (killed.midWrite) expect(killed.state, where).toBe("old");
        // The next run recovers what the kill left and writes the whole new tree.
        const next = await runIdlc(["generate", "--idl", bigIdl, "--target", "ts", "--out", out, "--quiet"], 600_000, env());
        expect(next.code, `${where}; next run: ${next.stderr}`).toBe(0);
        expect(snapshotState(out), where).toBe("new");
        // Killed after the swap, before the old folder was removed: the next run finds the tree
        // up to date, writes nothing, and so leaves the old folder beside it (KNOWN BUG, pinned
        // by test/atomic/leftovers.test.ts). Anything else must be gone.
        const leftover = killed.signal === "SIGKILL" && killed.state === "new" ? [".out.idlc-old"] : [];
        expect(readdirSync(parent).filter((e) => e !== "out" && !leftover.includes(e)), where).toEqual([]);
        rmSync(parent, { recursive: true, force: true });
      },
      900_000,
    );

    it("some kills came in the middle of writing", () => {
      expect(outcomes.filter((k) => k.midWrite && k.state === "old").length).toBeGreaterThan(0);
    });
  });
}
