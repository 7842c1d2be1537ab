import { render } from '@testing-library/react';
import { SafeHtml, sanitizeHtml } from './safe-html';

describe('sanitizeHtml', () => {
  it('keeps ordinary lesson markup', () => {
    const html =
      '<p>Tell a <strong>trusted adult</strong>.</p><ul><li>Call <a href="tel:+18883737888">1-888-373-7888</a></li></ul>';
    expect(sanitizeHtml(html)).toBe(html);
  });

  it('removes scripts, styles, frames, plugins and forms', () => {
    const clean = sanitizeHtml(
      '<p>a</p><script>alert(1)</script><style>p{}</style><iframe src="https://x.example"></iframe>' +
        '<object data="x.swf"></object><embed src="x.swf"><form action="/x"><input></form><p>b</p>',
    );
    expect(clean).toBe('<p>a</p><p>b</p>');
  });

  it('removes event-handler attributes, whatever their case', () => {
    const clean = sanitizeHtml(
      '<img src="/media/m/1.0.0/x.svg" alt="x" onerror="alert(1)"><p ONCLICK="alert(2)" title="t">x</p>',
    );
    expect(clean).not.toMatch(/on(error|click)/i);
    expect(clean).toContain('title="t"');
    expect(clean).toContain('src="/media/m/1.0.0/x.svg"');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' java\tscript:alert(1)',
    '&#106;avascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
  ])('removes the dangerous URL %j', (url) => {
    const clean = sanitizeHtml(`<a href="${url}">x</a><img src="${url}" alt="">`);
    expect(clean).toBe('<a>x</a>');
  });

  it("keeps only Haven's own lesson images: no image from another site", () => {
    expect(
      sanitizeHtml(
        '<img src="https://tracker.example/p.gif" alt="x"><img src="//cdn.example/a.svg" alt="y">',
      ),
    ).toBe('');
    expect(sanitizeHtml('<img src="/media/online-safety-6-8/1.2.0/grooming-chat.svg" alt="A chat">')).toBe(
      '<img src="/media/online-safety-6-8/1.2.0/grooming-chat.svg" alt="A chat">',
    );
  });

  it('keeps safe links and makes new-tab links safe', () => {
    expect(sanitizeHtml('<a href="https://humantraffickinghotline.org" target="_blank">Hotline</a>')).toBe(
      '<a href="https://humantraffickinghotline.org" target="_blank" rel="noopener noreferrer">Hotline</a>',
    );
  });

  it('does not let markup that re-parses differently through (noscript, svg, template)', () => {
    const clean = sanitizeHtml(
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>' +
        '<svg><script>alert(1)</script></svg><template><img src=x onerror=alert(1)></template><p>ok</p>',
    );
    // Insert it as the page would, and look for anything that could run.
    const host = document.createElement('div');
    host.innerHTML = clean;
    expect(host.querySelectorAll('script, svg, template, noscript, img')).toHaveLength(0);
    expect([...host.querySelectorAll('*')].flatMap((e) => e.getAttributeNames())).not.toContainEqual(
      expect.stringMatching(/^on/),
    );
    expect(host.lastElementChild?.outerHTML).toBe('<p>ok</p>');
  });

  it('demotes headings to fit under the page', () => {
    expect(sanitizeHtml('<h2 id="a">Top</h2><h3>Sub</h3>', { headingLevel: 5 })).toBe(
      '<h5 id="a">Top</h5><h6>Sub</h6>',
    );
    expect(sanitizeHtml('<h6>Small</h6>', { headingLevel: 5 })).toBe('<h6>Small</h6>');
  });
});

describe('SafeHtml', () => {
  it('renders cleaned HTML: no <script>, no onerror, no javascript: URL', () => {
    const { container } = render(
      <SafeHtml
        html={
          '<p>Hello</p><script>window.hacked = true</script>' +
          '<img src="/media/m/1.0.0/x.svg" alt="" onerror="window.hacked = true"><a href="javascript:alert(1)">click</a>'
        }
        lang="es"
      />,
    );
    const root = container.firstElementChild as HTMLElement;
    expect(root.className).toBe('prose');
    expect(root.getAttribute('lang')).toBe('es');
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('img')?.hasAttribute('onerror')).toBe(false);
    expect(root.querySelector('a')?.hasAttribute('href')).toBe(false);
    expect(root.textContent).toBe('Helloclick');
    expect((window as unknown as { hacked?: boolean }).hacked).toBeUndefined();
  });
});
