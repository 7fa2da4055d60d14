/**
 * What people type into autocomplete repeats (every user types "g", "ge", "ger"…), and the
 * answer depends only on the text, the language and the data: one helper keeps recent answers per
 * Dataset, bounded so odd input cannot grow it. The one cache a lookup keeps outside loadData().
 */
export interface RecentAnswers<V> {
  /** The answer kept for `key` under `data`, or `answer()`'s, kept for next time. */
  answerFor(data: object, key: string, answer: () => V): V;
}

export const RECENT_ANSWERS_SIZE = 2000;

export function recentAnswers<V>(size: number = RECENT_ANSWERS_SIZE): RecentAnswers<V> {
  const byData = new WeakMap<object, Map<string, V>>();
  return {
    answerFor(data, key, answer) {
      const kept = byData.get(data) ?? new Map<string, V>();
      byData.set(data, kept);
      let value = kept.get(key);
      if (value === undefined) {
        value = answer();
        if (kept.size >= size) kept.clear();
        kept.set(key, value);
      }
      return value;
    },
  };
}
