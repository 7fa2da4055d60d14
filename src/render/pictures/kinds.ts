import type { Agreement } from '../../data/schema.js';
import type { Strings } from '../../i18n/index.js';
import { partnerName } from '../agreement.js';
import type { PictureKind } from './theme.js';

/** The EU signs as a union of states: shown apart from bilateral and multilateral agreements. */
export function pictureKind(agreement: Agreement): PictureKind {
  if (agreement.partner.iso2 === 'EU') return 'eu';
  return agreement.kind === 'multilateral' ? 'multilateral' : 'bilateral';
}

/**
 * The partner's short name in the picture's language where the data has one; "EU" ("ЄС") keeps
 * the crowded weeks of June 2024 legible.
 */
export function pictureName(agreement: Agreement, strings: Strings): string {
  return agreement.partner.iso2 === 'EU' ? strings.pictures.eu : nameInPicture(agreement, strings);
}

/**
 * The partner's name in the picture's language, for labels and alt text alike. The data names the
 * Ukraine Compact in English only, so a Ukrainian picture takes its Ukrainian name from the
 * strings until the data has one.
 */
export function nameInPicture(agreement: Agreement, strings: Strings): string {
  if (agreement.id === COMPACT_ID && agreement.partner.shortName.uk === null) {
    return strings.pictures.compact;
  }
  return partnerName(agreement, strings);
}

const COMPACT_ID = 'ukraine-compact';
