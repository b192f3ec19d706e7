/**
 * Which lines of a pull request can carry an inline review comment. GitHub anchors a comment to a
 * line the diff shows: on the RIGHT side an added or context line (numbered in the new version),
 * on the LEFT side a deleted or context line (numbered in the old version). Anything else is
 * refused with 422, and so is a multi-line comment whose range spans two hunks. Knowing this
 * before posting lets a finding off the diff go into the review body instead of failing the
 * whole review.
 */

export type DiffSide = 'RIGHT' | 'LEFT'

/** A file as `pulls.listFiles` returns it; `patch` is missing for binary and very large diffs. */
export interface DiffFile {
  filename: string
  patch?: string | null
}

/** For each side, the commentable line numbers and the index of the hunk each belongs to. */
export interface CommentableLines {
  RIGHT: Map<number, number>
  LEFT: Map<number, number>
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/

/**
 * Parses one file's unified diff. Each hunk's header counts are trusted to end the hunk, so text
 * after it (a trailing newline, a stray line) is not mistaken for context; an empty line inside
 * a hunk is a context line whose leading space was stripped.
 */
export function parsePatch(patch: string): CommentableLines {
  const lines: CommentableLines = { RIGHT: new Map(), LEFT: new Map() }
  let hunk = -1
  let oldLine = 0
  let newLine = 0
  let oldLeft = 0
  let newLeft = 0
  for (const raw of patch.split('\n')) {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    const header = HUNK_HEADER.exec(text)
    if (header) {
      hunk++
      oldLine = Number(header[1])
      oldLeft = header[2] === undefined ? 1 : Number(header[2])
      newLine = Number(header[3])
      newLeft = header[4] === undefined ? 1 : Number(header[4])
      continue
    }
    if (hunk < 0 || (oldLeft <= 0 && newLeft <= 0)) continue
    const kind = text[0]
    if (kind === '\\') continue // "\ No newline at end of file"
    if (kind === '+') {
      if (newLeft <= 0) continue
      lines.RIGHT.set(newLine++, hunk)
      newLeft--
    } else if (kind === '-') {
      if (oldLeft <= 0) continue
      lines.LEFT.set(oldLine++, hunk)
      oldLeft--
    } else if (kind === ' ' || kind === undefined) {
      if (oldLeft <= 0 || newLeft <= 0) continue
      lines.RIGHT.set(newLine++, hunk)
      lines.LEFT.set(oldLine++, hunk)
      oldLeft--
      newLeft--
    }
  }
  return lines
}

/** The commentable lines of every file of a pull request. */
export class DiffIndex {
  private readonly files = new Map<string, CommentableLines>()

  constructor(files: readonly DiffFile[]) {
    for (const file of files) {
      // No patch (binary, or too large for GitHub to show): no line can be commented on.
      const lines =
        typeof file.patch === 'string'
          ? parsePatch(file.patch)
          : { RIGHT: new Map<number, number>(), LEFT: new Map<number, number>() }
      this.files.set(file.filename, lines)
    }
  }

  /** Whether the pull request changes this file. */
  hasFile(path: string): boolean {
    return this.files.has(path)
  }

  /**
   * Whether a comment on lines `startLine..line` of `side` can be placed inline: every line of
   * the range is shown on that side, all within one hunk.
   */
  isInDiff(path: string, side: DiffSide, startLine: number, line: number): boolean {
    const lines = this.files.get(path)?.[side]
    if (lines === undefined || !Number.isInteger(startLine) || !Number.isInteger(line)) {
      return false
    }
    if (startLine > line) return false
    const hunk = lines.get(startLine)
    if (hunk === undefined) return false
    for (let number = startLine + 1; number <= line; number++) {
      if (lines.get(number) !== hunk) return false
    }
    return true
  }
}
