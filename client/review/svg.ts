/** Creates an SVG element with attributes and children: the charts are drawn by hand, inline. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | undefined> = {},
  ...children: (Node | string | null | undefined | false)[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, String(value));
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

/** Text in a chart; a label wider than `maxWidth` is cut with an ellipsis (the full text is the tooltip). */
export function label(x: number, y: number, text: string, attributes: Record<string, string | number> = {}, maxWidth = 0) {
  let shown = text;
  if (maxWidth > 0 && textWidth(text) > maxWidth) {
    const characters = [...text];
    while (characters.length > 1 && textWidth(`${characters.join('')}…`) > maxWidth) characters.pop();
    shown = `${characters.join('')}…`;
  }
  return svg('text', { x, y, ...attributes }, shown, shown !== text ? svg('title', {}, text) : null);
}

/** Roughly how wide a 12 px label is: CJK characters are square, Latin ones about half as wide. */
export function textWidth(text: string): number {
  let width = 0;
  for (const character of text) width += /[\u3000-\u9fff\uff00-\uffef]/.test(character) ? 12 : 6.8;
  return width;
}
