import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { policyCheck, policyExplain } from '../../src/cli/policy-commands.js'
import { loadShellParser } from '../../src/policy/shell.js'

// The parser is loaded on first use in the product (see loadShellParser); here, once up front.
beforeAll(loadShellParser)

const SAMPLE = 'tests/fixtures/policies/sample.yml'

const folders: string[] = []
afterAll(() => folders.forEach(folder => rmSync(folder, { recursive: true, force: true })))

function writePolicy(text: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'claw-policy-'))
  folders.push(folder)
  const file = join(folder, 'claw.yml')
  writeFileSync(file, text)
  return file
}

describe('claw policy check', () => {
  it('prints one OK line for a valid file', () => {
    const result = policyCheck(SAMPLE)
    expect(result.exitCode).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(
      /^tests\/fixtures\/policies\/sample\.yml: OK \(version 1; task overrides: review, docs; limits: 40 turns, \$2\.5, 20 min; digest [0-9a-f]{12}\)\n$/
    )
  })

  it('prints one FILE:LINE:COL line per problem and exits 1', () => {
    const file = writePolicy(
      'version: 1\ndefaults:\n  read:\n    alow: ["**"]\n  bash:\n    allow: [1]\n'
    )
    const result = policyCheck(file)
    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr:
        `${file}:4:5: unknown key "alow" in defaults.read (expected allow, ask, deny)\n` +
        `${file}:6:13: defaults.bash.allow[0]: expected a string, got a number\n`
    })
  })

  it('says in one line when the file cannot be read', () => {
    const result = policyCheck('no/such/claw.yml')
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toBe(
      'cannot read policy file no/such/claw.yml: ENOENT: no such file or directory\n'
    )
  })
})

describe('claw policy explain', () => {
  const explain = (options: { policyFile?: string; task?: string; tool: string; input: string }) =>
    policyExplain({ workspace: '/repo', ...options })

  it('prints the decision as one JSON line', () => {
    const result = explain({
      policyFile: SAMPLE,
      tool: 'Bash',
      input: '{"command":"git push origin main"}'
    })
    expect(result.exitCode).toBe(0)
    expect(result.stdout.endsWith('\n')).toBe(true)
    expect(result.stdout.trimEnd().includes('\n')).toBe(false)
    const parsed = JSON.parse(result.stdout) as Record<string, string>
    expect(Object.keys(parsed)).toEqual(['decision', 'rule', 'reason'])
    expect(parsed).toMatchObject({ decision: 'deny', rule: 'bash.deny: git push *' })
  })

  it('applies the task section when a task is given', () => {
    const input = '{"file_path":"src/a.ts"}'
    const fix = JSON.parse(
      explain({ policyFile: SAMPLE, task: 'fix', tool: 'Write', input }).stdout
    ) as Record<string, string>
    const review = JSON.parse(
      explain({ policyFile: SAMPLE, task: 'review', tool: 'Write', input }).stdout
    ) as Record<string, string>
    expect(fix.decision).toBe('allow')
    expect(review).toMatchObject({ decision: 'deny', rule: 'default: deny' })
  })

  it('uses the built-in default without a policy file', () => {
    const write = JSON.parse(
      explain({ tool: 'Write', input: '{"file_path":"/repo/src/a.ts"}' }).stdout
    ) as Record<string, string>
    const read = JSON.parse(
      explain({ tool: 'Read', input: '{"file_path":"/repo/.env"}' }).stdout
    ) as Record<string, string>
    expect(write.decision).toBe('deny')
    expect(read).toMatchObject({ decision: 'deny', rule: 'read.deny: .env' })
  })

  it('exits 2 with one line on bad JSON or an unknown task', () => {
    const badJson = explain({ policyFile: SAMPLE, tool: 'Bash', input: '{command: npm test}' })
    expect(badJson.exitCode).toBe(2)
    expect(badJson.stdout).toBe('')
    expect(badJson.stderr).toMatch(/^--input is not valid JSON: .+\n$/)
    const badTask = explain({ policyFile: SAMPLE, task: 'deploy', tool: 'Bash', input: '{}' })
    expect(badTask).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'unknown task "deploy" (expected fix, review, docs, repair, ask)\n'
    })
  })

  it('exits 1 with the problems of an invalid policy file', () => {
    const file = writePolicy('version: 2\n')
    const result = explain({ policyFile: file, tool: 'Bash', input: '{"command":"npm test"}' })
    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: `${file}:1:10: version: expected 1, got a number\n`
    })
  })

  it('denies an unknown tool with a reason', () => {
    const parsed = JSON.parse(
      explain({ policyFile: SAMPLE, tool: 'WebFetch', input: '{}' }).stdout
    ) as Record<string, string>
    expect(parsed.decision).toBe('deny')
  })
})
