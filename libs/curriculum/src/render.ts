import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { IMAGE_PATH, MEDIA_IMAGE_URL } from './images';

/**
 * Markdown → HTML for learner and teacher screens. markdown-it runs with raw HTML disabled, and the
 * result is then passed through an allow-list sanitiser anyway (defence in depth): no scripts, no
 * event-handler attributes, no iframes or embeds, no `javascript:` or `data:` URLs.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
/**
 * For plain text only: linkify turns bare URLs into links but leaves their text as written, so text
 * extraction can skip it (its link scanning is a large part of parsing time).
 */
const plainMarkdown = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });

export const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'em',
    'b',
    'i',
    'u',
    's',
    'del',
    'mark',
    'small',
    'sub',
    'sup',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'code',
    'pre',
    'abbr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'dl',
    'dt',
    'dd',
    'img',
    'span',
  ],
  allowedAttributes: {
    img: ['src', 'alt', 'loading', 'decoding'],
    span: ['class'],
    a: ['href', 'title', 'rel', 'target'],
    abbr: ['title'],
    ol: ['start'],
    th: ['scope', 'style'],
    td: ['style'],
  },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto', 'tel', 'sms'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowedClasses: { span: ['image-alt'] },
  // An image stays only with a source of a module's own served images (see the image rule below).
  exclusiveFilter: (frame) => frame.tag === 'img' && !MEDIA_IMAGE_URL.test(frame.attribs['src'] ?? ''),
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs['href'] ?? '';
      const external = /^https?:/i.test(href);
      return {
        tagName,
        attribs: external ? { ...attribs, rel: 'noopener noreferrer', target: '_blank' } : attribs,
      };
    },
  },
};

export function sanitizeLessonHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

export interface RenderOptions {
  /**
   * Where the module's images are served, e.g. `/media/online-safety-6-8/1.3.0`: `![alt](images/x.svg)` becomes
   * `<img src="<imageBase>/x.svg" alt="alt">`. Without it (a draft's preview) the alt text is shown instead.
   */
  imageBase?: string;
}

/**
 * Images are written by this rule, never taken from the source: a module's own image with its alt text, or
 * the alt text alone, or nothing when there is no alt text. Any other URL is never loaded.
 */
markdown.renderer.rules.image = (tokens, idx, options, env) => {
  const token = tokens[idx]!;
  const alt = markdown.renderer.renderInlineAsText(token.children ?? [], options, env).trim();
  const name = IMAGE_PATH.exec(String(token.attrGet('src') ?? ''))?.[1];
  const escape = markdown.utils.escapeHtml;
  if (!alt) return '';
  const imageBase = (env as RenderOptions | undefined)?.imageBase;
  if (!imageBase || !name) return `<span class="image-alt">${escape(alt)}</span>`;
  return `<img src="${escape(`${imageBase}/${name}.svg`)}" alt="${escape(alt)}" loading="lazy" decoding="async">`;
};

/** Renders Markdown to sanitised HTML. */
export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  return sanitizeLessonHtml(markdown.render(source, { ...options })).trim();
}

/** The images a Markdown text shows: the path as written and its alt text, with their line (1-based). */
export function markdownImages(source: string): { src: string; alt: string; line: number }[] {
  const out: { src: string; alt: string; line: number }[] = [];
  if (!source.includes('![')) return out; // most blocks: no second parse during validation
  for (const token of plainMarkdown.parse(source, {})) {
    for (const child of token.children ?? []) {
      if (child.type !== 'image') continue;
      out.push({
        src: String(child.attrGet('src') ?? ''),
        alt: child.children?.map((c) => c.content).join('') ?? child.content,
        line: (token.map?.[0] ?? 0) + 1,
      });
    }
  }
  return out;
}

/**
 * Plain text of Markdown for reading-level formulas: block elements (paragraphs, list items, headings,
 * table cells) become sentences, so a bullet list is not read as one endless sentence.
 */
export function markdownToPlainText(source: string): string {
  const html = plainMarkdown.render(source).replace(/<\/(p|li|h\d|td|th|dt|dd|blockquote)>/g, '.</$1>\n');
  // markdown-it runs with raw HTML disabled, so every `<` in its output opens a tag it generated and
  // text is entity-escaped: removing the tags leaves exactly the text (and is much cheaper than a
  // full HTML parser, which matters when hundreds of modules are validated).
  const text = html.replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/([.!?:;])\s*\./g, '$1')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}
