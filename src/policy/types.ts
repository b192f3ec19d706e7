/** The policy file (`.github/claw.yml`) after parsing and validation. See docs/policy.md. */

export const TASK_NAMES = ['fix', 'review', 'docs', 'repair', 'ask'] as const
export type TaskName = (typeof TASK_NAMES)[number]

export type DecisionKind = 'allow' | 'ask' | 'deny'

/** Glob patterns (paths) or command patterns (bash) for each decision. */
export interface RuleSet {
  allow: string[]
  ask: string[]
  deny: string[]
}

export interface Rules {
  /** Read, Glob and Grep. */
  read: RuleSet
  /** Write and Edit. */
  write: RuleSet
  /** Every simple command of a Bash command line. */
  bash: RuleSet
  /** Whether Bash may use the network (enforced where the runner allows it). */
  network: boolean
}

export interface Limits {
  'max-turns': number
  'max-cost-usd': number
  'timeout-minutes': number
}

/**
 * How Bash is isolated from the action's process (docs/security.md): `preferred` isolates where
 * the machine allows it, `required` refuses to run where it does not, `off` never tries.
 */
export const ISOLATION_MODES = ['preferred', 'required', 'off'] as const
export type IsolationMode = (typeof ISOLATION_MODES)[number]

export interface Policy {
  version: 1
  defaults: Rules
  limits: Limits
  /** Top-level `isolation`; `preferred` when the file leaves it out. */
  isolation: IsolationMode
  /** A task's section replaces the same section of `defaults`. */
  tasks: Partial<Record<TaskName, Partial<Rules>>>
  /** Where the policy came from: a file path, or `built-in default`. */
  source: string
}

export type ToolName = 'Bash' | 'Read' | 'Write' | 'Edit' | 'Glob' | 'Grep' | 'ReviewComment'

/** The answer of the decision function, with what made it. */
export interface Decision {
  decision: DecisionKind
  /**
   * The rule that decided, e.g. `bash.allow: npm test`, `write.deny: .github/workflows/**`, or
   * `default: deny` when no rule matched; `confinement` when the path left the workspace.
   */
  rule: string
  /** One sentence for the model (and the session) saying why, and what it may do instead. */
  reason: string
}
