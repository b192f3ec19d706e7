/**
 * The ready workflows in examples/workflows/ (one per job) and the README's workflow snippets:
 * valid for GitHub, using only inputs action.yml declares, with the least token permissions each
 * job needs, one run at a time per issue, pull request or branch, and no runner started for a
 * comment that cannot hold a command.
 *
 * Validity is checked against GitHub's own workflow schema, the file `workflow-v1.0.min.json`
 * that @actions/workflow-parser (GitHub's parser, used by the Actions language server) ships, and
 * with that package's converters for events, jobs, `if:` conditions and concurrency. The schema is
 * read from the file rather than through the package's index, whose JSON import without an import
 * attribute Jest only tolerates with a deprecation warning.
 *
 * The `if:` conditions are evaluated with @actions/expressions, the expression engine that
 * package depends on (installed with it, at the same version).
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { Evaluator, Lexer, Parser, data } from '@actions/expressions'
import { truthy } from '@actions/expressions/result'
import { convertConcurrency } from '@actions/workflow-parser/model/converter/concurrency'
import { convertOn } from '@actions/workflow-parser/model/converter/events'
import { handleTemplateTokenErrors } from '@actions/workflow-parser/model/converter/handle-errors'
import { convertJobs } from '@actions/workflow-parser/model/converter/jobs'
import { JSONObjectReader } from '@actions/workflow-parser/templates/json-object-reader'
import { TemplateSchema } from '@actions/workflow-parser/templates/schema/template-schema'
import {
  TemplateContext,
  TemplateValidationErrors
} from '@actions/workflow-parser/templates/template-context'
import { readTemplate } from '@actions/workflow-parser/templates/template-reader'
import { NoOperationTraceWriter } from '@actions/workflow-parser/templates/trace-writer'
import { YamlObjectReader } from '@actions/workflow-parser/workflows/yaml-object-reader'
import { REPOSITORY_ROOT } from '../fixtures/runner.js'

// ---------------------------------------------------------------------------------------------
// Validation against GitHub's workflow schema

const SCHEMA_FILE = join(
  REPOSITORY_ROOT,
  'node_modules',
  '@actions',
  'workflow-parser',
  'dist',
  'workflow-v1.0.min.json'
)
/** The root definition GitHub reads a workflow file with (`WORKFLOW_ROOT` in the package). */
const WORKFLOW_ROOT = 'workflow-root-strict'

const schema = TemplateSchema.load(
  new JSONObjectReader(undefined, readFileSync(SCHEMA_FILE, 'utf8'))
)

/**
 * What GitHub's parser says is wrong with a workflow file: its `parseWorkflow` (YAML, then the
 * schema: keys, types, allowed values, expressions and the contexts they may use) and the checks
 * `convertWorkflowTemplate` adds for `on`, `jobs` (with every `if:`) and `concurrency`.
 */
function workflowErrors(name: string, content: string): string[] {
  const context = new TemplateContext(
    new TemplateValidationErrors(),
    schema,
    new NoOperationTraceWriter()
  )
  const fileId = context.getFileId(name)
  const reader = new YamlObjectReader(fileId, content)
  if (reader.errors.length > 0) return reader.errors.map(error => error.message)
  const root = readTemplate(context, WORKFLOW_ROOT, reader, fileId)
  if (root === undefined) return ['the file holds no workflow']
  if (context.errors.getErrors().length === 0) {
    for (const item of root.assertMapping('root')) {
      const key = item.key.assertString('root key').value
      if (key === 'on')
        handleTemplateTokenErrors(root, context, {}, () => convertOn(context, item.value))
      if (key === 'jobs')
        handleTemplateTokenErrors(root, context, [], () => convertJobs(context, item.value))
      if (key === 'concurrency') {
        handleTemplateTokenErrors(root, context, {}, () => convertConcurrency(context, item.value))
      }
    }
  }
  return context.errors.getErrors().map(error => error.message)
}

// ---------------------------------------------------------------------------------------------
// The files

interface Step {
  name?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
}
interface Job {
  if?: string
  'runs-on'?: string
  permissions?: Record<string, string> | string
  concurrency?: { group: string; 'cancel-in-progress'?: boolean } | string
  steps?: Step[]
}
interface Workflow {
  name?: string
  on: Record<string, unknown>
  permissions?: Record<string, string> | string
  concurrency?: unknown
  jobs: Record<string, Job>
}

const CLAW = 'your-org/claw@v0'
const CHECKOUT = 'actions/checkout@v5'

const actionInputs = Object.keys(
  (parse(readFileSync(join(REPOSITORY_ROOT, 'action.yml'), 'utf8')) as { inputs: object }).inputs
)

const folder = join(REPOSITORY_ROOT, 'examples', 'workflows')
const readme = readFileSync(join(REPOSITORY_ROOT, 'README.md'), 'utf8')

function load(file: string): { text: string; workflow: Workflow } {
  const text = readFileSync(join(folder, file), 'utf8')
  return { text, workflow: parse(text) as Workflow }
}

function steps(workflow: Workflow): Step[] {
  return Object.values(workflow.jobs).flatMap(job => job.steps ?? [])
}

function clawSteps(workflow: Workflow): Step[] {
  return steps(workflow).filter(step => step.uses === CLAW)
}

/** The only job of an example (each runs one). */
function onlyJob(workflow: Workflow): Job {
  const jobs = Object.values(workflow.jobs)
  expect(jobs).toHaveLength(1)
  return jobs[0] as Job
}

/**
 * What each example is: its triggers, and the token permissions its job needs, no more
 * (README, "Permissions"). `checks: read` is the optional one: the CI status of a pull request's
 * head, given to the agent.
 */
const EXAMPLES = {
  'claw-fix.yml': {
    on: {
      issue_comment: { types: ['created'] },
      pull_request_review_comment: { types: ['created'] }
    },
    permissions: {
      contents: 'write', // the fix branch, or commits on the pull request's branch
      'pull-requests': 'write', // the pull request; comments on pull requests
      issues: 'write', // the progress comment on an issue, replies to refused commands
      actions: 'read', // the earlier session's artifact
      checks: 'read'
    },
    history: true,
    comments: true
  },
  'claw-review.yml': {
    on: {
      pull_request: { types: ['opened', 'synchronize', 'ready_for_review', 'reopened'] },
      issue_comment: { types: ['created'] }
    },
    permissions: {
      contents: 'read', // the pull request's head
      'pull-requests': 'write', // the review and the progress comment
      actions: 'read', // the earlier session's artifact, for `/claw review`
      checks: 'read'
    },
    history: false,
    comments: true
  },
  'claw-docs.yml': {
    on: {
      schedule: [{ cron: '0 6 * * 1' }],
      workflow_dispatch: {
        inputs: {
          instructions: {
            description: 'Extra instructions for this refresh (optional)',
            required: false,
            default: ''
          }
        }
      }
    },
    permissions: {
      contents: 'write', // claw/docs-refresh
      'pull-requests': 'write' // the rolling pull request
    },
    history: true,
    comments: false
  },
  'claw-repair.yml': {
    on: { workflow_run: { workflows: ['CI'], types: ['completed'] } },
    permissions: {
      contents: 'write', // the repair
      'pull-requests': 'write', // the pull request for a failure on the default branch
      actions: 'read' // the failed jobs' logs
    },
    history: true,
    comments: false
  }
} as const

const NAMES = Object.keys(EXAMPLES) as (keyof typeof EXAMPLES)[]

describe('examples/workflows/', () => {
  it('holds one workflow per job, and nothing else', () => {
    expect(readdirSync(folder).sort()).toEqual([...NAMES].sort())
  })

  // A check that cannot fail checks nothing: the validation reports what GitHub would refuse.
  it("reports what GitHub's schema refuses", () => {
    expect(existsSync(SCHEMA_FILE)).toBe(true)
    const broken = [
      'on:',
      '  issue_comment:',
      '    types: [written]', // not an activity of issue_comment
      'permissions:',
      '  content: write', // no such permission
      '  issues: admin', // no such level
      'jobs:',
      '  fix:',
      '    runs-on: ubuntu-latest',
      '    concurrency:',
      '      cancel-in-progress: false', // no group
      '    steps:',
      '      - run: echo hello',
      '        timeout: 5', // `timeout-minutes`
      '      - uses: your-org/claw@v0',
      '        with:',
      '          anthropic-api-key: ${{ secret.ANTHROPIC_API_KEY }}' // `secrets`
    ].join('\n')
    const errors = workflowErrors('broken.yml', broken).join('\n')
    for (const expected of [
      "(Line: 3, Col: 13): Unexpected value 'written'",
      "(Line: 5, Col: 3): Unexpected value 'content'",
      "(Line: 6, Col: 11): Unexpected value 'admin'",
      '(Line: 11, Col: 7): Required property is missing: group',
      "(Line: 14, Col: 9): Unexpected value 'timeout'",
      "Unrecognized named-value: 'secret'"
    ]) {
      expect(errors).toContain(expected)
    }
  })

  it('reports what GitHub refuses in a schedule and in an if: condition', () => {
    const broken = [
      'on:',
      '  schedule:',
      "    - cron: 'every monday'",
      'jobs:',
      '  fix:',
      "    if: contains(github.event.comment.body, '/claw'",
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo hello'
    ].join('\n')
    const errors = workflowErrors('broken.yml', broken).join('\n')
    expect(errors).toContain("Invalid cron expression. Expected format: '* * * * *'")
    expect(errors).toContain("(Line: 6, Col: 9): Unexpected symbol: 'EOF'")
  })
})

describe.each(NAMES)('examples/workflows/%s', file => {
  const expected = EXAMPLES[file]
  const { text, workflow } = load(file)
  const job = onlyJob(workflow)

  it("is valid for GitHub's workflow schema", () => {
    expect(workflowErrors(file, text)).toEqual([])
  })

  it('starts on the events of its job', () => {
    expect(workflow.on).toEqual(expected.on)
  })

  it('runs the action once, with inputs action.yml declares and the key from a secret', () => {
    const claw = clawSteps(workflow)
    expect(claw).toHaveLength(1)
    const inputs = claw[0]?.with ?? {}
    for (const key of Object.keys(inputs))
      expect([key, actionInputs.includes(key)]).toEqual([key, true])
    expect(inputs['anthropic-api-key']).toBe('${{ secrets.ANTHROPIC_API_KEY }}')
  })

  it('checks out without persisting the token, with the history where claw pushes', () => {
    const checkout = steps(workflow).filter(step => step.uses?.startsWith('actions/checkout@'))
    expect(checkout.map(step => step.uses)).toEqual([CHECKOUT])
    const options = checkout[0]?.with ?? {}
    expect(options['persist-credentials']).toBe(false)
    expect(options['fetch-depth']).toBe(expected.history ? 0 : undefined)
    // The checkout comes first: claw refuses a workspace changed before it starts.
    expect(job.steps?.[0]?.uses).toBe(CHECKOUT)
  })

  it('grants the token exactly the permissions its job needs', () => {
    // Declared once, for the workflow, as a mapping: never `write-all` or `read-all`.
    expect(typeof workflow.permissions).toBe('object')
    expect(job.permissions).toBeUndefined()
    expect(workflow.permissions).toEqual(expected.permissions)
    expect(text).not.toMatch(/write-all|read-all/)
  })

  it('runs one job at a time per issue, pull request or branch, never cancelling one', () => {
    // On the job, not the workflow: a run whose job `if:` skips (an unrelated comment, a green
    // CI run) then never joins the group, so it cannot push out a waiting run that has work.
    expect(workflow.concurrency).toBeUndefined()
    expect(typeof job.concurrency).toBe('object')
    const concurrency = job.concurrency as { group: string; 'cancel-in-progress'?: boolean }
    expect(concurrency['cancel-in-progress']).toBe(false)
    expect(concurrency.group).toMatch(/^claw-/)
  })

  it('has a time limit', () => {
    expect(job['runs-on']).toBe('ubuntu-latest')
    expect(typeof (job as { 'timeout-minutes'?: number })['timeout-minutes']).toBe('number')
  })

  // `${{ }}` in a `run:` script is pasted into the shell before it runs: text from the event (a
  // comment, a branch name) would run as code. Values reach scripts through `env:` instead.
  it('puts no expression into a run script', () => {
    for (const step of steps(workflow)) {
      if (step.run !== undefined) expect(step.run).not.toContain('${{')
    }
  })

  it('is linked from the README', () => {
    const link = `](examples/workflows/${file})`
    expect([link, readme.includes(link)]).toEqual([link, true])
  })

  if (expected.comments) {
    it('starts a runner only for a comment that can hold a command', () => {
      expect(job.if).toBeDefined()
      // The action finds its command at the start of any line: `contains`, not `startsWith`, is
      // the filter for "any command"; `startsWith` only routes `/claw review` (see below).
      if (file === 'claw-fix.yml') {
        expect(job.if).toContain("contains(github.event.comment.body, '/claw')")
      }
      expect(job.if).toMatch(/github\.event\.comment\.body, '\/claw/)
    })
  }
})

// ---------------------------------------------------------------------------------------------
// What the `if:` conditions and concurrency groups do, evaluated as the runner would

const REPOSITORY = 'octo-org/octo-repo'
const FORK = 'someone/octo-repo'

/** The part of the `github` context the examples' expressions read. */
interface GitHubContext {
  event_name: string
  repository: string
  event: object
}

function evaluate(expression: string, github: GitHubContext): data.ExpressionData {
  const parser = new Parser(new Lexer(expression).lex().tokens, ['github', 'inputs'], [])
  const context = JSON.parse(JSON.stringify({ github }), data.reviver) as data.Dictionary
  return new Evaluator(parser.parse(), context).evaluate()
}

/** Whether the workflow runs on this event and its job's `if:` (absent: true) lets it start. */
function starts(file: keyof typeof EXAMPLES, github: GitHubContext): boolean {
  const { workflow } = load(file)
  if (!(github.event_name in workflow.on)) return false
  const condition = onlyJob(workflow).if
  if (condition === undefined) return true
  return truthy(evaluate(condition, github))
}

/** The concurrency group for this event: the `${{ }}` parts evaluated. */
function group(file: keyof typeof EXAMPLES, github: GitHubContext): string {
  const concurrency = onlyJob(load(file).workflow).concurrency as { group: string }
  return concurrency.group.replace(/\$\{\{(.*?)\}\}/g, (_match, expression: string) =>
    evaluate(expression, github).coerceString()
  )
}

function comment(body: string, on: 'issue' | 'pull_request'): GitHubContext {
  const issue = { number: 42, ...(on === 'pull_request' ? { pull_request: { url: 'u' } } : {}) }
  return {
    event_name: 'issue_comment',
    repository: REPOSITORY,
    event: { action: 'created', issue, comment: { body } }
  }
}

function reviewThreadComment(body: string, head = REPOSITORY): GitHubContext {
  return {
    event_name: 'pull_request_review_comment',
    repository: REPOSITORY,
    event: {
      action: 'created',
      pull_request: { number: 7, head: { repo: { full_name: head } } },
      comment: { body }
    }
  }
}

function pullRequest(
  action: string,
  options: { draft?: boolean; head?: string } = {}
): GitHubContext {
  return {
    event_name: 'pull_request',
    repository: REPOSITORY,
    event: {
      action,
      pull_request: {
        number: 7,
        draft: options.draft ?? false,
        head: { repo: { full_name: options.head ?? REPOSITORY } }
      }
    }
  }
}

function workflowRun(conclusion: string, head = REPOSITORY, branch = 'feature/x'): GitHubContext {
  return {
    event_name: 'workflow_run',
    repository: REPOSITORY,
    event: {
      action: 'completed',
      workflow_run: {
        conclusion,
        head_branch: branch,
        head_repository: { full_name: head }
      }
    }
  }
}

describe('the comment workflows share the commands: each command starts one run', () => {
  // Which example starts for a comment: fix answers every command but a pull request comment that
  // starts with `/claw review`, which review takes. Never both, and never one for a plain comment.
  it.each([
    ['/claw fix', 'issue', ['claw-fix.yml']],
    ['/claw fix the off-by-one', 'pull_request', ['claw-fix.yml']],
    ['Thanks!\n\n/claw make the error message name the file', 'issue', ['claw-fix.yml']],
    ['/claw ask why is this slow?', 'pull_request', ['claw-fix.yml']],
    ['/claw approve', 'pull_request', ['claw-fix.yml']],
    ['/claw review', 'pull_request', ['claw-review.yml']],
    ['/CLAW Review please look at the parser', 'pull_request', ['claw-review.yml']],
    // On an issue, claw answers that reviews are for pull requests: fix's run sends that reply.
    ['/claw review', 'issue', ['claw-fix.yml']],
    // Not at the start: the action finds the first command line, so fix's run does the review.
    ['LGTM so far.\n/claw review', 'pull_request', ['claw-fix.yml']],
    ['Looks good to me', 'pull_request', []],
    ['See the clawback clause', 'issue', []]
  ] as const)('%j on an %s', (body, on, expected) => {
    const github = comment(body, on)
    expect(NAMES.filter(file => starts(file, github))).toEqual(expected)
  })

  it('answers a command in a review thread from fix, and not on a fork (no secrets there)', () => {
    expect(NAMES.filter(file => starts(file, reviewThreadComment('/claw fix')))).toEqual([
      'claw-fix.yml'
    ])
    expect(NAMES.filter(file => starts(file, reviewThreadComment('/claw fix', FORK)))).toEqual([])
    expect(NAMES.filter(file => starts(file, reviewThreadComment('nit: typo')))).toEqual([])
  })

  it('queues the runs of one issue or pull request together', () => {
    expect(group('claw-fix.yml', comment('/claw fix', 'issue'))).toBe('claw-fix-42')
    expect(group('claw-fix.yml', reviewThreadComment('/claw fix'))).toBe('claw-fix-7')
    expect(group('claw-review.yml', comment('/claw review', 'pull_request'))).toBe('claw-review-42')
    expect(group('claw-review.yml', pullRequest('synchronize'))).toBe('claw-review-7')
  })
})

describe('claw-review.yml', () => {
  it.each(['opened', 'synchronize', 'ready_for_review', 'reopened'])(
    'reviews a pull request %s from this repository',
    action => {
      expect(starts('claw-review.yml', pullRequest(action))).toBe(true)
    }
  )

  it("leaves drafts, and forks' pull requests (no secrets on pull_request), alone", () => {
    expect(starts('claw-review.yml', pullRequest('opened', { draft: true }))).toBe(false)
    expect(starts('claw-review.yml', pullRequest('opened', { head: FORK }))).toBe(false)
  })
})

describe('claw-repair.yml', () => {
  it("repairs only a failed run on this repository's branches, one branch at a time", () => {
    expect(starts('claw-repair.yml', workflowRun('failure'))).toBe(true)
    expect(starts('claw-repair.yml', workflowRun('success'))).toBe(false)
    expect(starts('claw-repair.yml', workflowRun('cancelled'))).toBe(false)
    expect(starts('claw-repair.yml', workflowRun('failure', FORK))).toBe(false)
    expect(group('claw-repair.yml', workflowRun('failure'))).toBe('claw-repair-feature/x')
  })
})

describe('claw-docs.yml', () => {
  it('runs the docs task, with the dispatch input as extra instructions', () => {
    const { workflow } = load('claw-docs.yml')
    // Without `task`, a dispatched `prompt` is the whole request and nothing is delivered.
    expect(clawSteps(workflow)[0]?.with).toMatchObject({
      task: 'docs',
      prompt: '${{ inputs.instructions }}'
    })
    expect(
      group('claw-docs.yml', { event_name: 'schedule', repository: REPOSITORY, event: {} })
    ).toBe('claw-docs')
  })
})

// ---------------------------------------------------------------------------------------------
// The README's snippets

/** The ```yaml blocks of the README that run the action. */
function readmeSnippets(): string[] {
  return [...readme.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)]
    .map(match => match[1] ?? '')
    .filter(block => block.includes(`uses: ${CLAW}`))
}

describe('README.md workflow snippets', () => {
  const snippets = readmeSnippets()

  it('include the quick start and the two-jobs workflow', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(2)
    expect(snippets.some(block => block.includes('# .github/workflows/claw.yml'))).toBe(true)
    expect(snippets.some(block => block.includes('phase: agent'))).toBe(true)
  })

  it.each(snippets.map((block, index) => [index + 1, block] as const))(
    "snippet %i is valid for GitHub's workflow schema and uses only real inputs",
    (index, block) => {
      expect(workflowErrors(`README snippet ${index}`, block)).toEqual([])
      const workflow = parse(block) as Workflow
      const claw = clawSteps(workflow)
      expect(claw.length).toBeGreaterThan(0)
      for (const step of claw) {
        for (const key of Object.keys(step.with ?? {})) {
          expect([key, actionInputs.includes(key)]).toEqual([key, true])
        }
      }
    }
  )
})
