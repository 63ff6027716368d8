/**
 * Prettier on worker threads. A pool can be warmed before the work is known (the CLI does so
 * while ts-morph loads and emits, so prettier's own start-up overlaps it), then grows to the
 * machine's parallelism for large batches.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

/** Below this much text per thread, another thread costs more than it saves. */
const BYTES_PER_THREAD = 256 * 1024;

/** The worker: loads prettier once, then formats each batch it is sent, in order. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const loading = import(workerData.prettier);
parentPort.on("message", async ({ id, texts }) => {
  try {
    const prettier = await loading;
    const out = [];
    for (const text of texts) out.push(await prettier.format(text, workerData.options));
    parentPort.postMessage({ id, out });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.stack || error) });
  }
});
`;

interface Reply {
  readonly id: number;
  readonly out?: string[];
  readonly error?: string;
}

class FormatWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (out: string[]) => void; reject: (e: Error) => void }>();
  private next = 0;

  constructor(prettierUrl: string, options: object) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { prettier: prettierUrl, options } });
    this.worker.on("message", (reply: Reply) => {
      const p = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.error !== undefined) p?.reject(new Error(reply.error));
      else p?.resolve(reply.out ?? []);
    });
    this.worker.on("error", (error) => {
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    });
  }

  format(texts: readonly string[]): Promise<string[]> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, texts });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

export class FormatterPool {
  private readonly workers: FormatWorker[] = [];
  private readonly max: number;

  constructor(
    private readonly options: object,
    threads: number = availableParallelism(),
  ) {
    this.max = Math.max(1, threads);
  }

  /** Starts workers now, so that they have loaded prettier by the time there is work. */
  warm(count = 1): void {
    const prettierUrl = import.meta.resolve("prettier");
    while (this.workers.length < Math.min(count, this.max)) this.workers.push(new FormatWorker(prettierUrl, this.options));
  }

  get warmed(): boolean {
    return this.workers.length > 0;
  }

  /** Formats snippets on as many threads as their size is worth, results in order. */
  async format(texts: readonly string[]): Promise<string[]> {
    if (texts.length === 0) return [];
    const size = texts.reduce((n, t) => n + t.length, 0);
    this.warm(Math.min(this.max, Math.ceil(size / BYTES_PER_THREAD), texts.length));
    const threads = this.workers.length;
    // Largest first onto the least loaded thread, so the threads finish together.
    const order = texts.map((_t, i) => i).sort((a, b) => texts[b]!.length - texts[a]!.length);
    const buckets: number[][] = Array.from({ length: threads }, () => []);
    const load = new Array<number>(threads).fill(0);
    for (const i of order) {
      const b = load.indexOf(Math.min(...load));
      buckets[b]!.push(i);
      load[b]! += texts[i]!.length;
    }
    const results = await Promise.all(buckets.map((bucket, b) => this.workers[b]!.format(bucket.map((i) => texts[i]!))));
    const out = new Array<string>(texts.length);
    buckets.forEach((bucket, b) => bucket.forEach((i, j) => (out[i] = results[b]![j]!)));
    return out;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.close()));
  }
}
