/**
 * Commands that run other commands or shell code. For a wrapper (`env`, `timeout`, `xargs`,
 * `find -exec`, ...) the wrapped command is returned so the rules check it too: allowing `env`
 * must not allow `env curl`. Commands that run text as shell code (`eval`, `bash -c`, ...) are
 * problems: the text is data to us and cannot be checked.
 */
import { UNKNOWN } from './match.js'

export interface UnwrapOutcome {
  /** Commands this one runs; UNKNOWN marks words supplied at run time (xargs input, find's {}). */
  commands: string[][]
  /** `NAME=value` words that `env` or `sudo` put in the wrapped command's environment. */
  assignments: { name: string; value: string }[]
  problems: string[]
}

/** Builtins that run text as code or change what later command names mean. */
const CODE_RUNNERS: Record<string, string> = {
  eval: '`eval` runs text as a command line, which cannot be checked',
  exec: '`exec` replaces the shell and its redirections cannot be checked; run the command directly',
  source: '`source` runs a script file, which cannot be checked',
  '.': '`.` (source) runs a script file, which cannot be checked',
  alias: 'aliases change what a command name runs',
  trap: '`trap` runs text as a command line later, which cannot be checked',
  enable: '`enable` loads or changes builtins',
  hash: '`hash` changes which program a command name runs',
  fc: '`fc` re-runs commands from history',
  coproc: '`coproc` runs a command in the background',
  declare: '`declare` can run commands through array subscripts',
  typeset: '`typeset` can run commands through array subscripts',
  local: '`local` can run commands through array subscripts',
  export:
    '`export` changes the environment of later commands; put VAR=value in front of the command instead',
  readonly: '`readonly` can run commands through array subscripts',
  let: '`let` can run commands through array subscripts'
}

const SHELLS = new Set([
  'sh',
  'bash',
  'zsh',
  'dash',
  'ksh',
  'mksh',
  'ash',
  'yash',
  'fish',
  'csh',
  'tcsh',
  'rbash'
])

/** Builtins that take variable names, where `a[$(cmd)]` in a name runs cmd. */
const NAME_TAKERS = new Set([
  'printf',
  'read',
  'unset',
  'mapfile',
  'readarray',
  'getopts',
  'test',
  '[',
  'wait',
  'shopt'
])

/** Programs that run a command we cannot pick out of their arguments. */
const OPAQUE_RUNNERS = new Set([
  'watch',
  'parallel',
  'strace',
  'ltrace',
  'flock',
  'script',
  'su',
  'runuser',
  'chroot',
  'unshare',
  'nsenter',
  'systemd-run',
  'chrt',
  'taskset',
  'doas',
  'pkexec',
  'fakeroot',
  'firejail',
  'bwrap',
  'valgrind',
  'gdb'
])

interface WrapperSpec {
  /** Options without a value, short (`-p`) or long (`--foreground`). */
  flags: string[]
  /** Options whose value follows (`-u NAME`, `--unset NAME`, `--unset=NAME`, `-uNAME`). */
  withValue: string[]
  /** Options that make the wrapped command impossible to check. */
  refuse?: Record<string, string>
  /** Operands before the command (timeout's duration). */
  operands?: number
  /** `NAME=value` words before the command. */
  assignments?: boolean
  /** Accept `-N` (nice's old numeric form). */
  numericOption?: boolean
}

const WRAPPERS: Record<string, WrapperSpec> = {
  env: {
    flags: ['-i', '-0', '-v', '--ignore-environment', '--null', '--debug', '-'],
    withValue: ['-u', '--unset', '-C', '--chdir'],
    refuse: {
      '-S': '`env -S` splits a string into a command line',
      '--split-string': '`env -S` splits a string into a command line'
    },
    assignments: true
  },
  command: { flags: ['-p', '-v', '-V'], withValue: [] },
  builtin: { flags: [], withValue: [] },
  nohup: { flags: [], withValue: [] },
  unbuffer: { flags: [], withValue: [] },
  setsid: { flags: ['-c', '-f', '-w', '--ctty', '--fork', '--wait'], withValue: [] },
  nice: { flags: [], withValue: ['-n', '--adjustment'], numericOption: true },
  ionice: {
    flags: ['-t', '--ignore'],
    withValue: ['-c', '--class', '-n', '--classdata', '-p', '--pid', '-P', '--pgid', '-u', '--uid']
  },
  timeout: {
    flags: ['--preserve-status', '--foreground', '-v', '--verbose'],
    withValue: ['-s', '--signal', '-k', '--kill-after'],
    operands: 1
  },
  time: {
    flags: ['-p', '-v', '-a', '-q', '--portability', '--verbose', '--append', '--quiet'],
    withValue: ['-f', '--format'],
    refuse: { '-o': '`time -o` writes a file', '--output': '`time -o` writes a file' }
  },
  stdbuf: {
    flags: [],
    withValue: ['-i', '-o', '-e', '--input', '--output', '--error']
  },
  sudo: {
    flags: [
      '-E',
      '-H',
      '-n',
      '-P',
      '-S',
      '-k',
      '--preserve-env',
      '--non-interactive',
      '--set-home',
      '--stdin'
    ],
    withValue: [
      '-u',
      '-g',
      '-C',
      '-D',
      '-h',
      '-p',
      '-r',
      '-t',
      '-T',
      '-U',
      '--user',
      '--group',
      '--chdir',
      '--prompt',
      '--close-from',
      '--host'
    ],
    refuse: {
      '-i': '`sudo -i` starts a shell',
      '-s': '`sudo -s` starts a shell',
      '--login': '`sudo -i` starts a shell',
      '--shell': '`sudo -s` starts a shell',
      '-e': '`sudo -e` edits files outside the write rules',
      '--edit': '`sudo -e` edits files outside the write rules',
      '-b': '`sudo -b` runs a command in the background',
      '--background': '`sudo -b` runs a command in the background'
    },
    assignments: true
  }
}

const XARGS: WrapperSpec = {
  flags: [
    '-0',
    '-r',
    '-t',
    '-p',
    '-x',
    '-o',
    '--null',
    '--no-run-if-empty',
    '--verbose',
    '--interactive',
    '--exit',
    '--open-tty'
  ],
  withValue: [
    '-a',
    '-d',
    '-E',
    '-I',
    '-L',
    '-n',
    '-P',
    '-s',
    '--arg-file',
    '--delimiter',
    '--eof',
    '--max-lines',
    '--max-args',
    '--max-procs',
    '--max-chars',
    '--process-slot-var'
  ]
}

/** What `argv` runs besides itself, and what about it cannot be checked. */
export function unwrapCommand(argv: readonly string[]): UnwrapOutcome {
  const outcome: UnwrapOutcome = { commands: [], assignments: [], problems: [] }
  const name = argv[0]
  if (name === undefined) return outcome
  // Lower case: on a case-insensitive file system (macOS) `ENV` runs env.
  const base = name.slice(name.lastIndexOf('/') + 1).toLowerCase()
  const args = argv.slice(1)

  const codeRunner = Object.hasOwn(CODE_RUNNERS, base) ? CODE_RUNNERS[base] : undefined
  if (codeRunner) {
    outcome.problems.push(codeRunner)
    return outcome
  }
  if (SHELLS.has(base)) {
    const problem = shellProblem(base, args)
    if (problem) outcome.problems.push(problem)
    return outcome
  }
  if (NAME_TAKERS.has(base) && args.some(arg => arg.includes('[') && /[$`]/.test(arg))) {
    outcome.problems.push(
      `\`${base}\` evaluates subscripts in variable names, which can run commands`
    )
    return outcome
  }
  if (OPAQUE_RUNNERS.has(base)) {
    outcome.problems.push(`\`${base}\` runs a command in a way that cannot be checked`)
    return outcome
  }
  if (base === 'busybox') {
    if (args.length > 0) outcome.commands.push(args)
    return outcome
  }
  if (base === 'find') return findExec(args, outcome)
  if (base === 'xargs') return xargs(args, outcome)
  const spec = Object.hasOwn(WRAPPERS, base) ? WRAPPERS[base] : undefined
  if (spec) {
    const parsed = parseWrapper(base, spec, args)
    if (typeof parsed === 'string') outcome.problems.push(parsed)
    else {
      outcome.assignments.push(...parsed.assignments)
      if (parsed.command.length > 0) outcome.commands.push(parsed.command)
    }
  }
  return outcome
}

/** A shell is fine only when it runs a script file (which the rules then judge by name). */
function shellProblem(shell: string, args: readonly string[]): string | undefined {
  if (args.some(arg => arg.includes(UNKNOWN))) {
    return `\`${shell}\` with arguments only known at run time cannot be checked`
  }
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string
    if (arg === '--') return args[index + 1] === undefined ? stdinShell(shell) : undefined
    if (arg === '-') return stdinShell(shell)
    if (arg.startsWith('--')) {
      if (arg === '--command' || arg.startsWith('--command=')) return commandShell(shell)
      if (arg === '--rcfile' || arg === '--init-file') index++
      continue
    }
    if (arg.startsWith('-') || arg.startsWith('+')) {
      const letters = arg.slice(1)
      if (letters.includes('c')) return commandShell(shell)
      if (letters.includes('s') || letters.includes('i')) return stdinShell(shell)
      if (letters.includes('o') || letters.includes('O')) index++
      continue
    }
    return undefined // a script file: an ordinary command for the rules
  }
  return stdinShell(shell)
}

function commandShell(shell: string): string {
  return `\`${shell} -c\` runs text as a command line, which cannot be checked; run the commands directly`
}

function stdinShell(shell: string): string {
  return `\`${shell}\` reading commands from its input (a pipe, here-document or here-string) cannot be checked; run the commands directly`
}

interface ParsedWrapper {
  command: string[]
  assignments: { name: string; value: string }[]
}

/** Skips a wrapper's options; returns the wrapped command or why it cannot be found. */
function parseWrapper(
  base: string,
  spec: WrapperSpec,
  args: readonly string[]
): ParsedWrapper | string {
  const assignments: { name: string; value: string }[] = []
  let index = 0
  let operands = spec.operands ?? 0
  while (index < args.length) {
    const arg = args[index] as string
    if (arg.includes(UNKNOWN) && operands === 0) return unclear(base, arg)
    if (arg === '--') {
      index++
      break
    }
    if (arg === '-' && spec.flags.includes('-')) {
      index++
      continue
    }
    if (arg.startsWith('-') && arg !== '-') {
      if (spec.numericOption && /^-\d+$/.test(arg)) {
        index++
        continue
      }
      const consumed = option(base, spec, arg)
      if (typeof consumed === 'string') return consumed
      index += consumed
      continue
    }
    if (spec.assignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(arg)) {
      const equals = arg.indexOf('=')
      assignments.push({ name: arg.slice(0, equals), value: arg.slice(equals + 1) })
      index++
      continue
    }
    if (operands > 0) {
      operands--
      index++
      continue
    }
    break
  }
  return { command: args.slice(index), assignments }
}

function unclear(base: string, arg: string): string {
  return `cannot tell which command \`${base}\` runs with ${JSON.stringify(arg.split(UNKNOWN).join('…'))}`
}

/** How many words an option takes (itself and maybe its value), or why it is refused. */
function option(base: string, spec: WrapperSpec, arg: string): number | string {
  if (arg.startsWith('--')) {
    const name = arg.split('=')[0] as string
    const refusal = spec.refuse?.[name]
    if (refusal) return refusal
    if (spec.withValue.includes(name)) return arg.includes('=') ? 1 : 2
    if (spec.flags.includes(arg)) return 1
    return unclear(base, arg)
  }
  // A cluster of short options: `-iu NAME`, `-n5`.
  for (let at = 1; at < arg.length; at++) {
    const short = `-${arg[at]}`
    const refusal = spec.refuse?.[short]
    if (refusal) return refusal
    if (spec.withValue.includes(short)) return at === arg.length - 1 ? 2 : 1
    if (!spec.flags.includes(short)) return unclear(base, arg)
  }
  return 1
}

/** `xargs [options] [command [args]]`: input words are appended, or replace -I's string. */
function xargs(args: readonly string[], outcome: UnwrapOutcome): UnwrapOutcome {
  let replace: string | undefined
  let index = 0
  while (index < args.length) {
    const arg = args[index] as string
    if (arg.includes(UNKNOWN)) {
      outcome.problems.push(unclear('xargs', arg))
      return outcome
    }
    if (arg === '--') {
      index++
      break
    }
    if (!arg.startsWith('-') || arg === '-') break
    let consumed: number | string = 1
    if (arg === '-I') {
      replace = args[index + 1]
      consumed = 2
    } else if (arg.startsWith('-I')) replace = arg.slice(2)
    else if (arg === '--replace') replace = '{}'
    else if (arg.startsWith('--replace=')) replace = arg.slice('--replace='.length)
    else if (arg.startsWith('-i')) replace = arg.length > 2 ? arg.slice(2) : '{}'
    else if (/^-[el]/.test(arg) || /^--(eof|max-lines)(=|$)/.test(arg)) consumed = 1
    else consumed = option('xargs', XARGS, arg)
    if (typeof consumed === 'string') {
      outcome.problems.push(consumed)
      return outcome
    }
    index += consumed
  }
  const command = index < args.length ? args.slice(index) : ['echo']
  if (replace === undefined) {
    outcome.commands.push([...command, UNKNOWN])
    return outcome
  }
  const marker = replace
  if (marker === '' || marker.includes(UNKNOWN) || (command[0] as string).includes(marker)) {
    outcome.problems.push('cannot tell which command `xargs` runs')
    return outcome
  }
  outcome.commands.push(command.map(word => word.split(marker).join(UNKNOWN)))
  return outcome
}

/** `find ... -exec cmd {} ;` / `+` (and -execdir, -ok, -okdir): `{}` is a file name. */
function findExec(args: readonly string[], outcome: UnwrapOutcome): UnwrapOutcome {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string
    if (!['-exec', '-execdir', '-ok', '-okdir'].includes(arg)) continue
    const command: string[] = []
    let end = index + 1
    let terminated = false
    for (; end < args.length; end++) {
      const word = args[end] as string
      if (word === ';' || (word === '+' && command[command.length - 1] === '{}')) {
        terminated = true
        break
      }
      command.push(word)
    }
    if (!terminated || command.length === 0) {
      outcome.problems.push(`\`find ${arg}\` without a complete command cannot be checked`)
      return outcome
    }
    if ((command[0] as string).includes('{}') || (command[0] as string).includes(UNKNOWN)) {
      outcome.problems.push(`the command \`find ${arg}\` runs is only known at run time`)
      return outcome
    }
    outcome.commands.push(command.map(word => word.split('{}').join(UNKNOWN)))
    index = end
  }
  return outcome
}
