import en from './en.json';
import es from './es.json';
import { detectLanguage, i18n, LANGUAGE_STORAGE_KEY, rememberLanguage, resources } from './i18n';
import { staffStrings } from './staff-strings';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const english = flatten(en as Tree);
  const spanish = flatten(es as Tree);

  it('has exactly the same keys in English and Spanish', () => {
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
    expect(english.size).toBeGreaterThan(50);
  });

  it('has no empty values', () => {
    for (const [lang, strings] of [
      ['en', english],
      ['es', spanish],
    ] as const) {
      const empty = [...strings].filter(([, value]) => value.trim() === '').map(([key]) => `${lang}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('uses the same {{placeholders}} in both languages', () => {
    const mismatched = [...english].filter(([key, value]) => {
      const other = spanish.get(key) ?? '';
      return placeholders(value).join() !== placeholders(other).join();
    });
    expect(mismatched).toEqual([]);
  });

  it('is actually translated (Spanish differs from English for prose)', () => {
    const prose = (value: string) =>
      value
        .replace(/\{\{\s*\w+\s*\}\}/g, '')
        .split(/\s+/)
        .filter(Boolean).length > 2;
    const same = [...english].filter(([key, value]) => spanish.get(key) === value && prose(value));
    expect(same.map(([key]) => key)).toEqual([]);
  });
});

describe('what loads when', () => {
  const start = Object.keys(resources.en.translation).sort();
  const staff = Object.keys(staffStrings.en).sort();

  it('loads every top-level key of en.json either at start or with the staff areas, once', () => {
    expect([...start, ...staff].sort()).toEqual(Object.keys(en).sort());
    expect(start.filter((key) => staff.includes(key))).toEqual([]);
    expect(Object.keys(staffStrings.es).sort()).toEqual(staff);
  });

  it('brings the staff texts along with a language loaded after them', async () => {
    // The staff texts were added at set-up (setup-tests.tsx), before Spanish was first used in this file.
    expect(i18n.hasResourceBundle('es', 'translation')).toBe(false);
    await i18n.changeLanguage('es');
    expect(Object.keys(i18n.getResourceBundle('es', 'translation')).sort()).toEqual(Object.keys(es).sort());
    expect(i18n.getFixedT('es')('teacher.nav.classes')).toBe(es.teacher.nav.classes);
    expect(i18n.getFixedT('es')('landing.title')).toBe(es.landing.title);
  });
});

describe('language detection', () => {
  const original = Object.getOwnPropertyDescriptor(window.navigator, 'languages');
  afterEach(() => {
    if (original) Object.defineProperty(window.navigator, 'languages', original);
    else delete (window.navigator as unknown as Record<string, unknown>)['languages'];
  });

  function browserLanguages(list: string[]) {
    Object.defineProperty(window.navigator, 'languages', { value: list, configurable: true });
  }

  it('prefers the language picked on this device', () => {
    browserLanguages(['en-US']);
    rememberLanguage('es');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('es');
    expect(detectLanguage()).toBe('es');
  });

  it('falls back to the browser language, then English', () => {
    browserLanguages(['es-MX', 'en']);
    expect(detectLanguage()).toBe('es');
    browserLanguages(['fr-FR', 'de']);
    Object.defineProperty(window.navigator, 'language', { value: 'fr-FR', configurable: true });
    expect(detectLanguage()).toBe('en');
  });

  it('ignores unknown stored values', () => {
    browserLanguages(['en-US']);
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'xx');
    expect(detectLanguage()).toBe('en');
  });

  it('keeps <html lang> in step with the language', async () => {
    await i18n.changeLanguage('es');
    expect(document.documentElement.lang).toBe('es');
    await i18n.changeLanguage('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
