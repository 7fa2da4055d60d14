import { createRequire } from 'node:module';
import { renderAsync } from '@resvg/resvg-js';
import { truncate } from '../fit.js';

/** A rendered picture, ready to attach to a reply. */
export interface Picture {
  png: Buffer;
  width: number;
  height: number;
  /** Alt text for Discord's attachment `description` (at most 1024 characters). */
  alt: string;
  fileName: string;
}

/** Discord caps an attachment's description; screen readers get the first part. */
export const ALT_TEXT_MAX = 1024;

const require = createRequire(import.meta.url);

/**
 * The fonts come from the npm registry, never from the system: the same text on a fresh machine,
 * and no time spent scanning system font folders.
 */
export const FONT_FILES: readonly string[] = [
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
];

/**
 * Rasterises an SVG to PNG. resvg's async render runs on libuv's thread pool, so the bot's event
 * loop keeps answering other interactions meanwhile.
 */
export async function rasterise(
  svg: string,
  meta: { alt: string; fileName: string },
): Promise<Picture> {
  const image = await renderAsync(svg, {
    font: {
      fontFiles: [...FONT_FILES],
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
    },
    shapeRendering: 2,
    textRendering: 1,
  });
  return {
    png: image.asPng(),
    width: image.width,
    height: image.height,
    alt: clampAlt(meta.alt),
    fileName: meta.fileName,
  };
}

export function clampAlt(alt: string): string {
  return truncate(alt, ALT_TEXT_MAX);
}

/**
 * Rendered pictures, per dataset and per input key. A WeakMap lets a reloaded dataset drop its
 * pictures; the promise is kept, so concurrent requests for the same picture share one render.
 * Failures are not kept, so a later request tries again.
 */
export class PictureCache<Data extends object> {
  readonly #byData = new WeakMap<Data, Map<string, Promise<Picture | null>>>();

  get(data: Data, key: string, render: () => Promise<Picture | null>): Promise<Picture | null> {
    let byKey = this.#byData.get(data);
    if (!byKey) {
      byKey = new Map();
      this.#byData.set(data, byKey);
    }
    const cached = byKey.get(key);
    if (cached) return cached;
    const pending = render();
    byKey.set(key, pending);
    pending.catch(() => byKey.delete(key));
    return pending;
  }
}
