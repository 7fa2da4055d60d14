/*
 * One handler per subcommand (issue 14, as teryl's timezone command): a map whose keys are the
 * command's subcommands, each handler seeing its own subcommand's options typed. A map written
 * with `satisfies SubcommandHandlers<…>` fails to compile when a subcommand has no handler, so
 * no `default: throw` is needed.
 */

/** An input narrowed to one of its subcommands. */
type InputOf<I, S> = Extract<I, { readonly subcommand: S }>;

/** Handlers by subcommand name; each takes its own subcommand's input, then the shared rest. */
export type SubcommandHandlers<
  I extends { readonly subcommand: string },
  Rest extends unknown[],
  R,
> = { readonly [S in I['subcommand']]: (input: InputOf<I, S>, ...rest: Rest) => R };

/** Calls the handler of the input's subcommand. */
export function routeSubcommand<
  I extends { readonly subcommand: string },
  Rest extends unknown[],
  R,
>(handlers: SubcommandHandlers<I, Rest, R>, input: I, ...rest: Rest): R {
  // TypeScript cannot relate a union's member to the map's key it picks (a correlated union);
  // the map's type already pairs each subcommand with the handler of its own input.
  const handler = handlers[input.subcommand as I['subcommand']] as (input: I, ...rest: Rest) => R;
  return handler(input, ...rest);
}
