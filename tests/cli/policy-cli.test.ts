/**
 * `claw policy check` and `claw policy explain` through the built `dist/cli.js`, as a user runs
 * them: exit codes and the exact lines of the contract (DESIGN.md, "Local CLI"). The functions
 * behind them are unit-tested in policy-commands.test.ts; this suite proves the wiring (argument
 * parsing, the lazily loaded shell parser, stdout versus stderr) in the bundle.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { STACK_LINE, TempDirs, baseEnv, runCli } from './cli-process.js'

const SAMPLE = 'tests/fixtures/policies/sample.yml'

const dirs = new TempDirs()
let env: Record<string, string>
let badFile: string

beforeAll(() => {
  const home = dirs.make('claw-policy-cli-home-')
  env = baseEnv(home)
  badFile = join(dirs.make('claw-policy-cli-'), 'claw.yml')
  writeFileSync(
    badFile,
    'version: 1\ndefaults:\n  read:\n    alow: ["**"]\n  bash:\n    allow: [1]\n'
  )
})
afterAll(() => dirs.removeAll())

describe('claw policy check', () => {
  it('accepts the sample policy of DESIGN.md: exit 0, one OK line', async () => {
    const result = await runCli(['policy', 'check', SAMPLE], env)
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/^tests\/fixtures\/policies\/sample\.yml: OK \([^\n]+\)\n$/)
  })

  it('rejects a bad file: exit 1, one FILE:LINE:COL: message line per problem', async () => {
    const result = await runCli(['policy', 'check', badFile], env)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).not.toMatch(STACK_LINE)
    const lines = result.stderr.trimEnd().split('\n')
    for (const line of lines) expect(line).toMatch(/^.+:\d+:\d+: .+$/)
    expect(lines).toEqual([
      `${badFile}:4:5: unknown key "alow" in defaults.read (expected allow, ask, deny)`,
      `${badFile}:6:13: defaults.bash.allow[0]: expected a string, got a number`
    ])
  })
})

describe('claw policy explain', () => {
  const explain = (command: string) =>
    runCli(
      [
        'policy',
        'explain',
        '--policy',
        SAMPLE,
        '--tool',
        'Bash',
        '--input',
        JSON.stringify({ command })
      ],
      env
    )

  it('prints one JSON line: git push is denied, with the rule that denied it', async () => {
    const result = await explain('git push origin main')
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout.endsWith('\n')).toBe(true)
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1)
    const parsed = JSON.parse(result.stdout) as Record<string, string>
    expect(Object.keys(parsed)).toEqual(['decision', 'rule', 'reason'])
    expect(parsed).toMatchObject({ decision: 'deny', rule: 'bash.deny: git push *' })
    expect(parsed['reason']).toEqual(expect.stringContaining('git push'))
  })

  it.each([
    ['npm test', 'allow', 'bash.allow: npm test'],
    ['npm install left-pad', 'ask', 'bash.ask: npm install *'],
    ['npm test && git push origin main', 'deny', 'bash.deny: git push *']
  ])('decides `%s` as %s (%s)', async (command, decision, rule) => {
    const result = await explain(command)
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ decision, rule })
  })
})
