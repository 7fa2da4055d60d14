import {
  admission,
  newSuggestionId,
  suggestionFileSchema,
  suggestionToFile,
  type Suggestion,
  type SuggestionsPort,
} from './suggestions.js';

/** By guild, then by id. */
export type SuggestionMap = Map<string, Map<string, Suggestion>>;

/**
 * Suggestions over maps in this process (the memory store and the JSON file). As with the
 * ledger, each check and its write run without an await between them, so they are atomic here;
 * `commit` makes a change durable and undoes it in memory when that fails.
 */
export function createMemorySuggestions(
  map: SuggestionMap,
  now: () => Date,
  commit: (undo: () => void) => Promise<void>,
): SuggestionsPort {
  const inGuild = (guildId: string): Map<string, Suggestion> => {
    let byId = map.get(guildId);
    if (!byId) map.set(guildId, (byId = new Map<string, Suggestion>()));
    return byId;
  };

  /** Writes one; the undo restores what was there, if nothing replaced it since. */
  const put = (suggestion: Suggestion): (() => void) => {
    const byId = inGuild(suggestion.guildId);
    const before = byId.get(suggestion.id);
    byId.set(suggestion.id, suggestion);
    return () => {
      if (byId.get(suggestion.id) !== suggestion) return;
      if (before) byId.set(suggestion.id, before);
      else byId.delete(suggestion.id);
    };
  };

  const sorted = (guildId: string, keep: (s: Suggestion) => boolean): Suggestion[] =>
    [...(map.get(guildId)?.values() ?? [])]
      .filter(keep)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));

  return {
    async create(input, limits) {
      const at = now();
      const mine = sorted(input.guildId, (s) => s.authorId === input.authorId);
      const verdict = admission(mine, limits, at);
      if (verdict.kind !== 'ok') return verdict;
      let id = newSuggestionId();
      while (map.get(input.guildId)?.has(id)) id = newSuggestionId();
      const suggestion: Suggestion = {
        ...input,
        answers: input.answers ? [...input.answers] : null,
        id,
        state: 'open',
        reason: null,
        decidedBy: null,
        createdAt: at,
        decidedAt: null,
        version: 1,
        authorNotified: false,
      };
      // The same schema the file is read with: a bad value never gets in to be set aside later.
      suggestionFileSchema.parse(suggestionToFile(suggestion));
      await commit(put(suggestion));
      return { kind: 'created', suggestion: structuredClone(suggestion) };
    },
    get(guildId, id) {
      const found = map.get(guildId)?.get(id);
      return Promise.resolve(found ? structuredClone(found) : null);
    },
    list(guildId, state, offset, limit) {
      const all = sorted(guildId, (s) => s.state === state);
      const items = all.slice(Math.max(0, offset), Math.max(0, offset) + Math.max(0, limit));
      return Promise.resolve({ items: structuredClone(items), total: all.length });
    },
    countOpen(guildId) {
      return Promise.resolve(sorted(guildId, (s) => s.state === 'open').length);
    },
    async decide(guildId, id, expectedVersion, decision) {
      const current = map.get(guildId)?.get(id);
      if (!current) return { kind: 'not-found' };
      if (current.version !== expectedVersion) {
        return { kind: 'conflict', current: structuredClone(current) };
      }
      const next: Suggestion = {
        ...current,
        state: decision.state,
        reason: decision.state === 'denied' ? decision.reason : null,
        decidedBy: decision.by,
        decidedAt: now(),
        version: current.version + 1,
        authorNotified: false,
      };
      suggestionFileSchema.parse(suggestionToFile(next));
      await commit(put(next));
      return { kind: 'decided', suggestion: structuredClone(next) };
    },
    approved(guildId) {
      const found = sorted(guildId, (s) => s.state === 'approved').sort(
        (a, b) => (a.decidedAt?.getTime() ?? 0) - (b.decidedAt?.getTime() ?? 0),
      );
      return Promise.resolve(structuredClone(found));
    },
    async markNotified(guildId, id) {
      const current = map.get(guildId)?.get(id);
      if (!current || current.authorNotified) return;
      await commit(put({ ...current, authorNotified: true }));
    },
    async takeUntold(authorId) {
      const found: Suggestion[] = [];
      for (const byId of map.values()) {
        for (const s of byId.values()) {
          if (s.authorId === authorId && s.state !== 'open' && !s.authorNotified) found.push(s);
        }
      }
      if (found.length === 0) return [];
      const undos = found.map((s) => put({ ...s, authorNotified: true }));
      await commit(() => {
        for (const undo of undos) undo();
      });
      return structuredClone(found);
    },
  };
}
