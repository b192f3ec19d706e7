import { posix } from 'node:path'
import { inputObject, optionalInteger, optionalString, requiredString } from './input.js'
import {
  ToolInputError,
  type ReviewFinding,
  type Tool,
  type ToolContext,
  type ToolResult
} from './tool.js'

export type { ReviewCollector, ReviewFinding } from './tool.js'

/** GitHub takes 65,536 characters per comment; a finding should be far shorter than that. */
export const MAX_FINDING_BODY_CHARS = 8000
/** Leaves room for the body, the fence and the marker within GitHub's per-comment limit. */
export const MAX_SUGGESTION_CHARS = 40_000
/**
 * More than this is not a review anyone reads; the cap also stops a looping model from filling
 * the review (only 50 findings go inline, the rest into the body).
 */
export const MAX_FINDINGS = 100

export interface ReviewCommentInput {
  /** Workspace-relative, normalised. */
  file_path: string
  line: number
  start_line?: number
  side: 'RIGHT' | 'LEFT'
  body: string
  suggestion?: string
}

const FIELDS = ['file_path', 'line', 'start_line', 'side', 'body', 'suggestion']

export const reviewCommentTool: Tool<ReviewCommentInput> = {
  name: 'ReviewComment',
  description:
    'Records one review finding on lines of the pull request. All findings are posted together ' +
    'as one review when you finish; your final message becomes its summary. Comment on lines ' +
    'the diff shows; findings elsewhere are listed in the summary instead.',
  inputSchema: {
    type: 'object',
    properties: {
      file_path: {
        type: 'string',
        description: 'The changed file, relative to the workspace root (e.g. src/app.ts).'
      },
      line: {
        type: 'integer',
        minimum: 1,
        description: 'The last (or only) line of the finding, numbered in the version of `side`.'
      },
      start_line: {
        type: 'integer',
        minimum: 1,
        description: 'The first line, for a finding on several lines.'
      },
      side: {
        type: 'string',
        enum: ['RIGHT', 'LEFT'],
        description:
          'RIGHT (default): lines of the new version. LEFT: lines of the old version (deleted code).'
      },
      body: {
        type: 'string',
        description: 'The finding in Markdown: what is wrong, why, and what to do.'
      },
      suggestion: {
        type: 'string',
        description:
          'Optional replacement text for the whole lines start_line..line (no fence); RIGHT only.'
      }
    },
    required: ['file_path', 'line', 'body'],
    additionalProperties: false
  },
  readOnly: true,
  parse(raw) {
    const input = inputObject(raw, 'ReviewComment', FIELDS)
    const filePath = reviewPath(requiredString(input, 'file_path', { nonEmpty: true }))
    const line = optionalInteger(input, 'line', { min: 1 })
    if (line === undefined) {
      throw new ToolInputError(
        '"line" is required: the line number the finding is about (1 or more).'
      )
    }
    const startLine = optionalInteger(input, 'start_line', { min: 1 })
    if (startLine !== undefined && startLine > line) {
      throw new ToolInputError(
        `"start_line" (${startLine}) is after "line" (${line}): give the first line as start_line ` +
          'and the last as line.'
      )
    }
    const side = optionalString(input, 'side') ?? 'RIGHT'
    if (side !== 'RIGHT' && side !== 'LEFT') {
      throw new ToolInputError(
        `"side" must be RIGHT (the new version) or LEFT (the old version), not ${JSON.stringify(side)}.`
      )
    }
    const body = requiredString(input, 'body')
    if (body.trim() === '') throw new ToolInputError('"body" must say what the finding is.')
    if (body.length > MAX_FINDING_BODY_CHARS) {
      throw new ToolInputError(
        `"body" is ${body.length} characters; keep a finding under ${MAX_FINDING_BODY_CHARS}.`
      )
    }
    const suggestion = optionalString(input, 'suggestion')
    if (suggestion !== undefined && side === 'LEFT') {
      throw new ToolInputError(
        '"suggestion" replaces lines of the new version, so it needs side RIGHT; describe a ' +
          'change to deleted lines in "body" instead.'
      )
    }
    if (suggestion !== undefined && suggestion.length > MAX_SUGGESTION_CHARS) {
      throw new ToolInputError(
        `"suggestion" is ${suggestion.length} characters, over ${MAX_SUGGESTION_CHARS}; suggest ` +
          'a smaller change or describe it in "body".'
      )
    }
    return {
      file_path: filePath,
      line,
      // A range of one line is a single-line finding: GitHub refuses start_line equal to line.
      ...(startLine !== undefined && startLine < line ? { start_line: startLine } : {}),
      side,
      body,
      ...(suggestion !== undefined ? { suggestion } : {})
    }
  },
  execute: recordFinding
}

/**
 * The path as the pull request names it: relative, `/`-separated, without `./`. An absolute path
 * or one with `..` cannot name a file of the pull request, so it is refused rather than guessed.
 */
function reviewPath(raw: string): string {
  if (raw.includes('\0')) throw new ToolInputError('"file_path" contains a NUL byte.')
  const slashed = raw.replace(/\\/g, '/')
  if (posix.isAbsolute(slashed) || /^[A-Za-z]:\//.test(slashed)) {
    throw new ToolInputError(
      `"file_path" must be relative to the workspace root, as the pull request lists it ` +
        `(e.g. src/app.ts), not ${JSON.stringify(raw)}.`
    )
  }
  const normalised = posix.normalize(slashed).replace(/^(\.\/)+/, '')
  if (normalised === '..' || normalised.startsWith('../') || slashed.split('/').includes('..')) {
    throw new ToolInputError(
      `"file_path" must not contain "..": give the file's path from the workspace root.`
    )
  }
  if (normalised === '.' || normalised === '' || normalised.endsWith('/')) {
    throw new ToolInputError('"file_path" must name a file, e.g. src/app.ts.')
  }
  return normalised
}

function recordFinding(input: ReviewCommentInput, context: ToolContext): Promise<ToolResult> {
  const review = context.review
  if (review === undefined) {
    return Promise.resolve({
      content: 'ReviewComment is only available when reviewing a pull request.',
      is_error: true
    })
  }
  if (review.findings.length >= MAX_FINDINGS) {
    return Promise.resolve({
      content:
        `Not recorded: this review already has ${MAX_FINDINGS} findings, the most it takes. ` +
        'Finish with your summary, mentioning anything important that is left.',
      is_error: true
    })
  }
  const finding: ReviewFinding = {
    path: input.file_path,
    line: input.line,
    side: input.side,
    body: input.body
  }
  if (input.start_line !== undefined) finding.startLine = input.start_line
  if (input.suggestion !== undefined) finding.suggestion = input.suggestion
  review.findings.push(finding)

  const start = finding.startLine ?? finding.line
  const lines = start === finding.line ? `${finding.line}` : `${start}-${finding.line}`
  const version = finding.side === 'LEFT' ? 'old version' : 'new version'
  const where = `${finding.path}:${lines} (${version})`
  const number = review.findings.length
  if (review.isInDiff?.(finding.path, finding.side, start, finding.line) === false) {
    return Promise.resolve({
      content:
        `Recorded finding ${number} on ${where}, but these lines are not all in one hunk of the ` +
        "pull request's diff, so it will be listed in the review's summary instead of inline. " +
        'To comment inline, use lines the diff shows on that side (changed lines and the ' +
        'context around them).'
    })
  }
  return Promise.resolve({
    content: `Recorded finding ${number} on ${where}; it is posted with the review when you finish.`
  })
}
