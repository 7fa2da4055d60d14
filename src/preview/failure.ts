import { ZodError } from 'zod';

/**
 * One line for whatever went wrong in a preview run: what it was and where, never a stack trace.
 * A check the bot makes on what it stores (a ZodError) is named by its paths.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof ZodError) {
    const issues = error.issues.map(
      (issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`,
    );
    return `The bot refused it: ${issues.join('; ')}`;
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return `The preview failed${code ? ` (${code})` : ''}: ${message.split('\n')[0]}`;
}
