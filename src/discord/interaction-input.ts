import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  CommandInteractionOption,
  ModalSubmitInteraction,
} from 'discord.js';
import { ApplicationCommandOptionType } from 'discord.js';
import type { CommandInput } from '../commands/types.js';

type AnyInteraction =
  | ChatInputCommandInteraction
  | AutocompleteInteraction
  | ButtonInteraction
  | ModalSubmitInteraction;

/** Reads an interaction into the plain CommandInput the commands take. */
export function toCommandInput(interaction: AnyInteraction): CommandInput {
  const options: Record<string, string | number | boolean | undefined> = {};
  let subcommand: string | null = null;
  const read = (list: readonly CommandInteractionOption[]) => {
    for (const option of list) {
      if (
        option.type === ApplicationCommandOptionType.Subcommand ||
        option.type === ApplicationCommandOptionType.SubcommandGroup
      ) {
        if (option.type === ApplicationCommandOptionType.Subcommand) subcommand = option.name;
        read(option.options ?? []);
      } else {
        options[option.name] = option.value;
      }
    }
  };
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    read(interaction.options.data);
  }
  return {
    options,
    subcommand,
    locale: interaction.locale,
    guildLocale: interaction.guildLocale,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    userId: interaction.user.id,
    memberPermissions: interaction.memberPermissions?.bitfield ?? null,
    guildName: interaction.guild?.name ?? null,
  };
}
