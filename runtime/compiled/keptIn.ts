/**
 * The compiled engine keeps work it would otherwise redo every run — per plan, data set, period,
 * release — in caches of caches (a WeakMap keyed by the plan holding a WeakMap keyed by the data
 * set, …). `keptIn` answers what `store` keeps for `key`, made and kept on first use.
 */
export interface KeyedStore<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

export function keptIn<K, V>(store: KeyedStore<K, V>, key: K, make: () => V): V {
  let value = store.get(key);
  if (value === undefined) {
    value = make();
    store.set(key, value);
  }
  return value;
}
