import module from 'node:module'
import { main } from './cli/main.js'

// Node 22.1+ can keep V8's compiled code between runs: repeated `claw` runs start faster.
// (Older Node has no such function; the cache lives in the OS temp folder.)
;(module as { enableCompileCache?: () => unknown }).enableCompileCache?.()

// Ctrl-C ends the run cleanly: the loop stops, the session gets its outcome line.
const controller = new AbortController()
process.once('SIGINT', () => controller.abort(new Error('interrupted')))
process.once('SIGTERM', () => controller.abort(new Error('terminated')))

const exitCode = await main(process.argv.slice(2), {
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
  env: process.env,
  signal: controller.signal
})
process.exitCode = exitCode
