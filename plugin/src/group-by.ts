// Items grouped by a key, groups and members in first-seen order: Map.groupBy, which the ES2023 lib
// the repository compiles against does not declare yet. Each item is appended, not copied in, so a
// big group costs linear time.

export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
