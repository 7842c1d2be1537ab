import type { LessonBlockKind } from './vocabulary';
import type { Assessment, ModuleManifest, Scenario } from './schemas';

/**
 * A module as the authoring studio edits it: the data of every content file, with no syntax. The
 * canonical writer (`writeModuleFiles`) turns it into content files, and `readModuleDocument` reads
 * content files back into it; for canonical files the round trip is byte-identical.
 *
 * It is plain JSON (no class instances, no `undefined` members needed), so it travels over GraphQL as a
 * JSON value and is stored as `jsonb`.
 */
export interface ModuleDocument {
  /** `module.yaml`. */
  manifest: ModuleManifest;
  /** One entry per lesson file `lessons/<id>.<lang>.md`, in file-name order. */
  lessons: LessonDocument[];
  /** `scenarios/<id>.yaml`, in id order. */
  scenarios: Scenario[];
  /** `assessments/<id>.yaml`, in id order. */
  assessments: Assessment[];
  /**
   * Other files of the module folder, kept verbatim (e.g. the module's `README.md`), keyed by path
   * relative to the module folder.
   */
  extraFiles: Record<string, string>;
}

/** One lesson file: its front matter and its typed blocks. */
export interface LessonDocument {
  id: string;
  lang: string;
  title: string;
  minutes: number;
  blocks: LessonBlockDocument[];
}

export interface LessonBlockDocument {
  kind: LessonBlockKind;
  title?: string;
  /** Markdown body of the block (without the `:::` fence lines), no trailing newline. */
  markdown: string;
}

/**
 * A place in a module that a comment, a validation issue or a stale-translation mark points at.
 * `field` paths are dot-separated data paths inside the owning object, e.g. `title`, `objectives.2.text`,
 * `choices.1.feedback`.
 */
export type ContentAnchor =
  | { kind: 'module'; field: string }
  | { kind: 'lesson'; lesson: string; lang: string; block?: number }
  | { kind: 'scenario'; scenario: string; node?: string; field?: string }
  | { kind: 'assessment'; assessment: string; item?: string; field?: string };

/**
 * One stable string per anchor, for maps and for storing: `module:title`, `lesson:intro.en#3`,
 * `scenario:the-new-follower/start:choices.0.text`, `assessment:pre/q1:prompt`.
 */
export function anchorKey(anchor: ContentAnchor): string {
  switch (anchor.kind) {
    case 'module':
      return `module:${anchor.field}`;
    case 'lesson':
      return `lesson:${anchor.lesson}.${anchor.lang}${anchor.block === undefined ? '' : `#${anchor.block}`}`;
    case 'scenario':
      return `scenario:${anchor.scenario}${anchor.node === undefined ? '' : `/${anchor.node}`}${anchor.field === undefined ? '' : `:${anchor.field}`}`;
    case 'assessment':
      return `assessment:${anchor.assessment}${anchor.item === undefined ? '' : `/${anchor.item}`}${anchor.field === undefined ? '' : `:${anchor.field}`}`;
  }
}

/** Semantic-version bump an author chooses when publishing. */
export type VersionBump = 'patch' | 'minor' | 'major';
