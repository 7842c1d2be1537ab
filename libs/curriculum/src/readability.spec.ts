import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import readability from 'text-readability-ts';
import { parseLessonText } from './lesson-markdown';
import { fleschKincaidGrade, fleschKincaidGradeReference, lexiconCount, sentenceCount } from './readability';
import { markdownToPlainText } from './render';

const curricula = join(__dirname, '../../../curricula');

/** Markdown of every block of every shipped English lesson. */
function shippedEnglishBlocks(): string[] {
  const out: string[] = [];
  for (const mod of readdirSync(curricula, { withFileTypes: true })) {
    if (!mod.isDirectory()) continue;
    const dir = join(curricula, mod.name, 'lessons');
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => n.endsWith('.en.md')))
      out.push(...parseLessonText(readFileSync(join(dir, name), 'utf8')).blocks.map((b) => b.markdown));
  }
  return out;
}

/** The first implementation of markdownToPlainText (markdown-it with linkify, then sanitize-html). */
const linkified = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
function referencePlainText(source: string): string {
  const html = linkified.render(source).replace(/<\/(p|li|h\d|td|th|dt|dd|blockquote)>/g, '.</$1>\n');
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/([.!?:;])\s*\./g, '$1')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

// Text made of the characters that matter to the formula: letters, digits, spaces, line breaks,
// sentence ends, ASCII and Unicode punctuation, quotes, accents.
const alphabet = [...'aeiouy bcdfghklmnprstwz AEIOU T.!?,;:\'"-—…’()[]0123456789\n\r\téñ'];
const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 300 }).map((cs) => cs.join(''));

describe('reading level (fast path equals text-readability-ts)', () => {
  it('counts words and sentences exactly as the library does', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(lexiconCount(t)).toBe(readability.lexiconCount(t));
        expect(sentenceCount(t)).toBe(readability.sentenceCount(t));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same Flesch-Kincaid grade as the library on random text', () => {
    fc.assert(
      fc.property(text, (t) => {
        const ref = fleschKincaidGradeReference(t);
        if (!Number.isNaN(ref)) expect(fleschKincaidGrade(t)).toBe(ref);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same grade and the same plain text as before on every shipped English lesson block', () => {
    const blocks = shippedEnglishBlocks();
    expect(blocks.length).toBeGreaterThan(50);
    for (const md of blocks) {
      const plain = markdownToPlainText(md);
      expect(plain).toBe(referencePlainText(md));
      expect(fleschKincaidGrade(plain)).toBe(fleschKincaidGradeReference(plain));
    }
    const all = blocks.map(markdownToPlainText).join('\n');
    expect(fleschKincaidGrade(all)).toBe(fleschKincaidGradeReference(all));
  });
});
