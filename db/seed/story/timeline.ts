/**
 * Runs the story's threads side by side in the order of their moments, one step at a time: a thread waits at each
 * moment until every other thread is waiting too, then the earliest goes on. So money, invoice numbers,
 * notifications and ids happen in the order they would have, across chapters. Each thread must itself move
 * forward in time; a chapter forks a thread for what happens alongside it (a conversation, a week of hours).
 */
export class Timeline {
  #waiting: Array<{ at: number; order: number; go: () => void }> = [];
  #running = 0;
  #order = 0;
  #threads = new Set<Promise<void>>();
  #failures: unknown[] = [];
  #now = -Infinity;

  constructor(private readonly setClock: (ms: number) => void) {}

  /** Resolves when the story reaches this moment; the clock then reads `ms`. */
  wait(ms: number): Promise<void> {
    if (ms < this.#now)
      return Promise.reject(
        new Error(`the story went back in time: ${new Date(ms).toISOString()} after ${new Date(this.#now).toISOString()}`),
      );
    return new Promise((go) => {
      this.#waiting.push({ at: ms, order: this.#order++, go });
      this.#running--;
      this.#next();
    });
  }

  /** Starts a thread that goes on alongside the one calling it. */
  fork(thread: () => Promise<unknown>): void {
    this.#running++;
    const run = (async () => {
      try {
        await thread();
      } catch (error) {
        this.#failures.push(error);
      } finally {
        this.#running--;
        this.#next();
      }
    })();
    this.#threads.add(run);
    void run.finally(() => this.#threads.delete(run));
  }

  /** Tells every chapter, and whatever threads they fork, to the end; fails with the first failure. */
  async tell(chapters: Array<() => Promise<unknown>>): Promise<void> {
    for (const chapter of chapters) this.fork(chapter);
    while (this.#threads.size > 0) await Promise.all([...this.#threads]);
    const [failure] = this.#failures.splice(0);
    if (failure) throw failure;
  }

  #next(): void {
    if (this.#running > 0 || this.#waiting.length === 0) return;
    this.#waiting.sort((a, b) => a.at - b.at || a.order - b.order);
    const step = this.#waiting.shift()!;
    this.#running++;
    this.#now = step.at;
    this.setClock(step.at);
    step.go();
  }
}
