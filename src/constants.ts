/**
 * Names the action shares with `action.yml` and with the runner: inputs, outputs, saved state,
 * and the defaults the inputs fall back to. Nothing else spells these as string literals, so a
 * rename is one edit here plus one in `action.yml` (tests/action/action-yml.test.ts checks that
 * the two agree).
 */

/** Action inputs, kebab-case as the official actions spell them. */
export const Inputs = {
  AnthropicApiKey: 'anthropic-api-key',
  GithubToken: 'github-token',
  Policy: 'policy',
  Trigger: 'trigger',
  Task: 'task',
  Prompt: 'prompt',
  Model: 'model',
  MaxTurns: 'max-turns',
  MaxCostUsd: 'max-cost-usd',
  TimeoutMinutes: 'timeout-minutes',
  BranchPrefix: 'branch-prefix',
  OpenPr: 'open-pr',
  AllowedBots: 'allowed-bots',
  LabelTrigger: 'label-trigger',
  Phase: 'phase',
  RepairAttempts: 'repair-attempts'
} as const
export type InputName = (typeof Inputs)[keyof typeof Inputs]

/** Action outputs. */
export const Outputs = {
  Conclusion: 'conclusion',
  Task: 'task',
  SessionFile: 'session-file',
  Branch: 'branch',
  PullRequest: 'pull-request',
  ReviewId: 'review-id',
  Turns: 'turns',
  CostUsd: 'cost-usd',
  InputTokens: 'input-tokens',
  OutputTokens: 'output-tokens'
} as const
export type OutputName = (typeof Outputs)[keyof typeof Outputs]

/** Keys main saves with `core.saveState` for the post step (`core.getState`). */
export const State = {
  /** Absolute path of the session transcript this run writes; the post step uploads it. */
  SessionFile: 'session-file',
  /**
   * The name(s) of the workflow artifact the post step uploads the session as, one per line
   * (src/session/artifact-store.ts `sessionArtifactName`); empty: no upload.
   */
  SessionArtifact: 'session-artifact',
  /**
   * The git credentials taken out of the repository's config for the agent run, sealed (see
   * src/action/credential-state.ts); empty once main has put them back. The post step restores
   * them when main was killed before it could.
   */
  Credentials: 'git-credentials'
} as const

/** Values of the `conclusion` output. */
export const CONCLUSIONS = ['success', 'failure', 'skipped', 'needs-approval'] as const
export type Conclusion = (typeof CONCLUSIONS)[number]

/**
 * Values of the `phase` input. `agent` runs the model and produces an outcome without GitHub
 * writes, `deliver` turns that outcome into GitHub writes, `all` does both in one job.
 */
export const PHASES = ['all', 'agent', 'deliver'] as const
export type Phase = (typeof PHASES)[number]

/**
 * Defaults of the inputs that have one. `action.yml` declares the same values (the runner fills
 * them in); they are repeated here so that an input set to an empty string, or the action run
 * outside a runner, behaves the same.
 */
export const Defaults = {
  Policy: '.github/claw.yml',
  Trigger: '/claw',
  Model: 'claude-sonnet-4-5',
  BranchPrefix: 'claw/',
  OpenPr: true,
  Phase: 'all',
  RepairAttempts: 2
} as const satisfies {
  Policy: string
  Trigger: string
  Model: string
  BranchPrefix: string
  OpenPr: boolean
  Phase: Phase
  RepairAttempts: number
}

/** Environment variable the API key falls back to when the `anthropic-api-key` input is empty. */
export const API_KEY_ENVIRONMENT_VARIABLE = 'ANTHROPIC_API_KEY'
