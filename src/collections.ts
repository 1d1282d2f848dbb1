/** The value under `key`, created by `init` the first time. */
export function getOrInit<K, V>(map: Map<K, V>, key: K, init: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = init();
    map.set(key, v);
  }
  return v;
}

/** The value under `key` of a plain record, created by `init` the first time. */
export function recordOrInit<V>(rec: Record<string, V>, key: string, init: () => V): V {
  let v = rec[key];
  if (v === undefined) {
    v = init();
    rec[key] = v;
  }
  return v;
}
