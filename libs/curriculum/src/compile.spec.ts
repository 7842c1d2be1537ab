import { compileModule, computeContentHash, CurriculumValidationError } from './compile';
import { canonicalJson } from './canonical-json';
import { parseModule } from './parse';
import { renderMarkdown, sanitizeLessonHtml } from './render';
import { fixture } from './test-fixtures';

/** Every real tag in the HTML (escaped text such as `&lt;script&gt;` is harmless and not a tag). */
const tags = (html: string): string[] => html.match(/<[^>]*>/g) ?? [];
const unsafeTags = (html: string): string[] =>
  tags(html).filter((t) => /^<\/?(script|iframe|img|object|embed|style)\b|\son\w+\s*=|javascript:/i.test(t));

const hostile = [
  'Hello <script>alert(1)</script> world',
  '<img src=x onerror="alert(1)">',
  '[click](javascript:alert(1))',
  '<iframe src="https://evil.example"></iframe>',
  '<a href="javascript:alert(1)" onclick="x()">x</a>',
].join('\n\n');

describe('renderMarkdown and sanitizeLessonHtml', () => {
  it('renders Markdown and keeps safe links', () => {
    expect(renderMarkdown('**Call** [1-888-373-7888](tel:+18883737888)')).toBe(
      '<p><strong>Call</strong> <a href="tel:+18883737888">1-888-373-7888</a></p>',
    );
    expect(renderMarkdown('[site](https://example.org)')).toBe(
      '<p><a href="https://example.org" rel="noopener noreferrer" target="_blank">site</a></p>',
    );
  });

  it('never lets scripts, event handlers, iframes or javascript: URLs through', () => {
    const html = renderMarkdown(hostile);
    expect(unsafeTags(html)).toEqual([]);
    expect(tags(html).every((t) => /^<\/?(p|a)\b/.test(t))).toBe(true);
    expect(html).toContain('&lt;script&gt;'); // raw HTML is shown as text, never run
  });

  it('strips dangerous HTML even when given raw HTML directly', () => {
    const html = sanitizeLessonHtml(
      '<p onclick="x()">Hi<script>alert(1)</script><img src=x onerror="alert(1)"><iframe src="//e"></iframe><a href="javascript:alert(1)">a</a><a href="https://ok.example">b</a></p>',
    );
    expect(html).toBe(
      '<p>Hi<a>a</a><a href="https://ok.example" rel="noopener noreferrer" target="_blank">b</a></p>',
    );
  });
});

describe('compileModule', () => {
  const files = fixture({
    'lessons/introduction.en.md': (t) =>
      t.replace('TODO: what learners read or hear.', `Safe text.\n\n${hostile}`),
  });

  it('produces a JSON-serialisable, frozen version with sanitised HTML and teacher-only notes apart', () => {
    const v = compileModule(parseModule(files));
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
    expect(Object.isFrozen(v)).toBe(true);
    const lesson = v.lessons[0]!;
    expect(lesson.blocks.map((b) => b.kind)).toEqual(['content', 'help']);
    expect(lesson.facilitatorNotes).toEqual([
      {
        html: {
          en: '<p>TODO: notes for the facilitator only.</p>',
          es: '<p>TODO: notas solo para quien facilita.</p>',
        },
      },
    ]);
    const content = lesson.blocks[0]!.html['en']!;
    expect(content).toContain('<p>Safe text.</p>');
    expect(unsafeTags(content)).toEqual([]);
    expect(JSON.stringify(lesson.blocks)).not.toContain('facilitator only');
    expect(Object.keys(lesson.blocks[0]!.html)).toEqual(['en', 'es']);
  });

  it('keeps answer keys out of learner items and resolves include', () => {
    const v = compileModule(parseModule(files));
    const post = v.assessments.find((a) => a.id === 'post')!;
    expect(post.items.map((i) => i.id)).toEqual(['know-safe-adult', 'felt-safe']);
    expect(post.items[0]).toMatchObject({ type: 'likert', labels: { en: ['No', 'Not sure', 'Yes'] } });
    expect(JSON.stringify(post.items)).not.toContain('answer');
  });

  it('computes a stable content hash that changes with the content', () => {
    const a = compileModule(parseModule(files));
    const b = compileModule(parseModule({ ...files }));
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.contentHash).toBe(a.contentHash);
    expect(computeContentHash(a)).toBe(a.contentHash);
    const c = compileModule(
      parseModule({
        ...files,
        'module.yaml': files['module.yaml']!.replace('version: 0.1.0', 'version: 0.1.1'),
      }),
    );
    expect(c.contentHash).not.toBe(a.contentHash);
  });

  it('hashes canonical JSON, independent of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 1 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"e":1,"f":2}]},"b":1}',
    );
  });

  it('refuses to compile a module with errors', () => {
    const parsed = parseModule(fixture({ 'lessons/introduction.es.md': null }));
    expect(() => compileModule(parsed)).toThrow(CurriculumValidationError);
    try {
      compileModule(parsed);
    } catch (e) {
      expect((e as CurriculumValidationError).errors[0]?.code).toBe('TRANSLATION_MISSING');
    }
  });
});
