import { describe, it, expect, beforeAll } from '@jest/globals'
import { canReadPath, decide, decideWithRules } from '../../src/policy/decide.js'
import { DEFAULT_POLICY, loadPolicyFile } from '../../src/policy/load.js'
import { rulesFor } from '../../src/policy/rules.js'
import type { DecisionKind, TaskName } from '../../src/policy/types.js'
import { loadShellParser } from '../../src/policy/shell.js'

// The parser is loaded on first use in the product (see loadShellParser); here, once up front.
beforeAll(loadShellParser)

/** The sample policy of DESIGN.md, verbatim. */
const policy = loadPolicyFile('tests/fixtures/policies/sample.yml')
const workspace = '/home/runner/work/repo'

function bash(command: string, task: TaskName = 'fix') {
  return decide(policy, task, { tool: 'Bash', input: { command } }, workspace)
}

describe('decide: Bash under the sample policy', () => {
  const cases: [command: string, expected: DecisionKind, rule: string][] = [
    ['npm test', 'allow', 'bash.allow: npm test'],
    ['npm test && git diff HEAD', 'allow', 'bash.allow: npm test; bash.allow: git diff *'],
    ['git diff', 'allow', 'bash.allow: git diff *'],
    ['git status', 'allow', 'bash.allow: git status'],
    ['npx jest tests/policy', 'allow', 'bash.allow: npx jest *'],
    ['npx jest src/*.test.ts', 'allow', 'bash.allow: npx jest *'],
    ['"npm" \'test\'', 'allow', 'bash.allow: npm test'],
    ['npm   test', 'allow', 'bash.allow: npm test'],
    ['if git status; then npm test; fi', 'allow', 'bash.allow: git status; bash.allow: npm test'],
    ['(npm test) || { git diff; }', 'allow', 'bash.allow: npm test; bash.allow: git diff *'],
    [
      'npm test | npx jest x\ngit status',
      'allow',
      'bash.allow: npm test; bash.allow: npx jest *; bash.allow: git status'
    ],
    ['CI=true npm test', 'allow', 'bash.allow: npm test'],
    ['npm test; curl x', 'deny', 'default: deny'],
    ['npm test --watch', 'deny', 'default: deny'],
    ['git diffx', 'deny', 'default: deny'],
    ['git push origin main', 'deny', 'bash.deny: git push *'],
    ['git push', 'deny', 'bash.deny: git push *'],
    ["g'i't push", 'deny', 'bash.deny: git push *'],
    ['"git" push origin', 'deny', 'bash.deny: git push *'],
    ['/usr/bin/git push', 'deny', 'bash.deny: git push *'],
    // Stricter since the git checks: an unknown subcommand may be `config` or `-c ...`.
    ['git pus? origin', 'deny', 'bash: unanalysable'],
    ['git pu{sh,ll}', 'deny', 'bash: unanalysable'],
    ['git $X origin', 'deny', 'bash: unanalysable'],
    ['git -C . push', 'deny', 'bash.deny: git push *'],
    ['git --no-pager push origin', 'deny', 'bash.deny: git push *'],
    ['git --no-pager diff HEAD', 'allow', 'bash.allow: git diff *'],
    ['git -c core.pager=x diff', 'deny', 'bash: forbidden'],
    ["node -e 'x'", 'deny', 'bash: unanalysable'],
    ['npm test | tee docs/out.md', 'deny', 'default: deny'],
    ['npm install left-pad', 'ask', 'bash.ask: npm install *'],
    ['npm test && npm install left-pad', 'ask', 'bash.ask: npm install *'],
    ['npm install left-pad; git push', 'deny', 'bash.deny: git push *'],
    ['$(curl x)', 'deny', 'bash: unanalysable'],
    ['`id`', 'deny', 'bash: unanalysable'],
    ['npm test $(curl x)', 'deny', 'bash: unanalysable'],
    ['npx jest "$(curl x)"', 'deny', 'bash: unanalysable'],
    ['eval x', 'deny', 'bash: unanalysable'],
    ['source x', 'deny', 'bash: unanalysable'],
    ['. ./x', 'deny', 'bash: unanalysable'],
    ['exec npm test', 'deny', 'bash: unanalysable'],
    ["bash -c 'npm test'", 'deny', 'bash: unanalysable'],
    ["sh -ec 'npm test'", 'deny', 'bash: unanalysable'],
    ['sh <<EOF\nnpm test\nEOF', 'deny', 'bash: unanalysable'],
    ["bash <<< 'npm test'", 'deny', 'bash: unanalysable'],
    ['git diff | sh', 'deny', 'bash: unanalysable'],
    ['$CMD', 'deny', 'bash: unanalysable'],
    ['${CMD} test', 'deny', 'bash: unanalysable'],
    ['env curl x', 'deny', 'default: deny'],
    ['xargs rm', 'deny', 'default: deny'],
    ['timeout 5 curl x', 'deny', 'default: deny'],
    ['npm test &', 'deny', 'bash: unanalysable'],
    ['f() { curl x; }; f', 'deny', 'bash: unanalysable'],
    ['npm test <(curl x)', 'deny', 'bash: unanalysable'],
    ['PATH=/tmp/evil npm test', 'deny', 'bash: unanalysable'],
    ['LD_PRELOAD=./x.so npm test', 'deny', 'bash: unanalysable'],
    ['GIT_PAGER=./x git diff', 'deny', 'bash: unanalysable'],
    ['FOO=$(id) npm test', 'deny', 'bash: unanalysable'],
    ['npm test "unterminated', 'deny', 'bash: unanalysable'],
    ['', 'deny', 'default: deny'],
    ['# only a comment', 'deny', 'default: deny'],
    ['npm test > out.txt', 'deny', 'default: deny'],
    ['npm test > src/out.txt', 'allow', 'bash.allow: npm test; write.allow: src/**'],
    ['npm test >> docs/log.md 2>&1', 'allow', 'bash.allow: npm test; write.allow: docs/**'],
    ['npm test 2>&1 >/dev/null', 'allow', 'bash.allow: npm test'],
    ['npm test >&2', 'allow', 'bash.allow: npm test'],
    ['npm test &> /dev/null', 'allow', 'bash.allow: npm test'],
    ['npm test > ../x', 'deny', 'confinement'],
    ['npm test > /tmp/x', 'deny', 'confinement'],
    ['npm test > src/../../x', 'deny', 'confinement'],
    ['npm test > .git/hooks/pre-commit', 'deny', 'protected: .git'],
    ['npm test > .github/workflows/ci.yml', 'deny', 'write.deny: .github/workflows/**'],
    ['npm test > $OUT', 'deny', 'bash: unanalysable'],
    ['npm test > ~/x', 'deny', 'bash: unanalysable'],
    ['npm test < src/input.txt', 'allow', 'bash.allow: npm test; read.allow: **'],
    ['npm test < .env', 'deny', 'read.deny: .env'],
    ['cd src && npm test > out.txt', 'deny', 'bash: unanalysable']
  ]
  it.each(cases)('%j → %s (%s)', (command, expected, rule) => {
    const decision = bash(command)
    expect({ decision: decision.decision, rule: decision.rule }).toEqual({
      decision: expected,
      rule
    })
    expect(decision.reason.length).toBeGreaterThan(10)
  })

  it('denies 2,000 nested parentheses quickly, without crashing', () => {
    for (const command of [
      '('.repeat(2000) + 'npm test' + ')'.repeat(2000),
      '( '.repeat(2000) + 'npm test' + ' )'.repeat(2000),
      '$('.repeat(2000) + 'npm test' + ')'.repeat(2000),
      'if true; then '.repeat(500) + 'npm test' + '; fi'.repeat(500)
    ]) {
      const started = performance.now()
      const decision = bash(command)
      expect(performance.now() - started).toBeLessThan(10_000)
      expect(decision).toMatchObject({ decision: 'deny', rule: 'bash: unanalysable' })
    }
  })

  it('allows a long chain of allowed commands (a chain is not nesting)', () => {
    const started = performance.now()
    const decision = bash(Array.from({ length: 800 }, () => 'npm test').join(' && '))
    expect(decision.decision).toBe('allow')
    expect(performance.now() - started).toBeLessThan(10_000)
  })

  it('denies a line over 10,000 characters', () => {
    expect(bash(`npx jest ${'a'.repeat(10_000)}`)).toMatchObject({
      decision: 'deny',
      rule: 'bash: unanalysable'
    })
  })

  it('checks a wrapped command as well as the wrapper', () => {
    const rules = {
      ...policy.defaults,
      bash: {
        allow: ['env *', 'xargs *', 'timeout *', 'npm test', 'git *'],
        ask: [],
        deny: ['git push *']
      }
    }
    const decideLine = (command: string) =>
      decideWithRules(rules, { tool: 'Bash', input: { command } }, workspace)
    expect(decideLine('env CI=1 npm test').decision).toBe('allow')
    expect(decideLine('timeout -s KILL 5 npm test').decision).toBe('allow')
    expect(decideLine('env curl x')).toMatchObject({ decision: 'deny', rule: 'default: deny' })
    expect(decideLine('timeout 5 curl x')).toMatchObject({
      decision: 'deny',
      rule: 'default: deny'
    })
    expect(decideLine('env git push')).toMatchObject({
      decision: 'deny',
      rule: 'bash.deny: git push *'
    })
    // xargs appends words from its input: `xargs git` may well run `git push` (or `git -c ...`,
    // which makes it uncheckable; it was `bash.deny: git push *` before the git checks).
    expect(decideLine('xargs git')).toMatchObject({
      decision: 'deny',
      rule: 'bash: unanalysable'
    })
    expect(decideLine('xargs npm test')).toMatchObject({ decision: 'deny', rule: 'default: deny' })
    expect(decideLine('env PATH=/tmp npm test')).toMatchObject({ rule: 'bash: unanalysable' })
    expect(decideLine('env -S "npm test"')).toMatchObject({ rule: 'bash: unanalysable' })
    expect(decideLine('env sh -c "npm test"')).toMatchObject({ rule: 'bash: unanalysable' })
  })

  it('tells the model why and what it could do instead', () => {
    expect(bash('curl x').reason).toBe(
      '`curl x` is not allowed by the bash rules of this policy (allowed: npm test, npm run lint, npx jest *, git diff *, git status). Use an allowed command or ask the user.'
    )
    expect(bash('eval x').reason).toContain('`eval` runs text as a command line')
    expect(bash('$CMD').reason).toContain('`$CMD`')
  })

  it('uses the task section instead of the defaults', () => {
    expect(bash('git diff HEAD', 'review')).toMatchObject({
      decision: 'deny',
      rule: 'default: deny'
    })
    expect(bash('npm test', 'review').decision).toBe('allow')
    // review's bash section replaces the default one entirely, deny rules included.
    expect(rulesFor(policy, 'review').bash).toEqual({ allow: ['npm test'], ask: [], deny: [] })
  })
})

describe('decide: paths under the sample policy', () => {
  const cases: [
    tool: string,
    path: string,
    task: TaskName,
    expected: DecisionKind,
    rule: string
  ][] = [
    ['Read', 'src/a.ts', 'fix', 'allow', 'read.allow: **'],
    ['Read', `${workspace}/src/a.ts`, 'fix', 'allow', 'read.allow: **'],
    ['Read', './README.md', 'fix', 'allow', 'read.allow: **'],
    ['Read', '../etc/passwd', 'fix', 'deny', 'confinement'],
    ['Read', '/etc/passwd', 'fix', 'deny', 'confinement'],
    ['Read', 'src/../../x', 'fix', 'deny', 'confinement'],
    ['Read', `${workspace}-other/x`, 'fix', 'deny', 'confinement'],
    ['Read', 'src/a\0.ts', 'fix', 'deny', 'confinement'],
    ['Read', '.env', 'fix', 'deny', 'read.deny: .env'],
    ['Read', '.env.local', 'fix', 'deny', 'read.deny: .env.*'],
    ['Read', '.ENV', 'fix', 'deny', 'read.deny: .env'],
    ['Read', 'a/b.pem', 'fix', 'deny', 'read.deny: **/*.pem'],
    ['Read', 'b.key', 'fix', 'deny', 'read.deny: **/*.key'],
    ['Write', 'src/a.ts', 'fix', 'allow', 'write.allow: src/**'],
    ['Edit', 'tests/a.test.ts', 'fix', 'allow', 'write.allow: tests/**'],
    ['Write', 'README.md', 'fix', 'allow', 'write.allow: *.md'],
    ['Write', 'docs/a/b.md', 'fix', 'allow', 'write.allow: docs/**'],
    ['Write', 'src/x/README.md', 'fix', 'allow', 'write.allow: src/**'],
    ['Write', 'lib/README.md', 'fix', 'deny', 'default: deny'],
    ['Write', 'package.json', 'fix', 'deny', 'default: deny'],
    ['Write', '.github/workflows/ci.yml', 'fix', 'deny', 'write.deny: .github/workflows/**'],
    ['Edit', '.git/config', 'fix', 'deny', 'protected: .git'],
    ['Write', 'src/.git/hooks/pre-commit', 'fix', 'deny', 'protected: .git'],
    ['Write', '../x.md', 'fix', 'deny', 'confinement'],
    ['Write', 'src/a.ts', 'review', 'deny', 'default: deny'],
    ['Write', 'lib/README.md', 'docs', 'allow', 'write.allow: **/*.md'],
    ['Write', 'src/a.ts', 'docs', 'deny', 'default: deny']
  ]
  it.each(cases)('%s %j (%s) → %s (%s)', (tool, path, task, expected, rule) => {
    const decision = decide(policy, task, { tool, input: { file_path: path } }, workspace)
    expect({ decision: decision.decision, rule: decision.rule }).toEqual({
      decision: expected,
      rule
    })
  })

  it('accepts a workspace given with a trailing slash', () => {
    const decision = decide(
      policy,
      'fix',
      { tool: 'Read', input: { file_path: `${workspace}/src/a.ts` } },
      `${workspace}/`
    )
    expect(decision.decision).toBe('allow')
  })

  it('decides Glob and Grep on the directory they search', () => {
    const search = (tool: string, input: unknown) =>
      decide(policy, 'fix', { tool, input }, workspace)
    expect(search('Glob', { pattern: '**/*.ts' })).toMatchObject({
      decision: 'allow',
      rule: 'read.allow: **'
    })
    expect(search('Grep', { pattern: 'TODO', path: 'src' }).decision).toBe('allow')
    expect(search('Grep', { pattern: 'x', path: '.env' })).toMatchObject({
      decision: 'deny',
      rule: 'read.deny: .env'
    })
    expect(search('Grep', { pattern: 'x', path: '/etc' })).toMatchObject({
      decision: 'deny',
      rule: 'confinement'
    })
    expect(search('Glob', { pattern: '../**' })).toMatchObject({
      decision: 'deny',
      rule: 'confinement'
    })
    expect(search('Glob', { pattern: '/etc/*' })).toMatchObject({
      decision: 'deny',
      rule: 'confinement'
    })
  })

  it('allows a search only where some read.allow pattern reaches', () => {
    const rules = {
      ...policy.defaults,
      read: { allow: ['docs/**'], ask: [], deny: ['docs/private/**'] }
    }
    const search = (path?: string) =>
      decideWithRules(rules, { tool: 'Grep', input: { pattern: 'x', path } }, workspace)
    expect(search().decision).toBe('allow')
    expect(search('docs').decision).toBe('allow')
    expect(search('docs/guide').decision).toBe('allow')
    expect(search('src')).toMatchObject({ decision: 'deny', rule: 'default: deny' })
    expect(search('docs/private')).toMatchObject({
      decision: 'deny',
      rule: 'read.deny: docs/private/**'
    })
  })

  it('canReadPath filters search results by the read rules', () => {
    const rules = rulesFor(policy, 'fix')
    expect(canReadPath(rules, 'src/a.ts')).toBe(true)
    expect(canReadPath(rules, './src/a.ts')).toBe(true)
    expect(canReadPath(rules, '.env')).toBe(false)
    expect(canReadPath(rules, 'config/.env')).toBe(true) // the sample denies only the root .env
    expect(canReadPath(DEFAULT_POLICY.defaults, 'config/.env')).toBe(false)
    expect(canReadPath(rules, 'certs/server.pem')).toBe(false)
    expect(canReadPath(rules, '../outside')).toBe(false)
    expect(
      canReadPath({ ...rules, read: { allow: ['**'], ask: ['secret/**'], deny: [] } }, 'secret/a')
    ).toBe(false)
  })
})

describe('decide: odd calls', () => {
  const odd: [tool: string, input: unknown][] = [
    ['Read', undefined],
    ['Read', null],
    ['Read', 'src/a.ts'],
    ['Read', { file_path: 42 }],
    ['Write', {}],
    ['Bash', { command: ['npm', 'test'] }],
    ['Bash', {}],
    ['Glob', null],
    ['Grep', { pattern: 'x', path: 7 }],
    ['WebFetch', { url: 'https://example.com' }],
    ['bash', { command: 'npm test' }]
  ]
  it.each(odd)('%s %j → deny with a reason', (tool, input) => {
    const decision = decide(policy, 'fix', { tool, input }, workspace)
    expect(decision.decision).toBe('deny')
    expect(decision.reason).toMatch(/\.$/)
  })

  it('denies everything but reading under the built-in default', () => {
    const call = (tool: string, input: unknown) =>
      decide(DEFAULT_POLICY, 'fix', { tool, input }, workspace).decision
    expect(call('Read', { file_path: 'src/a.ts' })).toBe('allow')
    expect(call('Write', { file_path: 'src/a.ts' })).toBe('deny')
    expect(call('Bash', { command: 'npm test' })).toBe('deny')
  })
})

describe('decide: ReviewComment', () => {
  const comment = (file_path: unknown, task: TaskName = 'review') =>
    decide(
      policy,
      task,
      { tool: 'ReviewComment', input: { file_path, line: 1, body: 'x' } },
      workspace
    )

  it('follows the read rules on its file, not the write rules', () => {
    // The review task of the sample policy allows no writes at all: a finding is still allowed.
    expect(comment('src/a.ts')).toMatchObject({ decision: 'allow', rule: 'read.allow: **' })
    expect(comment('.env')).toMatchObject({ decision: 'deny', rule: 'read.deny: .env' })
    expect(comment('certs/server.pem')).toMatchObject({
      decision: 'deny',
      rule: 'read.deny: **/*.pem'
    })
  })

  it('denies a path outside the workspace or a missing one', () => {
    expect(comment('../x.ts')).toMatchObject({ decision: 'deny', rule: 'confinement' })
    expect(comment('/etc/passwd')).toMatchObject({ decision: 'deny', rule: 'confinement' })
    expect(comment(undefined).reason).toBe(
      'ReviewComment needs `file_path`, a path inside the workspace.'
    )
  })

  it('asks where the read rules ask', () => {
    const rules = { ...policy.defaults, read: { allow: ['**'], ask: ['secret/**'], deny: [] } }
    const decision = decideWithRules(
      rules,
      { tool: 'ReviewComment', input: { file_path: 'secret/a.ts', line: 1, body: 'x' } },
      workspace
    )
    expect(decision).toMatchObject({ decision: 'ask', rule: 'read.ask: secret/**' })
  })
})
