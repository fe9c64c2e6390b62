/** Stage timings for `--timings` and the benchmark: how long each stage of one run took. */

/** `load`, `validate`, `model`, each target by its name (generator/targets/index.ts), `write`. */
export type Stage = string;

export class Timings {
  readonly #started = performance.now();
  readonly #stages = new Map<Stage, number>();

  /** Runs `work` and adds its duration to `stage`. */
  measure<T>(stage: Stage, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.add(stage, performance.now() - start);
    }
  }

  add(stage: Stage, milliseconds: number): void {
    this.#stages.set(stage, (this.#stages.get(stage) ?? 0) + milliseconds);
  }

  /** One JSON line: milliseconds per stage, and in all since this object was made. */
  toJSON(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [stage, ms] of this.#stages) out[stage] = Math.round(ms);
    out['total'] = Math.round(performance.now() - this.#started);
    return out;
  }
}
