/**
 * Lesson illustrations. A module keeps them as SVG files in its `images/` folder (text, so they are versioned,
 * diffed and reviewed like the rest of the module) and a lesson shows one with Markdown's image syntax and its
 * alt text: `![A phone showing a message from a stranger](images/stranger-message.svg)`.
 *
 * Students' browsers load them as `<img>`, where an SVG can run no script; the API serves them with a
 * sandboxing CSP as well. Still, a module's SVG must be plain drawing: no script, event handlers, embedded
 * HTML, entities or links to anything outside the file.
 */
export const IMAGE_PATH = /^images\/([a-z0-9]+(?:-[a-z0-9]+)*)\.svg$/;

/** Where the API serves a module version's images: `<mediaBase>/<name>.svg` for `images/<name>.svg`. */
export function mediaBase(moduleId: string, version: string): string {
  return `/media/${moduleId}/${version}`;
}

/** A URL `mediaBase` gives for an image: the only images lesson HTML may show. */
export const MEDIA_IMAGE_URL =
  /^\/media\/[a-z0-9]+(?:-[a-z0-9]+)*\/[0-9A-Za-z.+-]+\/[a-z0-9]+(?:-[a-z0-9]+)*\.svg$/;

/** The most an image file may weigh (a lesson illustration, not a photograph). */
export const MAX_IMAGE_BYTES = 100_000;

const UNSAFE: readonly [RegExp, string][] = [
  [/<script\b/i, 'a script'],
  [/<foreignObject\b/i, 'embedded HTML (foreignObject)'],
  [/<!(ENTITY|DOCTYPE)\b/i, 'a DOCTYPE or entity declaration'],
  [/\son[a-z]+\s*=/i, 'an event handler attribute'],
  [/javascript:/i, 'a javascript: URL'],
  [/\bhref\s*=\s*["']\s*(?!#)/i, 'a link to another file or site'],
  [/url\(\s*["']?\s*(?!#)/i, 'a url() to another file or site'],
  [/@import\b/i, 'a CSS @import'],
];

/** Why an SVG file cannot be a lesson image, or undefined when it can. */
export function svgProblem(text: string): string | undefined {
  if (new TextEncoder().encode(text).length > MAX_IMAGE_BYTES)
    return `it is larger than ${MAX_IMAGE_BYTES / 1000} kB`;
  if (!/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(text)) return 'it is not an SVG image';
  for (const [pattern, what] of UNSAFE) if (pattern.test(text)) return `it contains ${what}`;
  return undefined;
}
