/**
 * What the action does with its settings, decided before anything runs: skip with a reason, or
 * run the agent. Pure, so every branch is tested without a runner.
 */
import { API_KEY_ENVIRONMENT_VARIABLE, Inputs } from '../constants.js'
import { UserError } from '../errors.js'
import { EVENT_DRIVEN } from './event-driven.js'
import type { Settings } from '../settings.js'

export type RunPlan = { kind: 'skip'; reason: string } | { kind: 'agent' }

export function planRun(settings: Settings): RunPlan {
  if (settings.phase === 'deliver') {
    return {
      kind: 'skip',
      reason:
        'Phase "deliver" turns the outcome of an earlier "agent" job into GitHub writes; ' +
        'that arrives in a later release of claw, so there is nothing to deliver.'
    }
  }
  if (settings.prompt === '') {
    return {
      kind: 'skip',
      reason:
        `No "${Inputs.Prompt}" input was given, and this event is not one claw plans a task ` +
        `from (${[...EVENT_DRIVEN].join(', ')}), so there is nothing to do.`
    }
  }
  return { kind: 'agent' }
}

/**
 * Throws the error a user needs when a phase that calls the model has no key. Checked only once a
 * run is certain, not at start: a pull request from a fork gets no secrets, and a run that would
 * skip anyway must not fail for that.
 */
export function requireApiKey(settings: Settings): void {
  if (settings.anthropicApiKey !== '') return
  throw new UserError(
    `No Anthropic API key: the "${Inputs.AnthropicApiKey}" input is empty and ` +
      `${API_KEY_ENVIRONMENT_VARIABLE} is not set. Store the key as a repository secret ` +
      '(Settings > Secrets and variables > Actions > New repository secret, named ' +
      `${API_KEY_ENVIRONMENT_VARIABLE}) and pass it to the step with ` +
      `"${Inputs.AnthropicApiKey}: \${{ secrets.${API_KEY_ENVIRONMENT_VARIABLE} }}". ` +
      'Workflows triggered from a fork receive no secrets.'
  )
}
