/**
 * A map for memoised answers that never grows past `limit` entries: when full, it is emptied before
 * the next entry goes in (answers are cheap to compute again; memory must stay bounded whatever
 * the letters hold).
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  /** Stores `value` under `key` (emptying the map first when it is full) and returns it. */
  remember(key: K, value: V): V {
    if (this.size >= this.limit) this.clear();
    this.set(key, value);
    return value;
  }
}
