import { expect } from 'vitest';
import type { Choice } from '../../src/commands/types.js';
import { totalEmbedLength } from '../../src/render/fit.js';
import { LIMITS } from '../../src/render/limits.js';
import type { ReplyBody } from '../../src/render/reply.js';

/** Asserts a reply is one Discord would accept: every length, count and URL limit. */
export function expectWithinDiscordLimits(body: ReplyBody): void {
  expect(body.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
  const embeds = body.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  expect(totalEmbedLength(embeds)).toBeLessThanOrEqual(LIMITS.embedTotal);
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFooter);
    expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(LIMITS.embedAuthor);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.embedFieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.embedFieldValue);
    }
  }
  const rows = body.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(LIMITS.actionRows);
  const customIds = new Set<string>();
  for (const row of rows) {
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const component of row.components) {
      if ('label' in component && component.label !== undefined) {
        expect(component.label.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
      }
      if ('url' in component && component.url !== undefined) {
        expect(component.url).toMatch(/^https?:\/\//);
        expect(component.url.length).toBeLessThanOrEqual(LIMITS.linkUrl);
      }
      if ('custom_id' in component) {
        expect(component.custom_id.length).toBeGreaterThan(0);
        expect(component.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
        expect(customIds.has(component.custom_id)).toBe(false);
        customIds.add(component.custom_id);
      }
    }
  }
}

export function expectValidChoices(choices: readonly Choice[]): void {
  expect(choices.length).toBeLessThanOrEqual(LIMITS.autocompleteChoices);
  for (const choice of choices) {
    expect(choice.name.length).toBeGreaterThan(0);
    expect(choice.name.length).toBeLessThanOrEqual(LIMITS.choiceName);
    expect(choice.value.length).toBeGreaterThan(0);
    expect(choice.value.length).toBeLessThanOrEqual(LIMITS.choiceValue);
  }
}
