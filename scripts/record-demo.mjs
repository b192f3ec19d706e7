// Records examples/demo/session.jsonl, the session `npm run demo` replays.
//
// The model's side comes from scripts/scripted-tasks.mjs, served by the loopback fake of the
// Anthropic API used in the tests; everything else is a real `claw run` (dist/cli.js) on a fresh
// copy of the sample library. Run it again after a change to the session format or the tools.
import { spawn } from 'node:child_process'
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { startFakeAnthropic } from '../tests/fixtures/fake-anthropic.mjs'
import { DEMO_PROMPT, demoSteps } from './scripted-tasks.mjs'
import { ROOT, prepareSample } from './prepare-sample.mjs'

const { work, repo } = prepareSample('claw-record-')
const fake = await startFakeAnthropic(demoSteps())
const session = join(work, 'session.jsonl')
const child = spawn(
  process.execPath,
  [
    join(ROOT, 'dist', 'cli.js'),
    'run',
    '--prompt',
    DEMO_PROMPT,
    '--dir',
    repo,
    '--session',
    session
  ],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      ANTHROPIC_API_KEY: 'sk-ant-demo-recording',
      ANTHROPIC_BASE_URL: fake.url
    }
  }
)
let stdout = ''
child.stdout.on('data', chunk => (stdout += chunk))
const exitCode = await new Promise(resolve => child.on('close', resolve))
await fake.close()
if (exitCode !== 0) {
  console.error(`record-demo: claw run exited with ${exitCode}: ${stdout}`)
  process.exit(1)
}
copyFileSync(session, join(ROOT, 'examples', 'demo', 'session.jsonl'))
console.log(`record-demo: wrote examples/demo/session.jsonl (${stdout.trim()})`)
