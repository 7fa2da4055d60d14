import { describe, expect, test } from 'vitest';
import { replyToJson, replyToText } from '../../src/preview/text.js';
import type { ReplyBody } from '../../src/render/reply.js';

const withPoll: ReplyBody = {
  content: 'Does it matter? Vote, then say why.',
  embeds: [],
  poll: {
    question: { text: 'Does it matter?' },
    answers: [{ poll_media: { text: 'Yes' } }, { poll_media: { text: 'No' } }],
    duration: 168,
    allow_multiselect: false,
  },
};

describe('the preview of a reply with a poll', () => {
  test('GIVEN a reply with a poll WHEN printed as JSON THEN the poll is in the body', () => {
    expect(replyToJson(withPoll)['poll']).toEqual(withPoll.poll);
  });

  test('GIVEN a reply with a poll WHEN printed as text THEN the question and answers show', () => {
    expect(replyToText(withPoll, 'en-GB')).toContain('[poll: Does it matter?: Yes / No]');
  });

  test('GIVEN a reply without a poll WHEN printed as JSON THEN it has no poll key', () => {
    expect(replyToJson({ content: 'hi' })).not.toHaveProperty('poll');
  });
});
