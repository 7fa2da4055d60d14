/**
 * Every embed colour, once, named for what it means; the render modules map their kinds onto
 * these, so one meaning never drifts into two shades.
 */
export const COLOUR = {
  /** Ukraine's blue: an agreement on the official list, an anniversary, a running schedule. */
  ukraine: 0x0057b7,
  /** Discord's blurple: a framework or process, a change to the data, a member's suggestion. */
  framework: 0x5865f2,
  /** Amber: a fact some sources dispute, a text drafted and not signed. */
  caution: 0xf0a020,
  /** Gold: words someone said, and the digest that gathers them. */
  quote: 0xffd700,
  /** Discord's green: a discussion prompt. */
  discussion: 0x57f287,
  /** Sea green: a later record signed. */
  signed: 0x2e8b57,
  /** A deeper green: signed and ratified. */
  ratified: 0x1f7a3a,
  /** Discord's greyple: talks, nothing signed yet. */
  talks: 0x99aab5,
  /** Grey: no security agreement. */
  none: 0x747f8d,
  /** Discord's red: a schedule that stopped until an admin acts. */
  stopped: 0xed4245,
} as const;
