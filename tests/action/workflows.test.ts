/** The repository's own workflows: explicit permissions, and no template injection into scripts. */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { REPOSITORY_ROOT } from '../fixtures/runner.js'

interface Step {
  uses?: string
  run?: string
}
interface Workflow {
  on: unknown
  permissions?: Record<string, string>
  concurrency?: { group: string; 'cancel-in-progress': boolean }
  jobs: Record<string, { 'runs-on': string; permissions?: Record<string, string>; steps: Step[] }>
}

const folder = join(REPOSITORY_ROOT, '.github', 'workflows')
const workflows = readdirSync(folder)
  .filter(name => /\.ya?ml$/.test(name))
  .map(name => [name, parse(readFileSync(join(folder, name), 'utf8')) as Workflow] as const)

describe.each(workflows)('.github/workflows/%s', (_name, workflow) => {
  it('declares the token permissions it needs instead of the repository default', () => {
    expect(workflow.permissions).toBeDefined()
  })

  it('pins every action to a major version or a commit', () => {
    for (const step of Object.values(workflow.jobs).flatMap(job => job.steps)) {
      if (step.uses !== undefined)
        expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@(v\d+|[0-9a-f]{40})$/)
    }
  })

  // `${{ }}` in a `run:` script is pasted into the shell before it runs: text from the event
  // (a branch name, a title) would run as code. Values reach scripts through `env:` instead.
  it('puts no expression into a run script', () => {
    for (const step of Object.values(workflow.jobs).flatMap(job => job.steps)) {
      if (step.run !== undefined) expect(step.run).not.toContain('${{')
    }
  })
})

describe('.github/workflows/ci.yml', () => {
  const ci = workflows.find(([name]) => name === 'ci.yml')?.[1]

  it('grants the token read access to contents only', () => {
    expect(ci?.permissions).toEqual({ contents: 'read' })
    for (const job of Object.values(ci?.jobs ?? {})) expect(job.permissions).toBeUndefined()
  })

  it('runs on pushes to main and on pull requests, cancelling superseded runs', () => {
    expect(ci?.on).toEqual({ push: { branches: ['main'] }, pull_request: null })
    expect(ci?.concurrency?.['cancel-in-progress']).toBe(true)
  })

  it('checks format, lint, types and tests, and rebuilds dist/ to compare it', () => {
    const runs = Object.values(ci?.jobs ?? {}).flatMap(job => job.steps.map(step => step.run ?? ''))
    for (const command of [
      'npm ci',
      'npm run format:check',
      'npm run lint',
      'npm run typecheck',
      'npm test',
      'npm run bundle'
    ]) {
      expect(runs).toContain(command)
    }
    expect(runs.join('\n')).toContain('git status --porcelain -- dist/')
  })
})
