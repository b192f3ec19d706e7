/** action.yml is the contract the runner reads: it must agree with src/constants.ts. */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { CONCLUSIONS, Defaults, Inputs, Outputs, PHASES } from '../../src/constants.js'
import { TASK_NAMES } from '../../src/policy/types.js'
import { REPOSITORY_ROOT } from '../fixtures/runner.js'

interface ActionManifest {
  name: string
  description: string
  branding: { icon: string; color: string }
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
  runs: Record<string, string>
}

const manifest = parse(readFileSync(join(REPOSITORY_ROOT, 'action.yml'), 'utf8')) as ActionManifest

describe('action.yml', () => {
  it('declares exactly the inputs of src/constants.ts, each described and optional', () => {
    expect(Object.keys(manifest.inputs).sort()).toEqual(Object.values(Inputs).sort())
    for (const [name, input] of Object.entries(manifest.inputs)) {
      expect([name, input.description.trim().length > 20]).toEqual([name, true])
      expect([name, input.required]).toEqual([name, false])
    }
  })

  it('declares exactly the outputs of src/constants.ts, each described', () => {
    expect(Object.keys(manifest.outputs).sort()).toEqual(Object.values(Outputs).sort())
    for (const [name, output] of Object.entries(manifest.outputs)) {
      expect([name, output.description.trim().length > 10]).toEqual([name, true])
    }
  })

  it('has the same defaults as the code, and none for the limits the policy sets', () => {
    const defaults = Object.fromEntries(
      Object.entries(manifest.inputs).map(([name, input]) => [name, input.default])
    )
    expect(defaults).toEqual({
      [Inputs.AnthropicApiKey]: undefined,
      [Inputs.GithubToken]: '${{ github.token }}',
      [Inputs.Policy]: Defaults.Policy,
      [Inputs.Trigger]: Defaults.Trigger,
      [Inputs.Task]: undefined,
      [Inputs.Prompt]: undefined,
      [Inputs.Model]: Defaults.Model,
      [Inputs.MaxTurns]: undefined,
      [Inputs.MaxCostUsd]: undefined,
      [Inputs.TimeoutMinutes]: undefined,
      [Inputs.BranchPrefix]: Defaults.BranchPrefix,
      [Inputs.OpenPr]: String(Defaults.OpenPr),
      [Inputs.AllowedBots]: undefined,
      [Inputs.LabelTrigger]: undefined,
      [Inputs.Phase]: Defaults.Phase,
      [Inputs.RepairAttempts]: String(Defaults.RepairAttempts)
    })
  })

  it('names every allowed value where users read them', () => {
    for (const conclusion of CONCLUSIONS) {
      expect(manifest.outputs[Outputs.Conclusion]?.description).toContain(conclusion)
    }
    for (const task of TASK_NAMES) expect(manifest.inputs[Inputs.Task]?.description).toContain(task)
    for (const phase of PHASES) expect(manifest.inputs[Inputs.Phase]?.description).toContain(phase)
  })

  // The runner evaluates expressions in descriptions too, and an unknown context there (such as
  // `secrets`) stops the action from loading at all.
  it('has no expression outside input defaults', () => {
    const texts = [
      manifest.name,
      manifest.description,
      ...Object.values(manifest.inputs).map(input => input.description),
      ...Object.values(manifest.outputs).map(output => output.description)
    ]
    for (const text of texts) expect(text).not.toContain('${{')
  })

  it('runs the bundled entries on node24, with a post step that always runs', () => {
    expect(manifest.runs).toEqual({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/post.js',
      'post-if': 'always()'
    })
  })

  it('has marketplace branding with a colour GitHub accepts', () => {
    expect(manifest.branding.icon).toMatch(/^[a-z-]+$/)
    expect([
      'white',
      'black',
      'yellow',
      'blue',
      'green',
      'orange',
      'red',
      'purple',
      'gray-dark'
    ]).toContain(manifest.branding.color)
  })
})
