import type { ToolName } from '../policy/types.js'
import type { Isolation } from '../sandbox/isolation.js'

/** What a tool hands back to the model. `is_error` results tell the model how to proceed. */
export interface ToolResult {
  content: string
  is_error?: boolean
}

/** Everything a tool may use while it runs. Built once per run by the agent loop. */
export interface ToolContext {
  /** Absolute real path of the workspace root; every path a tool touches lies below it. */
  workspace: string
  /** Aborted when the call's wall-clock cap passes or the run is cancelled. */
  signal: AbortSignal
  /**
   * Absolute real paths of the files read in this session (with their content hash as read).
   * Write over an existing file and Edit require an entry: the model must see a file before it
   * changes it.
   */
  readFiles: Map<string, string>
  /** Whether the policy's read rules allow a workspace-relative path; Glob and Grep filter by it. */
  canRead(relativePath: string): boolean
  /** The environment for child processes (an allow-list: never the action's secrets). */
  childEnv: NodeJS.ProcessEnv
  /**
   * How Bash commands are kept from the action's process (PID, mount and network namespaces),
   * probed once per run; `NO_ISOLATION` runs them as plain children.
   */
  isolation: Isolation
  /** Where ReviewComment records findings; present only in a run that reviews a pull request. */
  review?: ReviewCollector
}

/**
 * One finding of a review, on lines of the pull request's new version (`RIGHT`) or old version
 * (`LEFT`). Defined here rather than beside the tool so that this module imports no tool.
 */
export interface ReviewFinding {
  /** Workspace-relative, `/`-separated: the path as the pull request's file list names it. */
  path: string
  /** The last (or only) line. */
  line: number
  /** The first line of a multi-line finding (below `line`). */
  startLine?: number
  side: 'RIGHT' | 'LEFT'
  /** Markdown written by the model. */
  body: string
  /** Replacement text for lines `startLine..line` (RIGHT only). */
  suggestion?: string
}

/** The findings of one run, and how to tell whether lines can carry an inline comment. */
export interface ReviewCollector {
  findings: ReviewFinding[]
  /** False when the lines are not all in one hunk of the diff (the finding goes to the body). */
  isInDiff?: (path: string, side: 'RIGHT' | 'LEFT', startLine: number, line: number) => boolean
}

/** Thrown by `parse` when the model sent a bad input; the message tells the model how to fix it. */
export class ToolInputError extends Error {
  override name = 'ToolInputError'
}

export interface Tool<Input = unknown> {
  name: ToolName
  /** Told to the model; short, because it is paid for on every turn (but cached). */
  description: string
  /** JSON Schema of the input; each field has a description for the model. */
  inputSchema: Record<string, unknown>
  /** Read-only tools in one turn run concurrently. */
  readOnly: boolean
  /** Checks and normalises the raw input; throws ToolInputError. */
  parse(input: unknown): Input
  execute(input: Input, context: ToolContext): Promise<ToolResult>
}
