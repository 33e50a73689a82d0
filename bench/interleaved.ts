/**
 * Medians of several subjects measured in alternation: after `warmup` unmeasured rounds, each round runs every
 * subject once, in turn, so drift (CPU frequency, GC, the other core's load) hits all of them alike. A ratio of
 * two medians from one call is the number a bench should print; measuring A fully and then B is not.
 */
export async function interleavedMedians<K extends string>(
  subjects: Record<K, () => Promise<unknown> | unknown>,
  { rounds = 15, warmup = 5 }: { rounds?: number; warmup?: number } = {},
): Promise<Record<K, number>> {
  const names = Object.keys(subjects) as K[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < warmup + rounds; round++) {
    for (const name of names) {
      const start = performance.now();
      await subjects[name]();
      if (round >= warmup) times[name].push(performance.now() - start);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(times[name])])) as Record<K, number>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A number for a `RESULT key=value` line: digits and `.` only, whatever the locale. */
export const resultNumber = (value: number, digits = 2): string => value.toFixed(digits);
