import { z } from 'zod';
import { DataError, type Dataset } from '../data/load.js';
import type { LaterRecord } from '../data/records-schema.js';
import { translated, type Agreement } from '../data/schema.js';
import promptsJson from '../data/prompts.json' with { type: 'json' };
import { slug } from '../primitives.js';
import { LANGUAGES } from '../i18n/index.js';
import { LIMITS } from '../render/limits.js';
import type { QuoteWithSpeaker } from '../render/posts.js';

export const promptSchema = z
  .strictObject({
    id: slug,
    /**
     * Asked as posted, and the poll's question when there is a poll. The Ukrainian is grounded in
     * the same facts; words from a quote are retold in it, never put in quotation marks: a quote
     * exists only in the language of its source.
     */
    question: translated(z.string().min(10).max(LIMITS.pollQuestion)),
    /** The agreements the prompt starts from: their facts are shown with it. */
    agreementIds: z.array(z.string()),
    /** The quotes it starts from, shown verbatim with it. */
    quoteIds: z.array(z.string()),
    /** The later records (2025–2026) it starts from: their status and date are shown with it. */
    recordIds: z.array(z.string()).default([]),
    poll: z
      .strictObject({
        /** The Ukrainian answers match the English one for one, in the same order. */
        answers: translated(
          z.array(z.string().min(1).max(LIMITS.pollAnswer)).min(2).max(LIMITS.pollAnswers),
        ),
        allowMultiselect: z.boolean(),
      })
      .nullable(),
  })
  .refine((p) => p.agreementIds.length + p.quoteIds.length + p.recordIds.length > 0, {
    message: 'a prompt must start from at least one agreement or quote (or a later record)',
  });
export type Prompt = z.infer<typeof promptSchema>;

export const promptsFileSchema = z.array(promptSchema).min(30);

/** The prompt bank, in its fixed order: servers go through it from the top. */
export interface PromptBank {
  readonly prompts: readonly Prompt[];
  readonly byId: ReadonlyMap<string, Prompt>;
}

/** Validates the bank and checks every agreement and quote it names exists in the data. */
export function loadPrompts(data: Dataset, raw: unknown = promptsJson): PromptBank {
  const parsed = promptsFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new DataError(
      parsed.error.issues.map((issue) => `prompts.${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const problems: string[] = [];
  const byId = new Map<string, Prompt>();
  parsed.data.forEach((prompt, index) => {
    const at = `prompts[${index}] (${prompt.id})`;
    if (byId.has(prompt.id)) problems.push(`${at}.id: duplicate id`);
    byId.set(prompt.id, prompt);
    for (const id of prompt.agreementIds) {
      if (!data.agreementById.has(id)) problems.push(`${at}.agreementIds: no agreement "${id}"`);
    }
    for (const id of prompt.recordIds) {
      if (!data.recordById.has(id)) problems.push(`${at}.recordIds: no record "${id}"`);
    }
    const quoteIds = new Set(data.quotes.map((q) => q.id));
    for (const id of prompt.quoteIds) {
      if (!quoteIds.has(id)) problems.push(`${at}.quoteIds: no quote "${id}"`);
    }
    for (const language of LANGUAGES) {
      const answers = new Set(prompt.poll?.answers[language].map((a) => a.toLowerCase()) ?? []);
      if (prompt.poll && answers.size !== prompt.poll.answers[language].length) {
        problems.push(`${at}.poll.answers.${language}: duplicate answer`);
      }
    }
    if (prompt.poll && prompt.poll.answers.uk.length !== prompt.poll.answers.en.length) {
      problems.push(`${at}.poll.answers.uk: must have one answer per English answer`);
    }
  });
  if (problems.length > 0) throw new DataError(problems);
  return { prompts: parsed.data, byId };
}

/**
 * The next prompt for a server: the first in bank order it has not seen in this round; when it
 * has seen them all (the bank changed under it), the first.
 */
export function nextPrompt(bank: PromptBank, seen: readonly string[]): Prompt {
  const seenSet = new Set(seen);
  const first = bank.prompts[0];
  if (!first) throw new Error('the prompt bank is empty');
  return bank.prompts.find((p) => !seenSet.has(p.id)) ?? first;
}

/**
 * The seen list after posting `id`. Once a round is complete a new one starts holding just `id`,
 * so the prompt that closed a round is not the first of the next.
 */
export function markPromptSeen(bank: PromptBank, seen: readonly string[], id: string): string[] {
  const next = new Set(seen.filter((s) => bank.byId.has(s)));
  next.add(id);
  const complete = bank.prompts.every((p) => next.has(p.id));
  return complete ? [id] : [...next];
}

/**
 * What a prompt starts from, looked up in the data: shown with it wherever it is posted, on the
 * schedule or by /discuss. loadPrompts has checked that every id exists.
 */
export function promptSources(
  prompt: Prompt,
  data: Dataset,
): { agreements: Agreement[]; quotes: QuoteWithSpeaker[]; records: LaterRecord[] } {
  return {
    agreements: prompt.agreementIds.flatMap((id) => data.agreementById.get(id) ?? []),
    records: prompt.recordIds.flatMap((id) => data.recordById.get(id) ?? []),
    quotes: prompt.quoteIds.flatMap((id) => {
      const quote = data.quotes.find((q) => q.id === id);
      return quote ? [{ quote, speaker: data.personById.get(quote.speakerId) }] : [];
    }),
  };
}
