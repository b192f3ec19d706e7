import { describe, it, expect } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { UserError } from '../../src/errors.js'
import {
  DEFAULT_POLICY,
  PolicyError,
  loadPolicyFile,
  parsePolicy,
  policyDigest,
  type PolicyProblem
} from '../../src/policy/load.js'
import { rulesFor } from '../../src/policy/rules.js'

const SAMPLE = 'tests/fixtures/policies/sample.yml'

/** The problems `parsePolicy` reports, as `LINE:COL: message` strings. */
function problemsOf(text: string): string[] {
  try {
    parsePolicy(text, 'claw.yml')
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toBe(
      error.problems.map(p => `claw.yml:${p.line}:${p.col}: ${p.message}`).join('\n')
    )
    return error.problems.map(
      (problem: PolicyProblem) => `${problem.line}:${problem.col}: ${problem.message}`
    )
  }
  throw new Error('expected a PolicyError')
}

describe('parsePolicy: the sample of DESIGN.md', () => {
  it('parses into the policy it describes', () => {
    expect(loadPolicyFile(SAMPLE)).toEqual({
      version: 1,
      defaults: {
        read: { allow: ['**'], ask: [], deny: ['.env', '.env.*', '**/*.pem', '**/*.key'] },
        write: {
          allow: ['src/**', 'tests/**', 'docs/**', '*.md'],
          ask: [],
          deny: ['.github/workflows/**']
        },
        bash: {
          allow: ['npm test', 'npm run lint', 'npx jest *', 'git diff *', 'git status'],
          ask: ['npm install *'],
          deny: ['git push *']
        },
        network: false
      },
      limits: { 'max-turns': 40, 'max-cost-usd': 2.5, 'timeout-minutes': 20 },
      isolation: 'preferred',
      tasks: {
        review: {
          write: { allow: [], ask: [], deny: [] },
          bash: { allow: ['npm test'], ask: [], deny: [] }
        },
        docs: { write: { allow: ['docs/**', '**/*.md'], ask: [], deny: [] } }
      },
      source: SAMPLE
    })
  })

  it('lets a task section replace the default section and keep the others', () => {
    const policy = loadPolicyFile(SAMPLE)
    const review = rulesFor(policy, 'review')
    expect(review.write).toEqual({ allow: [], ask: [], deny: [] })
    expect(review.read).toEqual(policy.defaults.read)
    expect(rulesFor(policy, 'fix')).toEqual({ ...policy.defaults })
  })
})

describe('parsePolicy: defaults for what a file leaves out', () => {
  it('takes built-in sections and limits when missing', () => {
    const policy = parsePolicy('version: 1\n', 'claw.yml')
    expect(policy.defaults).toEqual(DEFAULT_POLICY.defaults)
    expect(policy.limits).toEqual(DEFAULT_POLICY.limits)
    expect(policy.tasks).toEqual({})
    expect(policy.source).toBe('claw.yml')
  })

  it('fills one missing limit and missing lists of a given section', () => {
    const policy = parsePolicy(
      'version: 1\nlimits: { max-turns: 5 }\ndefaults:\n  bash: { allow: [npm test] }\n',
      'claw.yml'
    )
    expect(policy.limits).toEqual({ 'max-turns': 5, 'max-cost-usd': 2.5, 'timeout-minutes': 20 })
    expect(policy.defaults.bash).toEqual({ allow: ['npm test'], ask: [], deny: [] })
    expect(policy.defaults.read).toEqual(DEFAULT_POLICY.defaults.read)
  })

  it('normalises patterns: ./ prefixes and runs of spaces', () => {
    const policy = parsePolicy(
      "version: 1\ndefaults:\n  write: { allow: ['./src/**'] }\n  bash: { allow: ['  git   diff  * '] }\n",
      'x'
    )
    expect(policy.defaults.write.allow).toEqual(['src/**'])
    expect(policy.defaults.bash.allow).toEqual(['git diff *'])
  })

  it('resolves YAML anchors and aliases', () => {
    const policy = parsePolicy(
      'version: 1\ndefaults:\n  read: &r { allow: [src/**] }\ntasks:\n  ask: { read: *r }\n',
      'x'
    )
    expect(policy.tasks.ask?.read).toEqual({ allow: ['src/**'], ask: [], deny: [] })
  })
})

describe('parsePolicy: problems, each at its line and column', () => {
  const cases: [name: string, text: string, problems: string[]][] = [
    ['wrong version', 'version: 2\n', ['1:10: version: expected 1, got a number']],
    ['version as a string', 'version: "1"\n', ['1:10: version: expected 1, got a string']],
    [
      'missing version',
      'limits: { max-turns: 3 }\n',
      ['1:1: missing key "version" (expected version: 1)']
    ],
    [
      'empty file',
      '# nothing\n',
      ['1:1: the policy is empty (expected a mapping that starts with version: 1)']
    ],
    [
      'not a mapping',
      '- a\n- b\n',
      [
        '1:1: the policy: expected a mapping of version, defaults, limits, isolation, tasks, got a list'
      ]
    ],
    [
      'unknown top-level key',
      'version: 1\npolicy: x\n',
      [
        '2:1: unknown key "policy" at the top level (expected version, defaults, limits, isolation, tasks)'
      ]
    ],
    [
      'unknown key in a rule set',
      'version: 1\ndefaults:\n  read:\n    alow: ["**"]\n',
      ['4:5: unknown key "alow" in defaults.read (expected allow, ask, deny)']
    ],
    [
      'unknown section',
      'version: 1\ndefaults:\n  exec: {}\n',
      ['3:3: unknown key "exec" in defaults (expected read, write, bash, network)']
    ],
    [
      'wrong item type',
      'version: 1\ndefaults:\n  bash:\n    allow: ["npm test", "git diff *", 3]\n',
      ['4:39: defaults.bash.allow[2]: expected a string, got a number']
    ],
    [
      'a string where a list belongs',
      'version: 1\ndefaults:\n  bash:\n    allow: npm test\n',
      ['4:12: defaults.bash.allow: expected a list of command patterns, got a string']
    ],
    [
      'empty patterns',
      "version: 1\ndefaults:\n  write:\n    allow: ['', '  ']\n  bash:\n    deny: ['']\n",
      [
        '4:13: defaults.write.allow[0]: empty pattern (expected a workspace-relative glob such as src/**)',
        '4:17: defaults.write.allow[1]: empty pattern (expected a workspace-relative glob such as src/**)',
        '6:12: defaults.bash.deny[0]: empty pattern (expected a command such as npm test or git diff *)'
      ]
    ],
    [
      'absolute, escaping and negated globs',
      "version: 1\ndefaults:\n  read:\n    allow: ['/etc/**', '../x', '!src/**']\n",
      [
        '4:13: defaults.read.allow[0]: "/etc/**" is absolute (patterns are relative to the workspace)',
        '4:24: defaults.read.allow[1]: "../x" contains .. (patterns are relative to the workspace and cannot leave it)',
        '4:32: defaults.read.allow[2]: "!src/**" is negated (negation is not supported; use a deny rule)'
      ]
    ],
    [
      'network not a boolean',
      'version: 1\ndefaults:\n  network: yes\n',
      ['3:12: defaults.network: expected true or false, got a string']
    ],
    [
      'bad limits',
      'version: 1\nlimits:\n  max-turns: 2.5\n  max-cost-usd: -1\n  timeout-minutes: soon\n',
      [
        '3:14: limits.max-turns: expected a positive whole number, got 2.5',
        '4:17: limits.max-cost-usd: expected a positive number, got -1',
        '5:20: limits.timeout-minutes: expected a positive number, got a string'
      ]
    ],
    [
      'zero turns',
      'version: 1\nlimits: { max-turns: 0 }\n',
      ['2:22: limits.max-turns: expected a positive whole number, got 0']
    ],
    [
      'infinite cost',
      'version: 1\nlimits: { max-cost-usd: .inf }\n',
      ['2:25: limits.max-cost-usd: expected a positive number, got Infinity']
    ],
    [
      'unknown task',
      'version: 1\ntasks:\n  revew:\n    write: { allow: [] }\n',
      ['3:3: unknown task "revew" in tasks (expected fix, review, docs, repair, ask)']
    ],
    [
      'task section of the wrong type',
      'version: 1\ntasks:\n  review:\n  docs: [a]\n',
      [
        '3:3: tasks.review: expected a mapping of read, write, bash, network, got nothing',
        '4:9: tasks.docs: expected a mapping of read, write, bash, network, got a list'
      ]
    ],
    [
      'a rule set that is a list',
      'version: 1\ntasks:\n  review:\n    write: [src/**]\n',
      ['4:12: tasks.review.write: expected a mapping of allow, ask, deny, got a list']
    ],
    [
      'YAML syntax error',
      'version: 1\ndefaults: [\n',
      ['3:1: Flow sequence in block collection must be sufficiently indented and end with a ]']
    ],
    ['duplicate key', 'version: 1\nversion: 1\n', ['2:1: Map keys must be unique']],
    [
      'an isolation mode that does not exist',
      'version: 1\nisolation: strict\n',
      ['2:12: isolation: expected preferred, required, off, got "strict"']
    ],
    [
      'isolation as a boolean',
      'version: 1\nisolation: true\n',
      ['2:12: isolation: expected preferred, required, off, got a boolean']
    ],
    [
      'isolation inside defaults (it is a top-level key)',
      'version: 1\ndefaults:\n  isolation: required\n',
      ['3:3: unknown key "isolation" in defaults (expected read, write, bash, network)']
    ]
  ]
  it.each(cases)('%s', (_name, text, expected) => {
    expect(problemsOf(text)).toEqual(expected)
  })

  it('reports every problem of a file at once, in file order', () => {
    const text = [
      'version: 3',
      'defaults:',
      '  read:',
      '    alow: ["**"]',
      '  bash:',
      '    allow: [npm test, 7]',
      '  network: "no"',
      'limits:',
      '  max-turns: many',
      'tasks:',
      '  deploy: {}',
      'extra: true',
      ''
    ].join('\n')
    expect(problemsOf(text)).toEqual([
      '1:10: version: expected 1, got a number',
      '4:5: unknown key "alow" in defaults.read (expected allow, ask, deny)',
      '6:23: defaults.bash.allow[1]: expected a string, got a number',
      '7:12: defaults.network: expected true or false, got a string',
      '9:14: limits.max-turns: expected a positive whole number, got a string',
      '11:3: unknown task "deploy" in tasks (expected fix, review, docs, repair, ask)',
      '12:1: unknown key "extra" at the top level (expected version, defaults, limits, isolation, tasks)'
    ])
  })
})

describe('loadPolicyFile', () => {
  it('says clearly when the file cannot be read', () => {
    expect(() => loadPolicyFile('tests/fixtures/policies/missing.yml')).toThrow(
      'cannot read policy file tests/fixtures/policies/missing.yml: ENOENT: no such file or directory'
    )
    expect(() => loadPolicyFile('tests/fixtures/policies/missing.yml')).toThrow(UserError)
  })
})

describe('DEFAULT_POLICY', () => {
  it('is read-only, with secrets unreadable at any depth', () => {
    expect(DEFAULT_POLICY.source).toBe('built-in default')
    expect(DEFAULT_POLICY.defaults.write.allow).toEqual([])
    expect(DEFAULT_POLICY.defaults.bash.allow).toEqual([])
    expect(DEFAULT_POLICY.defaults.network).toBe(false)
    expect(DEFAULT_POLICY.defaults.read.deny).toEqual(
      expect.arrayContaining(['.env', '.env.*', '**/.env', '**/.env.*', '**/*.pem', '**/*.key'])
    )
    expect(DEFAULT_POLICY.limits).toEqual({
      'max-turns': 40,
      'max-cost-usd': 2.5,
      'timeout-minutes': 20
    })
  })

  it('cannot be changed by accident', () => {
    expect(() => DEFAULT_POLICY.defaults.write.allow.push('**')).toThrow(TypeError)
  })
})

describe('parsePolicy: isolation', () => {
  it('is preferred when left out, and takes each mode', () => {
    expect(parsePolicy('version: 1\n', 'claw.yml').isolation).toBe('preferred')
    expect(DEFAULT_POLICY.isolation).toBe('preferred')
    for (const mode of ['preferred', 'required', 'off']) {
      expect(parsePolicy(`version: 1\nisolation: ${mode}\n`, 'claw.yml').isolation).toBe(mode)
    }
  })

  it('changes the digest only when it is not the default', () => {
    const plain = parsePolicy('version: 1\n', 'claw.yml')
    const preferred = parsePolicy('version: 1\nisolation: preferred\n', 'claw.yml')
    const required = parsePolicy('version: 1\nisolation: required\n', 'claw.yml')
    expect(policyDigest(preferred)).toBe(policyDigest(plain))
    expect(policyDigest(required)).not.toBe(policyDigest(plain))
  })
})

describe('policyDigest', () => {
  it('hashes source text, and a parsed policy regardless of key order and source', () => {
    const text = readFileSync(SAMPLE, 'utf8')
    expect(policyDigest(text)).toMatch(/^[0-9a-f]{64}$/)
    expect(policyDigest(text)).not.toBe(policyDigest(`${text}\n# changed`))
    const a = parsePolicy('version: 1\nlimits: { max-turns: 3, max-cost-usd: 1 }\n', 'a.yml')
    const b = parsePolicy('limits: { max-cost-usd: 1, max-turns: 3 }\nversion: 1\n', 'b.yml')
    const c = parsePolicy('version: 1\nlimits: { max-turns: 4, max-cost-usd: 1 }\n', 'a.yml')
    expect(policyDigest(a)).toBe(policyDigest(b))
    expect(policyDigest(a)).not.toBe(policyDigest(c))
  })
})
