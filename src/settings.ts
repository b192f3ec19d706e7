/**
 * The action's inputs, read once and checked once. `getSettings()` is the only caller of
 * `core.getInput` in the action: everything downstream takes the typed `Settings` it returns.
 */
import * as core from '@actions/core'
import {
  API_KEY_ENVIRONMENT_VARIABLE,
  Defaults,
  Inputs,
  PHASES,
  type InputName,
  type Phase
} from './constants.js'
import { UserError } from './errors.js'
import { TASK_NAMES, type TaskName } from './policy/types.js'

export interface Settings {
  /**
   * Anthropic API key: the `anthropic-api-key` input, or the `ANTHROPIC_API_KEY` environment
   * variable when the input is empty (so a workflow can set it once in `env:`). Empty when
   * neither is set; only a phase that calls the model needs it. Masked in logs.
   */
  anthropicApiKey: string
  /** Token for GitHub API calls and pushes (`github-token`, default `${{ github.token }}`). Masked. */
  githubToken: string
  /** Workspace-relative path of the policy file (`policy`, default `.github/claw.yml`). */
  policyPath: string
  /** Comment prefix that starts a run, such as `/claw` (`trigger`). */
  trigger: string
  /** Task forced by the workflow (`task`); undefined means: choose the task from the event. */
  task: TaskName | undefined
  /** Extra instructions for the agent (`prompt`); empty when not given. */
  prompt: string
  /** Anthropic model id (`model`, default `claude-sonnet-4-5`). */
  model: string
  /** Turn cap (`max-turns`); undefined means the policy's `limits.max-turns`. */
  maxTurns: number | undefined
  /** Cost cap in US dollars (`max-cost-usd`); undefined means the policy's `limits.max-cost-usd`. */
  maxCostUsd: number | undefined
  /** Wall-clock cap of the agent (`timeout-minutes`); undefined means the policy's limit. */
  timeoutMinutes: number | undefined
  /** Start of every branch the action creates (`branch-prefix`, default `claw/`). */
  branchPrefix: string
  /** Whether delivery opens a pull request for a pushed branch (`open-pr`, default true). */
  openPullRequest: boolean
  /**
   * Bot logins that may trigger a run besides users with write access (`allowed-bots`, comma or
   * newline separated), as written: GitHub logins are case-insensitive, so compare them that way.
   */
  allowedBots: string[]
  /**
   * A label that starts a fix when an issue is opened with it or labeled with it
   * (`label-trigger`), as written; GitHub compares label names case-insensitively, and so does
   * the event plan. Empty when not set: labels start nothing.
   */
  labelTrigger: string
  /** Which part of the run this job does (`phase`, default `all`). */
  phase: Phase
  /**
   * Most repairs claw makes in a row on one branch (`repair-attempts`, default 2): a failure of
   * a commit that is the last of that many claw repairs is not repaired again.
   */
  repairAttempts: number
}

/** Reads one raw input by its kebab-case name; an input that is not set reads as ''. */
export type InputReader = (name: InputName) => string

export interface ParseOptions {
  /** Environment to take the API key from when the input is empty. Default: none. */
  environment?: Readonly<Record<string, string | undefined>>
  /**
   * Called with each secret before anything else happens, so that the runner masks it in every
   * later log line, error message included. `getSettings` passes `core.setSecret`.
   */
  mask?: (secret: string) => void
}

/** Reads the inputs from the runner's environment (`INPUT_<NAME>`), masks the secrets, checks them. */
export function getSettings(): Settings {
  return parseSettings(name => core.getInput(name), {
    environment: process.env,
    mask: secret => core.setSecret(secret)
  })
}

/**
 * Turns raw inputs into `Settings`. Pure apart from `options.mask`. Throws one `UserError` for
 * the first bad input, naming the input, quoting the value and saying what was expected.
 */
export function parseSettings(read: InputReader, options: ParseOptions = {}): Settings {
  const input = (name: InputName): string => read(name).trim()

  // Mask first: a later error message or debug line must never be able to print a secret.
  const anthropicApiKey =
    input(Inputs.AnthropicApiKey) ||
    (options.environment?.[API_KEY_ENVIRONMENT_VARIABLE] ?? '').trim()
  const githubToken = input(Inputs.GithubToken)
  for (const secret of [anthropicApiKey, githubToken]) {
    if (secret !== '') options.mask?.(secret)
  }

  return {
    anthropicApiKey,
    githubToken,
    policyPath: input(Inputs.Policy) || Defaults.Policy,
    trigger: parseTrigger(input(Inputs.Trigger)),
    task: parseTask(input(Inputs.Task)),
    prompt: input(Inputs.Prompt),
    model: parseModel(input(Inputs.Model)),
    maxTurns: parsePositiveInteger(Inputs.MaxTurns, input(Inputs.MaxTurns)),
    maxCostUsd: parsePositiveNumber(
      Inputs.MaxCostUsd,
      input(Inputs.MaxCostUsd),
      'a positive number of US dollars, such as 2.50'
    ),
    timeoutMinutes: parsePositiveNumber(
      Inputs.TimeoutMinutes,
      input(Inputs.TimeoutMinutes),
      'a positive number of minutes, such as 20'
    ),
    branchPrefix: parseBranchPrefix(input(Inputs.BranchPrefix)),
    openPullRequest: parseBoolean(Inputs.OpenPr, input(Inputs.OpenPr), Defaults.OpenPr),
    allowedBots: parseAllowedBots(input(Inputs.AllowedBots)),
    labelTrigger: parseLabelTrigger(input(Inputs.LabelTrigger)),
    phase: parsePhase(input(Inputs.Phase)),
    repairAttempts:
      parsePositiveInteger(Inputs.RepairAttempts, input(Inputs.RepairAttempts)) ??
      Defaults.RepairAttempts
  }
}

/** The settings as one debug line, with the secrets replaced by whether they are set. */
export function describeSettings(settings: Settings): string {
  return JSON.stringify({
    ...settings,
    anthropicApiKey: settings.anthropicApiKey === '' ? 'not set' : 'set',
    githubToken: settings.githubToken === '' ? 'not set' : 'set'
  })
}

function invalid(name: InputName, value: string, expected: string): UserError {
  return new UserError(`Input "${name}" must be ${expected}, got "${value}".`)
}

function parsePositiveInteger(name: InputName, value: string): number | undefined {
  if (value === '') return undefined
  const number = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number <= 0) {
    throw invalid(name, value, 'a positive whole number')
  }
  return number
}

function parsePositiveNumber(name: InputName, value: string, expected: string): number | undefined {
  if (value === '') return undefined
  // A plain decimal only: Number() alone would also take "0x10", "1e3" and "Infinity".
  const number = Number(value)
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(value) || !Number.isFinite(number) || number <= 0) {
    throw invalid(name, value, expected)
  }
  return number
}

// The YAML 1.2 core schema booleans, the same set `core.getBooleanInput` takes, with our own error.
const TRUE_VALUES = ['true', 'True', 'TRUE']
const FALSE_VALUES = ['false', 'False', 'FALSE']

function parseBoolean(name: InputName, value: string, fallback: boolean): boolean {
  if (value === '') return fallback
  if (TRUE_VALUES.includes(value)) return true
  if (FALSE_VALUES.includes(value)) return false
  throw invalid(name, value, '"true" or "false"')
}

function parsePhase(value: string): Phase {
  if (value === '') return Defaults.Phase
  const phase = PHASES.find(candidate => candidate === value)
  if (phase === undefined) throw invalid(Inputs.Phase, value, `one of ${PHASES.join(', ')}`)
  return phase
}

function parseTask(value: string): TaskName | undefined {
  if (value === '') return undefined
  const task = TASK_NAMES.find(candidate => candidate === value)
  if (task === undefined) {
    throw invalid(
      Inputs.Task,
      value,
      `empty (to choose the task from the event) or one of ${TASK_NAMES.join(', ')}`
    )
  }
  return task
}

const MODEL_PATTERN = /^[a-z0-9][a-z0-9.\-_:@]*$/i

function parseModel(value: string): string {
  if (value === '') return Defaults.Model
  if (!MODEL_PATTERN.test(value)) {
    throw invalid(Inputs.Model, value, `a model id such as "${Defaults.Model}"`)
  }
  return value
}

function parseTrigger(value: string): string {
  if (value === '') return Defaults.Trigger
  if (/\s/.test(value)) {
    throw invalid(Inputs.Trigger, value, `one word without spaces, such as "${Defaults.Trigger}"`)
  }
  return value
}

function parseBranchPrefix(value: string): string {
  if (value === '') return Defaults.BranchPrefix
  // The rules of `git check-ref-format` that a prefix alone can break.
  const bad =
    /[\s~^:?*[\\]/.test(value) ||
    [...value].some(character => character < ' ' || character === '\u007f') ||
    value.includes('..') ||
    value.includes('@{') ||
    value.includes('//') ||
    value.startsWith('/') ||
    value.startsWith('-') ||
    value.startsWith('.') ||
    value.includes('/.')
  if (bad) {
    throw invalid(
      Inputs.BranchPrefix,
      value,
      `a valid start of a git branch name, such as "${Defaults.BranchPrefix}"`
    )
  }
  return value
}

// A GitHub login (letters, digits, inner hyphens), optionally with the `[bot]` suffix apps carry.
const LOGIN_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\[bot\])?$/i

function parseAllowedBots(value: string): string[] {
  const logins = value
    .split(/[,\n]/)
    .map(login => login.trim())
    .filter(login => login !== '')
  for (const login of logins) {
    if (!LOGIN_PATTERN.test(login)) {
      throw new UserError(
        `Input "${Inputs.AllowedBots}" must be GitHub logins separated by commas or new lines, ` +
          `such as "dependabot[bot], renovate[bot]", got "${login}" in it.`
      )
    }
  }
  return logins
}

function parseLabelTrigger(value: string): string {
  // A label name is one line; several on separate lines look like a list, which would never match.
  if (/[\r\n]/.test(value)) {
    throw invalid(Inputs.LabelTrigger, value, 'the name of one label, such as "claw"')
  }
  return value
}
