import { exitWith, loadDotEnv } from '../env.js';
import { SNOWFLAKE_MESSAGE, snowflake } from '../snowflake.js';
import { buildInvite, describeInvite } from './invite-url.js';

/**
 * `npm run invite`: prints the link that adds the bot to a server. It needs only the application
 * id (no token), so it reads that one key rather than the whole config.
 */
loadDotEnv();
const id = snowflake.safeParse(process.env['DISCORD_APPLICATION_ID']);
if (!id.success) {
  exitWith([
    `Cannot make the invite link: DISCORD_APPLICATION_ID ${process.env['DISCORD_APPLICATION_ID'] ? SNOWFLAKE_MESSAGE : 'is not set'}. It is the Application ID on the developer portal (General Information); set it in .env.`,
  ]);
}
process.stdout.write(`${describeInvite(buildInvite(id.data))}\n`);
