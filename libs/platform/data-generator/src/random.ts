/**
 * A seeded pseudo-random source: the generator never calls Math.random, so a seed gives the same
 * rows on every machine and every run. Each entity draws from a stream of its own, derived from the
 * seed and the entity's path (`org`, 12345), so one entity's rows do not depend on how many numbers
 * another one drew, and chunks can be generated in any order.
 */

/** 32-bit FNV-1a of a string, for turning a path into a seed. */
function fnv1a(text: string, hash = 0x811c9dc5): number {
  let h = hash >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A small, fast generator with a 128-bit state (sfc32), good enough for test data. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(a: number, b: number, c: number, d: number) {
    this.a = a >>> 0;
    this.b = b >>> 0;
    this.c = c >>> 0;
    this.d = d >>> 0;
    // Mix the state before the first draw, so near seeds give unrelated streams.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** The stream of one entity: the same seed and path give the same numbers. */
  static of(seed: number, ...path: (string | number)[]): Random {
    const key = path.join('/');
    return new Random(fnv1a(key, seed >>> 0), fnv1a(key, 0x9e3779b9 ^ seed), fnv1a(`${seed}:${key}`), seed ^ 0x5bd1e995);
  }

  /** A uniform float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  /** A uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One of the items, each with its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1][0];
  }

  /** A positive number around `median`, skewed right as durations are (log-normal, sigma given). */
  around(median: number, sigma: number): number {
    // Box-Muller; 1 - next() keeps the logarithm finite.
    const z = Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
    return median * Math.exp(sigma * z);
  }

  /** A version-4-shaped UUID from this stream. */
  uuid(): string {
    const a = this.word();
    const b = this.word();
    const c = this.word();
    const d = this.word();
    // Version nibble 4; variant bits 10.
    return (
      hex8(a) + '-' + HEX[(b >>> 24) & 0xff] + HEX[(b >>> 16) & 0xff] + '-4' + HEX[(b >>> 8) & 0x0f].slice(1) + HEX[b & 0xff] + '-' +
      HEX[((c >>> 24) & 0x3f) | 0x80] + HEX[(c >>> 16) & 0xff] + '-' + HEX[(c >>> 8) & 0xff] + HEX[c & 0xff] + hex8(d)
    );
  }

  private word(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex8 = (n: number) => HEX[(n >>> 24) & 0xff] + HEX[(n >>> 16) & 0xff] + HEX[(n >>> 8) & 0xff] + HEX[n & 0xff];
