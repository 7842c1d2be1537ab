import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

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
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    abbr: ['title'],
    ol: ['start'],
    th: ['scope', 'style'],
    td: ['style'],
  },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto', 'tel', 'sms'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
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

/** Renders Markdown to sanitised HTML. */
export function renderMarkdown(source: string): string {
  return sanitizeLessonHtml(markdown.render(source)).trim();
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
