// `npm run demo`: claw's main job on a sample repository, with no API key.
//
// A recorded session (examples/demo/session.jsonl) is replayed by `claw run --replay` against a
// fresh copy of examples/demo/repo: the model's replies come from the recording, while every tool
// call (running the tests, reading, editing) runs for real, through the policy in the sample's
// .github/claw.yml. The fix is then committed, as the action does before it opens a pull request,
// and the tests run again.
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(root, 'dist', 'cli.js')
const recording = join(root, 'examples', 'demo', 'session.jsonl')
const bold = text => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text)

function fail(message) {
  console.error(`demo: ${message}`)
  process.exit(1)
}
function step(title) {
  console.log(`\n${bold(title)}`)
}
function run(command, args, cwd, options = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', ...options })
  if (result.error) fail(`${command} could not start: ${result.error.message}`)
  return result
}
function git(repo, ...args) {
  const result = run(
    'git',
    ['-c', 'user.name=claw', '-c', 'user.email=claw@users.noreply.github.com', ...args],
    repo
  )
  if (result.status !== 0) fail(`git ${args.join(' ')} failed: ${result.stderr.trim()}`)
  return result.stdout.trim()
}
function testSummary(repo) {
  const result = run('npm', ['test', '--silent'], repo)
  const output = `${result.stdout}\n${result.stderr}`
  const pass = /# pass (\d+)/.exec(output)?.[1] ?? '?'
  const failed = /# fail (\d+)/.exec(output)?.[1] ?? '?'
  const failures = [...output.matchAll(/^not ok \d+ - (.*)$/gm)].map(match => match[1])
  return { ok: result.status === 0, pass, failed, failures }
}

if (!existsSync(cli)) fail('dist/cli.js is missing: run `npm run bundle` first')
if (!existsSync(recording)) fail(`the recorded session is missing: ${recording}`)

const work = mkdtempSync(join(tmpdir(), 'claw-demo-'))
const repo = join(work, 'duration-text')
cpSync(join(root, 'examples', 'demo', 'repo'), repo, { recursive: true })
git(repo, 'init', '-q', '-b', 'main')
git(repo, 'add', '-A')
git(repo, 'commit', '-q', '-m', 'duration-text 1.2.0')

step(`1. A sample library with a bug: ${repo}`)
const before = testSummary(repo)
console.log(`   npm test: ${before.pass} passed, ${before.failed} failed`)
for (const name of before.failures) console.log(`   ✗ ${name}`)
if (before.ok) fail('the sample repository was expected to have failing tests')

step('2. claw run (the recorded model replies; every tool call runs for real under the policy)')
const session = join(work, 'session.jsonl')
const child = spawn(
  process.execPath,
  [cli, 'run', '--replay', recording, '--dir', repo, '--session', session],
  { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ANTHROPIC_API_KEY: '' } }
)
let stdout = ''
child.stdout.on('data', chunk => (stdout += chunk))
const exitCode = await new Promise(resolve => child.on('close', resolve))
const summary = JSON.parse(stdout.trim().split('\n').at(-1) || '{}')
if (exitCode !== 0 || summary.status !== 'success') {
  fail(`claw run ended with ${summary.status ?? `exit code ${exitCode}`}`)
}

step('3. The fix, committed as the action commits it before opening a pull request')
console.log(git(repo, 'diff', '--stat').replace(/^/gm, '   '))
git(repo, 'add', '-A')
git(
  repo,
  'commit',
  '-q',
  '-m',
  'Parse "ms" durations and reject unknown units',
  '-m',
  'Made by claw (demo replay).'
)
console.log(`   ${git(repo, 'log', '--oneline', '-1')}`)

step('4. The tests pass')
const after = testSummary(repo)
console.log(`   npm test: ${after.pass} passed, ${after.failed} failed`)
if (!after.ok) fail('the tests still fail after the replayed fix')

console.log(
  `\nDone: ${summary.turns} turns; the recording's usage would cost $${summary.cost_usd} with the real API.`
)
console.log(`Read the whole session: node dist/cli.js show ${session}`)
