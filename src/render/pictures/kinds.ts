import type { Agreement } from '../../data/schema.js';
import type { PictureKind } from './theme.js';

/** The EU signs as a union of states: shown apart from bilateral and multilateral agreements. */
export function pictureKind(agreement: Agreement): PictureKind {
  if (agreement.partner.iso2 === 'EU') return 'eu';
  return agreement.kind === 'multilateral' ? 'multilateral' : 'bilateral';
}

export const KIND_LABELS: Record<PictureKind, string> = {
  bilateral: 'Bilateral',
  eu: 'European Union',
  multilateral: 'Multilateral',
};

/** The partner's short English name; "EU" keeps the crowded weeks of June 2024 legible. */
export function pictureName(agreement: Agreement): string {
  return agreement.partner.iso2 === 'EU' ? 'EU' : agreement.partner.shortName.en;
}
