/**
 * Seeded PRNG (mulberry32) for the tenant generator. Kept separate from the simulator's own
 * random source so the generator's output never changes when the simulator's does.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** An independent stream for one part of the tenant, so adding objects in one part does not reshuffle the others. */
  static forStream(seed: number, stream: string): Prng {
    let h = 0x811c9dc5 ^ (seed >>> 0);
    for (let i = 0; i < stream.length; i++) {
      h ^= stream.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return new Prng(h >>> 0);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `count` distinct items (fewer if the list is shorter), in pick order. */
  pickDistinct<T>(items: readonly T[], count: number): T[] {
    const n = Math.min(count, items.length);
    const chosen = new Set<number>();
    const result: T[] = [];
    while (result.length < n) {
      const i = Math.floor(this.next() * items.length);
      if (!chosen.has(i)) {
        chosen.add(i);
        result.push(items[i]);
      }
    }
    return result;
  }

  /** A version-4 GUID. */
  guid(): string {
    const a = this.word();
    const b = this.word();
    const c = this.word();
    const d = this.word();
    const h = a + b + c + d;
    const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** Random base64url text, the shape of Graph's opaque ids (app role assignments, grants). */
  base64url(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += BASE64URL[Math.floor(this.next() * 64)];
    return out;
  }

  /** Random standard base64 text of `bytes` bytes (with padding), e.g. for immutable ids and thumbprints. */
  base64(bytes: number): string {
    const buf = Buffer.alloc(bytes);
    for (let i = 0; i < bytes; i++) buf[i] = Math.floor(this.next() * 256);
    return buf.toString('base64');
  }

  private word(): string {
    return Math.floor(this.next() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  }
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
