import { LESSON_BLOCK_KINDS, type LessonBlockKind } from './vocabulary';
import { parseYamlSource, type YamlSource } from './yaml-source';
import type { IssueCode, SourcePosition } from './issues';

/**
 * Lesson Markdown: YAML front matter between `---` lines, then typed blocks written as fenced
 * containers. Every non-blank line of the body belongs to a block:
 *
 *     :::discussion Optional title
 *     Markdown …
 *     :::
 *
 * Blocks do not nest. A `:::` line inside a ``` code fence is text. HTML comments on their own lines
 * may stand between blocks (authors' notes; they are dropped).
 */
export interface LessonBlock {
  kind: LessonBlockKind;
  title?: string;
  /** Markdown body of the block, without the fence lines. */
  markdown: string;
  line: number;
  column: number;
}

export interface LessonSyntaxIssue {
  pos: SourcePosition;
  code: IssueCode;
  message: string;
  hint: string;
}

export interface ParsedLessonText {
  frontMatter?: YamlSource;
  blocks: LessonBlock[];
  issues: LessonSyntaxIssue[];
}

const OPEN = /^:::[ \t]*([A-Za-z][\w-]*)(?:[ \t]+(.*?))?[ \t]*$/;
const CLOSE = /^:::[ \t]*$/;
const FENCE = /^[ \t]*(```|~~~)/;

export function parseLessonText(text: string): ParsedLessonText {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const issues: LessonSyntaxIssue[] = [];
  const blocks: LessonBlock[] = [];
  let frontMatter: YamlSource | undefined;
  let i = 0;

  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, n) => n > 0 && l.trim() === '---');
    if (end === -1) {
      issues.push({
        pos: { line: 1, column: 1 },
        code: 'FRONT_MATTER_MISSING',
        message: 'front matter is not closed',
        hint: 'end the front matter with a line containing only `---`',
      });
      return { blocks, issues };
    }
    frontMatter = parseYamlSource(lines.slice(1, end).join('\n'), 1);
    i = end + 1;
  } else {
    issues.push({
      pos: { line: 1, column: 1 },
      code: 'FRONT_MATTER_MISSING',
      message: 'lesson has no front matter',
      hint: 'start the file with `---`, then schemaVersion, id, lang, title and minutes, then `---`',
    });
  }

  let open: { kind: string; title?: string; line: number; body: string[]; known: boolean } | undefined;
  let inFence = false;
  let inComment = false;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lineNo = i + 1;
    if (open) {
      if (FENCE.test(line)) inFence = !inFence;
      if (!inFence && CLOSE.test(line)) {
        if (open.known) {
          const markdown = open.body.join('\n').trim();
          const block: LessonBlock = {
            kind: open.kind as LessonBlockKind,
            markdown,
            line: open.line,
            column: 1,
          };
          if (open.title) block.title = open.title;
          blocks.push(block);
          if (markdown === '') {
            issues.push({
              pos: { line: open.line, column: 1 },
              code: 'LESSON_BLOCK_EMPTY',
              message: `the \`${open.kind}\` block is empty`,
              hint: 'write its content between the opening and the closing `:::`, or remove the block',
            });
          }
        }
        open = undefined;
        continue;
      }
      if (!inFence && OPEN.test(line)) {
        issues.push({
          pos: { line: lineNo, column: 1 },
          code: 'LESSON_BLOCK_UNCLOSED',
          message: `a new block starts before the \`${open.kind}\` block (line ${open.line}) is closed`,
          hint: `blocks do not nest: close the \`${open.kind}\` block with a line containing only \`:::\``,
        });
      }
      open.body.push(line);
      continue;
    }
    if (line.trim() === '') continue;
    if (inComment || line.trim().startsWith('<!--')) {
      inComment = !line.includes('-->');
      continue;
    }
    const m = OPEN.exec(line);
    if (m && m[1]) {
      const kind = m[1];
      const known = (LESSON_BLOCK_KINDS as readonly string[]).includes(kind);
      if (!known) {
        issues.push({
          pos: { line: lineNo, column: 4 },
          code: 'LESSON_BLOCK_UNKNOWN',
          message: `unknown block type \`${kind}\``,
          hint: `use one of: ${LESSON_BLOCK_KINDS.join(', ')}`,
        });
      }
      open = { kind, line: lineNo, body: [], known };
      if (m[2]) open.title = m[2];
      inFence = false;
      continue;
    }
    issues.push({
      pos: { line: lineNo, column: 1 },
      code: 'LESSON_TEXT_OUTSIDE_BLOCK',
      message: 'text outside a block',
      hint: 'put it inside a typed block, e.g. `:::content` … `:::`, so the platform knows who sees it',
    });
  }
  if (open) {
    issues.push({
      pos: { line: open.line, column: 1 },
      code: 'LESSON_BLOCK_UNCLOSED',
      message: `the \`${open.kind}\` block is never closed`,
      hint: 'end it with a line containing only `:::`',
    });
  }
  const result: ParsedLessonText = { blocks, issues };
  if (frontMatter) result.frontMatter = frontMatter;
  return result;
}
