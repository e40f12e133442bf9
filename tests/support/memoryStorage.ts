// An in-memory Storage (the Web Storage interface) for store tests, with a write counter.
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  writes: { key: string; bytes: number }[] = [];

  get length(): number {
    return this.items.size;
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
    this.writes.push({ key, bytes: value.length });
    this.items.set(key, String(value));
  }
}
