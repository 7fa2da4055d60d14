// Built on first use: the English-only start then maps none of ICU's plural data.
let plurals: Intl.PluralRules | undefined;

/** The Ukrainian noun form for a count: 1 рік, 2–4 роки, 5+ років, 11–14 років, 21 рік. */
export function ukrainianPlural(n: number, one: string, few: string, many: string): string {
  switch ((plurals ??= new Intl.PluralRules('uk')).select(n)) {
    case 'one':
      return one;
    case 'few':
      return few;
    case 'many':
      return many;
    default:
      // Fractions ("1,5 роки") take the genitive singular, which for these nouns is the "few" form.
      return few;
  }
}
