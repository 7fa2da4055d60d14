import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { stringsFor } from '../i18n/index.js';
import { isListOrder, type ListOrder } from '../render/list.js';
import { answerList } from '../render/list-answer.js';
import { filtersFromId, readYear } from '../search/filters.js';
import { defineCommand } from './types.js';

export const agreements = defineCommand({
  data: {
    name: 'agreements',
    description: 'All the security agreements, a page at a time',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'order',
        description: 'How to sort the list',
        choices: [
          { name: 'By signing date', value: 'date' },
          { name: 'By partner name', value: 'name' },
        ],
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'clause',
        description: 'Only those whose 24-hour consultation clause is…',
        choices: [
          { name: 'Stated in our sources', value: 'stated' },
          { name: 'Not stated in our sources', value: 'not-stated' },
          { name: 'Absent: the text sets no 24-hour deadline', value: 'none' },
        ],
      },
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'year',
        description: 'Only those signed in this year',
        min_value: 2023,
        max_value: 2030,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'kind',
        description: 'Only one kind of document',
        choices: [
          { name: 'The 28 on Ukraine’s official list', value: 'official' },
          { name: 'Framework documents (G7, Compact)', value: 'framework' },
          { name: 'Disputed (Croatia)', value: 'disputed' },
          // Issue 12, the later records.
          { name: 'Later documents (since 2025)', value: 'later' },
          { name: 'No agreement: talks, nothing signed', value: 'no-agreement' },
        ],
      },
    ],
  },

  respond(input, { data }) {
    const { order, clause, year, kind } = input.options;
    // The year keeps its own rule (a year a document could be signed in), as a page button's does.
    return answerList(
      data,
      order ?? 'date',
      0,
      { clause, year: readYear(year), kind },
      stringsFor(input.locale),
    );
  },

  /** custom_id `agreements:page:<order>:<page>[:<clause>:<year>:<kind>]`: nothing in memory. */
  button(input, { data }) {
    const [action, order, page, ...filters] = input.args;
    const listOrder: ListOrder = isListOrder(order) ? order : 'date';
    const pageNumber = action === 'page' ? Number.parseInt(page ?? '0', 10) : 0;
    return answerList(
      data,
      listOrder,
      pageNumber,
      filtersFromId(filters),
      stringsFor(input.locale),
    );
  },
});
