import { useMemo } from 'react';

/**
 * Elements never rendered from content: scripts and styles, embedded documents and plugins, elements
 * that change how the page loads, and raw-text or foreign-content elements that parse differently once
 * inserted into the page (the usual way around a sanitiser).
 */
const REMOVED_ELEMENTS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'link',
  'meta',
  'form',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
  'textarea',
  'title',
  'svg',
  'math',
].join(',');

/** Attributes whose value is a URL the browser may load or navigate to. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'cite',
  'longdesc',
]);

/** Browsers ignore whitespace and control characters inside a scheme: `java\tscript:` still runs. */
const DANGEROUS_URL = /^(javascript|vbscript|data):/i;

function isDangerousUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return DANGEROUS_URL.test(value.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''));
}

/** Demotes headings so the fragment's highest heading sits at `level`, keeping its inner structure. */
function demoteHeadings(root: HTMLElement, level: number): void {
  const headings = [...root.querySelectorAll<HTMLElement>('h1,h2,h3,h4,h5,h6')];
  if (headings.length === 0) return;
  const top = Math.min(...headings.map((h) => Number(h.tagName.slice(1))));
  const shift = level - top;
  if (shift <= 0) return;
  for (const heading of headings) {
    const target = Math.min(6, Number(heading.tagName.slice(1)) + shift);
    const replacement = root.ownerDocument.createElement(`h${target}`);
    for (const { name, value } of [...heading.attributes]) replacement.setAttribute(name, value);
    replacement.append(...heading.childNodes);
    heading.replaceWith(replacement);
  }
}

function cleanOnce(html: string, headingLevel: number | undefined): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const body = doc.body;
  for (const element of [...body.querySelectorAll(REMOVED_ELEMENTS)]) element.remove();
  for (const element of [...body.querySelectorAll('*')]) {
    for (const { name, value } of [...element.attributes]) {
      const lower = name.toLowerCase();
      if (
        lower.startsWith('on') ||
        lower === 'srcdoc' ||
        (URL_ATTRIBUTES.has(lower) && isDangerousUrl(value))
      ) {
        element.removeAttribute(name);
      }
    }
    if (element.getAttribute('target') === '_blank') element.setAttribute('rel', 'noopener noreferrer');
    // Images only from Haven's own lesson images: never a request that tells another site who is reading.
    if (element.tagName === 'IMG' && !/^\/media\/[^:]*$/.test(element.getAttribute('src') ?? ''))
      element.remove();
  }
  if (headingLevel) demoteHeadings(body, headingLevel);
  return body.innerHTML;
}

/**
 * Strips what could run code from HTML, with the browser's own parser. The server already sanitises
 * lesson HTML with an allow-list; this is the second line of defence, so a mistake there (or a
 * tampered response) cannot run script in a teacher's session. Cleaning repeats until the result is
 * stable, so markup that re-parses differently after serialisation cannot slip through.
 * `headingLevel` demotes the fragment's headings so they fit under the page's own.
 */
export function sanitizeHtml(html: string, options: { headingLevel?: number } = {}): string {
  if (typeof DOMParser === 'undefined') return '';
  let current = html;
  for (let pass = 0; pass < 4; pass++) {
    const next = cleanOnce(current, options.headingLevel);
    if (next === current) return next;
    current = next;
  }
  // Still changing after several passes: something is trying hard. Show nothing rather than guess.
  return '';
}

/** Renders server-sanitised HTML (lesson blocks, facilitator notes), cleaned again in the browser. */
export function SafeHtml({
  html,
  headingLevel,
  className,
  lang,
}: {
  html: string;
  headingLevel?: number;
  className?: string;
  lang?: string;
}) {
  const clean = useMemo(() => sanitizeHtml(html, { headingLevel }), [html, headingLevel]);
  return (
    <div
      className={className ? `prose ${className}` : 'prose'}
      lang={lang}
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  );
}
