/** Text for SVG content and attribute values: the data is ours, but names may hold `&` or quotes. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A coordinate with one decimal: enough for a raster, and the same string on every run. */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

type AttrValue = string | number | undefined;

/** `name="value"` pairs; numbers are rounded, strings escaped, undefined dropped. */
export function attrs(values: Record<string, AttrValue>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(
      ([name, value]) => `${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`,
    )
    .join(' ');
}

export function element(name: string, values: Record<string, AttrValue>, content?: string): string {
  const open = `<${name} ${attrs(values)}`;
  return content === undefined ? `${open}/>` : `${open}>${content}</${name}>`;
}

export interface TextStyle {
  size: number;
  fill: string;
  bold?: boolean;
  anchor?: 'start' | 'middle' | 'end';
  /** A halo in this colour keeps text legible over map shapes. */
  halo?: string;
}

export function text(x: number, y: number, content: string, style: TextStyle): string {
  return element(
    'text',
    {
      x,
      y,
      'font-size': style.size,
      'font-weight': style.bold ? 'bold' : undefined,
      'text-anchor': style.anchor,
      fill: style.fill,
      stroke: style.halo,
      'stroke-width': style.halo ? Math.max(2, style.size / 6) : undefined,
      'stroke-linejoin': style.halo ? 'round' : undefined,
      'paint-order': style.halo ? 'stroke' : undefined,
    },
    escapeXml(content),
  );
}

export function svgDocument(
  width: number,
  height: number,
  background: string,
  body: string,
): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans">`,
    element('rect', { x: 0, y: 0, width, height, fill: background }),
    body,
    '</svg>',
  ].join('\n');
}
