// An in-memory Storage (the Web Storage interface) for store tests: counts writes, and can be
// given a quota (in characters of keys + values, as browsers count) to test running out of room.
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  writes: { key: string; chars: number }[] = [];
  quota: number;

  constructor(quota = Infinity) {
    this.quota = quota;
  }

  get length(): number {
    return this.items.size;
  }
  /** Characters used, keys included. */
  get used(): number {
    let n = 0;
    for (const [k, v] of this.items) n += k.length + v.length;
    return n;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    const old = this.items.get(key);
    const after =
      this.used - (old === undefined ? 0 : key.length + old.length) + key.length + value.length;
    if (after > this.quota) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    this.writes.push({ key, chars: value.length });
    this.items.set(key, String(value));
  }
  keys(): string[] {
    return [...this.items.keys()].sort();
  }
}
