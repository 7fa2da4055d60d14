import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { stringsFor } from '../i18n/index.js';
import { isListOrder, renderAgreementList, type ListOrder } from '../render/list.js';
import type { SlashCommand } from './types.js';

export const agreements: SlashCommand = {
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
    ],
  },

  respond(input, { data }) {
    const order = input.options['order'];
    return renderAgreementList(
      data.agreements,
      isListOrder(order) ? order : 'date',
      0,
      stringsFor(input.locale),
    );
  },

  /** custom_id `agreements:page:<order>:<page>`: everything the page needs, nothing in memory. */
  button(input, { data }) {
    const [action, order, page] = input.args;
    const listOrder: ListOrder = isListOrder(order) ? order : 'date';
    const pageNumber = action === 'page' ? Number.parseInt(page ?? '0', 10) : 0;
    return renderAgreementList(data.agreements, listOrder, pageNumber, stringsFor(input.locale));
  },
};
