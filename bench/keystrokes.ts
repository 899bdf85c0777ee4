/**
 * The benchmark's keystrokes and figures, pure so that a unit test can check them (test/unit/bench.test.ts).
 *
 * Keystrokes are single-character insertions from the project's seeded PRNG: even ones at a random place of a
 * random line, odd ones at the end of a random line (writing on). Positions are UTF-16 columns valid when the
 * keystroke is made (line lengths are tracked as they accumulate) and never split a surrogate pair. The Markdown
 * twin has the same lines with a `#`… prefix on heading lines, so a keystroke at (line, character) is at
 * (line, character + prefix) in the twin, after any number of keystrokes.
 */
import { prng } from '../test/support/prng';

/** What is typed: common characters of these documents (no digits, no 、 or brackets, which could make a heading). */
const TYPED =
  '的一是在了和有大这主中人上为们地个用工时要动产以我到会作来分生对于学下级就年发成部民可出能方进同行面说种过度而多后自加小也经力线本高量长党得实家定深法表着理化现所起政好无使性前等体合路把结里正新开论之从当两些还天事如应形想制心样干都向变关点重其思与间内去因件利相由员气业代全组数果期导平各基或，。';

export interface Keystroke {
  line: number;
  /** Column in the gongwen text, and in the Markdown twin. */
  character: number;
  twinCharacter: number;
  text: string;
  at: 'random' | 'end';
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

export function makeKeystrokes(lines: readonly string[], twinPrefix: readonly number[], count: number, seed: number): Keystroke[] {
  const random = prng(seed);
  const current = [...lines];
  const out: Keystroke[] = [];
  for (let k = 0; k < count; k++) {
    const line = Math.floor(random() * current.length);
    const text = current[line];
    const at = k % 2 === 0 ? 'random' : 'end';
    let character = at === 'end' ? text.length : Math.floor(random() * (text.length + 1));
    if (character > 0 && character < text.length && isHighSurrogate(text.charCodeAt(character - 1))) {
      character++;
    }
    const typed = TYPED[Math.floor(random() * TYPED.length)];
    current[line] = text.slice(0, character) + typed + text.slice(character);
    out.push({ line, character, twinCharacter: character + twinPrefix[line], text: typed, at });
  }
  return out;
}

/** Nearest-rank quantile (q in 0..1); NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) {
    return NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export interface Summary {
  count: number;
  median: number;
  p95: number;
  mean: number;
  max: number;
}

export function summarize(values: readonly number[]): Summary {
  return {
    count: values.length,
    median: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    mean: values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : NaN,
    max: values.length > 0 ? Math.max(...values) : NaN,
  };
}
