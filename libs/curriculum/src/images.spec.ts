import { compileModule } from './compile';
import { svgProblem } from './images';
import { parseModule } from './parse';
import { markdownImages, renderMarkdown } from './render';
import { brief, fixture, issuesOf } from './test-fixtures';

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';

describe('lesson images', () => {
  it("renders a module image with its alt text from where the module's images are served", () => {
    expect(
      renderMarkdown('![A phone with a message](images/stranger-message.svg)', {
        imageBase: '/media/online-safety-6-8/1.3.0',
      }),
    ).toBe(
      '<p><img src="/media/online-safety-6-8/1.3.0/stranger-message.svg" alt="A phone with a message" loading="lazy" decoding="async" /></p>',
    );
  });

  it('never loads another URL, and never shows an image without alt text', () => {
    const html = renderMarkdown(
      '![](images/x.svg) ![tracker](https://evil.example/a.svg) ![up](../secret.svg) ![js](javascript:alert(1))',
      { imageBase: '/media/m/1.0.0' },
    );
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/src=|evil\.example|secret\.svg/);
    expect(html).toBe(
      '<p> <span class="image-alt">tracker</span> <span class="image-alt">up</span> ![js](javascript:alert(1))</p>',
    ); // markdown-it itself refuses the javascript: image and leaves its text, escaped
  });

  it('shows the alt text in place of the image where no images are served (e.g. a draft preview)', () => {
    expect(renderMarkdown('![A phone](images/phone.svg)')).toBe(
      '<p><span class="image-alt">A phone</span></p>',
    );
  });

  it('lists the images of a text with their alt text and line', () => {
    expect(markdownImages('Intro\n\n![A *phone*](images/a.svg "title")\n\nand ![](b.svg)')).toEqual([
      { src: 'images/a.svg', alt: 'A phone', line: 3 },
      { src: 'b.svg', alt: '', line: 5 },
    ]);
  });

  it('accepts a plain drawing and refuses an SVG that could run or fetch anything', () => {
    expect(svgProblem(SVG)).toBeUndefined();
    expect(svgProblem(`<?xml version="1.0"?>\n<!-- drawn for Haven -->\n${SVG}`)).toBeUndefined();
    expect(svgProblem('<svg><script>alert(1)</script></svg>')).toBe('it contains a script');
    expect(svgProblem('<svg onload="alert(1)"></svg>')).toBe('it contains an event handler attribute');
    expect(svgProblem('<svg><foreignObject><p>x</p></foreignObject></svg>')).toMatch(/foreignObject/);
    expect(svgProblem('<svg><image href="https://x.example/a.png"/></svg>')).toMatch(/link/);
    expect(svgProblem('<svg><use href="#shape"/></svg>')).toBeUndefined(); // a link inside the file is fine
    expect(svgProblem('<svg style="fill:url(https://x.example/p)"></svg>')).toMatch(/url\(\)/);
    expect(svgProblem('<!DOCTYPE svg [<!ENTITY x "y">]><svg/>')).toMatch(/not an SVG|DOCTYPE/);
    expect(svgProblem('<html><body>hi</body></html>')).toBe('it is not an SVG image');
    expect(svgProblem(`<svg>${'x'.repeat(100_001)}</svg>`)).toMatch(/larger than 100 kB/);
  });
});

describe('lesson images in a module', () => {
  const withImage = (en: string, es: string) => ({
    'lessons/introduction.en.md': (t: string) =>
      t.replace('TODO: what learners read or hear.', `TODO: what learners read or hear.\n\n${en}`),
    'lessons/introduction.es.md': (t: string) =>
      t.replace('TODO: lo que leen o escuchan los estudiantes.', `TODO: lo que leen.\n\n${es}`),
  });

  it("compiles a lesson image to the version's served image, and the version's identity covers the drawing", () => {
    const files = fixture({
      ...withImage(
        '![A safe adult listening](images/safe-adult.svg)',
        '![Un adulto de confianza](images/safe-adult.svg)',
      ),
      'images/safe-adult.svg': SVG,
    });
    expect(brief(issuesOf(files).errors)).toEqual([]);
    const version = compileModule(parseModule(files, { basePath: 'fixture' }));
    const html = version.lessons[0]!.blocks[0]!.html;
    expect(html['en']).toContain(
      '<img src="/media/fixture/0.1.0/safe-adult.svg" alt="A safe adult listening"',
    );
    expect(html['es']).toContain('alt="Un adulto de confianza"');
    expect(Object.keys(version.images ?? {})).toEqual(['images/safe-adult.svg']);
    const redrawn = compileModule(
      parseModule(
        { ...files, 'images/safe-adult.svg': SVG.replace('10"/>', '9"/>') },
        { basePath: 'fixture' },
      ),
    );
    expect(redrawn.contentHash).not.toBe(version.contentHash);
  });

  it('reports a missing file, missing alt text, another URL, an unsafe drawing and an unused one', () => {
    const r = issuesOf(
      fixture({
        ...withImage('![](images/missing.svg)', '![x](https://example.com/a.svg)'),
        'images/unsafe.svg': '<svg onload="alert(1)"></svg>',
        'images/spare.svg': SVG,
      }),
    );
    expect(brief(r.errors).sort()).toEqual(
      [
        'fixture/images/unsafe.svg:1:1 IMAGE_UNSAFE',
        'fixture/lessons/introduction.en.md:12:1 IMAGE_ALT_MISSING',
        'fixture/lessons/introduction.en.md:12:1 IMAGE_NOT_FOUND',
        'fixture/lessons/introduction.es.md:12:1 IMAGE_SOURCE_NOT_ALLOWED',
      ].sort(),
    );
    expect(brief(r.warnings.filter((w) => w.code.startsWith('IMAGE')))).toEqual([
      'fixture/images/spare.svg:1:1 IMAGE_UNUSED',
    ]);
  });
});
