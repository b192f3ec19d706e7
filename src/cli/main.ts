import { parseArgs } from 'node:util'
import { errorMessage, UserError } from '../errors.js'

/**
 * The `claw` command line. Exit codes: 0 done (a run that succeeded, a valid policy), 1 the run
 * ended otherwise or the policy is invalid, 2 bad usage or bad input (one message, no trace).
 */
export const USAGE = `Usage:
  claw run --prompt TEXT [--dir DIR] [--task fix|review|docs|repair|ask] [--policy FILE]
           [--model NAME] [--max-turns N] [--session FILE] [--replay FILE]
  claw policy check FILE
  claw policy explain [--policy FILE] [--task T] --tool NAME --input JSON [--dir DIR]
  claw show SESSION.jsonl | ARTIFACT.zip   (a claw-session-… artifact as downloaded)

Environment: ANTHROPIC_API_KEY (required unless --replay), ANTHROPIC_BASE_URL (optional).`

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  signal?: AbortSignal
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io)
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr(`claw: ${error.message}\n`)
      return 2
    }
    // Not a user's mistake: still one line, but say it is ours so that it gets reported.
    io.stderr(`claw: internal error: ${errorMessage(error)}\n`)
    if (io.env.CLAW_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`)
    return 1
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case 'run': {
      const flags = parse(rest, {
        prompt: { type: 'string' },
        dir: { type: 'string' },
        task: { type: 'string' },
        policy: { type: 'string' },
        model: { type: 'string' },
        'max-turns': { type: 'string' },
        session: { type: 'string' },
        replay: { type: 'string' }
      }).values
      const { runCommand } = await import('./run-command.js')
      const started = performance.now()
      const { exitCode, summary } = await runCommand(flags, {
        env: io.env,
        log: line => io.stderr(`${line}\n`),
        signal: io.signal
      })
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      const peakMb = (process.resourceUsage().maxRSS / 1024).toFixed(0)
      io.stderr(
        `claw: ${summary.status} in ${seconds} s, ${summary.turns} turns, peak memory ${peakMb} MB\n`
      )
      io.stdout(`${JSON.stringify(summary)}\n`)
      return exitCode
    }
    case 'policy': {
      const [sub, ...policyArgs] = rest
      const { policyCheck, policyExplain } = await import('./policy-commands.js')
      const { loadShellParser } = await import('../policy/shell.js')
      if (sub === 'check') {
        const { positionals } = parse(policyArgs, {}, true)
        if (positionals.length !== 1)
          throw new UserError(`policy check takes one FILE (see claw --help)`)
        return emit(policyCheck(positionals[0] as string), io)
      }
      if (sub === 'explain') {
        const { values } = parse(policyArgs, {
          policy: { type: 'string' },
          task: { type: 'string' },
          tool: { type: 'string' },
          input: { type: 'string' },
          dir: { type: 'string' }
        })
        if (!values.tool || values.input === undefined) {
          throw new UserError(`policy explain needs --tool NAME and --input JSON (see claw --help)`)
        }
        await loadShellParser()
        return emit(
          policyExplain({
            policyFile: values.policy,
            task: values.task,
            tool: values.tool,
            input: values.input,
            workspace: values.dir ?? process.cwd()
          }),
          io
        )
      }
      throw new UserError(`unknown policy command "${sub ?? ''}" (see claw --help)`)
    }
    case 'show': {
      const { positionals } = parse(rest, {}, true)
      if (positionals.length !== 1)
        throw new UserError(`show takes one SESSION.jsonl or ARTIFACT.zip (see claw --help)`)
      const file = positionals[0] as string
      const { readSession } = await import('../session/reader.js')
      const { isZipFile, readSessionFromZip } = await import('../session/session-zip.js')
      const { renderSessionMarkdown } = await import('../session/render.js')
      // A session artifact as GitHub's "download artifact" button gives it, without unzipping.
      const session = isZipFile(file) ? readSessionFromZip(file) : readSession(file)
      io.stdout(renderSessionMarkdown(session))
      return 0
    }
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.stdout(`${USAGE}\n`)
      return command === undefined ? 2 : 0
    default:
      throw new UserError(`unknown command "${command}" (see claw --help)`)
  }
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options']

function parse<O extends Options>(args: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true })
  } catch (error) {
    // parseArgs' messages name the flag ("Unknown option '--foo'"); one line, and where to look.
    throw new UserError(`${errorMessage(error)} (see claw --help)`)
  }
}

function emit(result: { exitCode: number; stdout: string; stderr: string }, io: CliIo): number {
  if (result.stdout) io.stdout(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`)
  if (result.stderr) io.stderr(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`)
  return result.exitCode
}
