/**
 * Two-phase runs: the agent in one job with whatever token it has (read-only is enough), the
 * GitHub writes in a later job of the same workflow run with a write token.
 *
 * `phase: agent` runs the task up to its outcome and, instead of delivering it, uploads it as the
 * artifact `claw-outcome`: the working tree's changes as a patch against the commit the agent
 * started from, the review findings, the model's summary and the result. `phase: deliver` plans
 * the same event again, downloads that outcome, checks it, and delivers it as `phase: all` would:
 * - the patch must apply to the deliver job's checkout of the same commit;
 * - every file it touches must be allowed by the write rules of the policy on that checkout (the
 *   base branch's policy, not one the agent could have edited);
 * - review findings outside the diff go into the review body, as always.
 * The agent job never holds a write token, and nothing it produced reaches GitHub unchecked.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AgentTaskResult } from './run-agent-task.js'
import { UserError, errorMessage } from '../errors.js'
import { decide } from '../policy/decide.js'
import type { Policy, TaskName } from '../policy/types.js'
import type { ReviewFinding } from '../tools/review-comment.js'

/** The artifact the agent phase leaves for the deliver phase of the same workflow run. */
export const OUTCOME_ARTIFACT = 'claw-outcome'
const OUTCOME_FILE = 'outcome.json'
const PATCH_FILE = 'changes.patch'
const OUTCOME_VERSION = 1

export interface SavedOutcome {
  format: 'claw-outcome'
  version: number
  task: TaskName
  /** `<event>.<action>` of the plan, and its target's number (when it has one): checked again. */
  event: string
  targetNumber: number | undefined
  /** The commit the agent started from; the patch applies to it. */
  base: string
  summary: string
  result: AgentTaskResult
  findings: ReviewFinding[]
}

export interface LoadedOutcome {
  outcome: SavedOutcome
  /** The working tree's changes (`git diff --binary` text); empty when there are none. */
  patch: string
}

/** Writes the outcome and uploads it; throws a UserError a user can act on when it cannot. */
export async function saveOutcome(
  outcome: SavedOutcome,
  patch: string,
  env: NodeJS.ProcessEnv = process.env
): Promise<{ id: number; size: number }> {
  const directory = mkdtempSync(join(env['RUNNER_TEMP'] || tmpdir(), 'claw-outcome-'))
  writeFileSync(join(directory, OUTCOME_FILE), `${JSON.stringify(outcome, null, 2)}\n`)
  writeFileSync(join(directory, PATCH_FILE), patch)
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact')
    const uploaded = await new DefaultArtifactClient().uploadArtifact(
      OUTCOME_ARTIFACT,
      [join(directory, OUTCOME_FILE), join(directory, PATCH_FILE)],
      directory,
      { retentionDays: 1 }
    )
    if (uploaded.id === undefined) throw new Error('the artifact service returned no id')
    return { id: uploaded.id, size: uploaded.size ?? 0 }
  } catch (error) {
    throw new UserError(
      `The agent phase could not upload its outcome as the artifact "${OUTCOME_ARTIFACT}" (${errorMessage(error)}); the deliver phase will have nothing to deliver. Use phase "all" where artifacts are not available (GitHub Enterprise Server).`
    )
  }
}

/** Downloads the outcome the agent phase of this workflow run uploaded. */
export async function loadOutcome(env: NodeJS.ProcessEnv = process.env): Promise<LoadedOutcome> {
  const directory = mkdtempSync(join(env['RUNNER_TEMP'] || tmpdir(), 'claw-outcome-'))
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact')
    const client = new DefaultArtifactClient()
    const { artifact } = await client.getArtifact(OUTCOME_ARTIFACT)
    await client.downloadArtifact(artifact.id, { path: directory })
  } catch (error) {
    throw new UserError(
      `Phase "deliver" found no outcome to deliver: the artifact "${OUTCOME_ARTIFACT}" of this workflow run could not be downloaded (${errorMessage(error)}). Run a job with phase "agent" first, and make this job depend on it ("needs:").`
    )
  }
  const file = join(directory, OUTCOME_FILE)
  if (!existsSync(file)) {
    throw new UserError(`The "${OUTCOME_ARTIFACT}" artifact holds no ${OUTCOME_FILE}.`)
  }
  let outcome: SavedOutcome
  try {
    outcome = JSON.parse(readFileSync(file, 'utf8')) as SavedOutcome
  } catch (error) {
    throw new UserError(
      `The outcome in "${OUTCOME_ARTIFACT}" is not valid JSON: ${errorMessage(error)}`
    )
  }
  if (outcome.format !== 'claw-outcome' || outcome.version !== OUTCOME_VERSION) {
    throw new UserError(
      `The "${OUTCOME_ARTIFACT}" artifact holds an outcome of format ${String(outcome.format)} version ${String(outcome.version)}; this claw delivers version ${OUTCOME_VERSION}. Use the same claw version in both jobs.`
    )
  }
  const patchFile = join(directory, PATCH_FILE)
  return { outcome, patch: existsSync(patchFile) ? readFileSync(patchFile, 'utf8') : '' }
}

/** The files a `git diff` patch touches (both sides of renames), from its `diff --git` lines. */
export function patchedFiles(patch: string): string[] {
  const files = new Set<string>()
  for (const match of patch.matchAll(/^diff --git a\/(.+?) b\/(.+)$/gm)) {
    if (match[1] !== undefined) files.add(match[1])
    if (match[2] !== undefined) files.add(match[2])
  }
  for (const match of patch.matchAll(/^(?:rename|copy) (?:from|to) (.+)$/gm)) {
    if (match[1] !== undefined) files.add(match[1])
  }
  return [...files]
}

/**
 * Why the outcome must not be delivered here, or an empty list: a different event, target or
 * starting commit than this job's, or a file the write rules of this checkout's policy refuse.
 */
export function outcomeProblems(
  loaded: LoadedOutcome,
  expected: {
    task: TaskName
    event: string
    targetNumber: number | undefined
    head: string
    policy: Policy
    workspace: string
  }
): string[] {
  const { outcome } = loaded
  const problems: string[] = []
  if (outcome.task !== expected.task || outcome.event !== expected.event) {
    problems.push(
      `it is a ${outcome.task} for ${outcome.event}, and this job plans a ${expected.task} for ${expected.event}`
    )
  }
  if (outcome.targetNumber !== expected.targetNumber) {
    problems.push(
      `it is about #${String(outcome.targetNumber)}, and this job about #${String(expected.targetNumber)}`
    )
  }
  if (outcome.base !== expected.head) {
    problems.push(
      `it was made on ${outcome.base.slice(0, 12)}, and this job checked out ${expected.head.slice(0, 12)}`
    )
  }
  for (const file of patchedFiles(loaded.patch)) {
    const decision = decide(
      expected.policy,
      expected.task,
      { tool: 'Write', input: { file_path: file } },
      expected.workspace
    )
    if (decision.decision !== 'allow') {
      problems.push(
        `it changes ${file}, which the policy's write rules do not allow (${decision.rule})`
      )
    }
  }
  return problems
}
