/**
 * What particular programs do with their arguments, where that decides whether a command line is
 * safe whatever the rules say. Patterns see text; these checks see meaning:
 *
 * - git: configuration given on the command line (`-c`, `--config-env`) and options that name a
 *   program to run (`--upload-pack`, `--receive-pack`, `--exec`, `-u`, `rebase --exec`,
 *   `grep -O`, ...) are refused always; `git config` that sets anything is refused (it writes
 *   .git/config, where core.pager, core.sshCommand or an alias run code); the global options
 *   before the subcommand are removed, so `git -C . push` is matched as `git push`, and the
 *   directories they name must stay inside the workspace.
 * - interpreters (`node -e`, `python -c`, `perl -e`, ...): code given inline, or read from the
 *   standard input (a pipe, here-document or here-string), cannot be checked.
 * - awk programs that call system() or pipe to commands, sed scripts with `e` or `w`.
 * - programs that take a command to run in an option (`tar --to-command`, `rsync -e`, ...).
 * - `tee FILE` and `sed -i FILE` write files: those are checked like `> FILE`.
 *
 * A deny-list by nature, so `docs/policy.md` ("Known limits") says what it does not cover.
 */
import { UNKNOWN } from './match.js'

/** A file or directory a command names in its arguments, which the decision must check. */
export interface CommandPath {
  /** `write`: judged like `> target`; `read`: like `< target`; `directory`: must stay inside. */
  access: 'write' | 'read' | 'directory'
  target: string
  /** The program and option that name it, for messages (`git -C`, `tee`). */
  source: string
}

export interface ProgramOutcome {
  /** Why the command cannot be checked statically (decided as `bash: unanalysable`). */
  problems: string[]
  /** Why the command is refused whatever the rules say (decided as `bash: forbidden`). */
  forbidden: string[]
  /** The words rules should match, when they differ from what was written (git's globals). */
  argv?: string[]
  paths: CommandPath[]
}

/** The program's name as it will be found: base name, lower case (macOS file names ignore case). */
export function programName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1).toLowerCase()
}

/** A table entry by name; `constructor` and the like are not entries. */
function lookup<T>(table: Record<string, T>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined
}

/** `python3.12` → `python`, `perl5.36` → `perl`, `nodejs` → `node`. */
function interpreterName(base: string): string {
  const stripped = base.replace(/[\d.]+$/, '')
  return stripped === 'nodejs' ? 'node' : stripped
}

export function checkProgram(argv: readonly string[]): ProgramOutcome {
  const outcome: ProgramOutcome = { problems: [], forbidden: [], paths: [] }
  const name = argv[0]
  if (name === undefined) return outcome
  const base = programName(name)
  const args = argv.slice(1)
  if (base === 'git') git(argv, outcome)
  else if (base === 'awk' || base === 'gawk' || base === 'mawk' || base === 'nawk') {
    awk(base, args, outcome)
  } else if (base === 'sed' || base === 'gsed') sed(base, args, outcome)
  else if (base === 'tee') tee(args, outcome)
  else if (base === 'find') find(args, outcome)
  else if (Object.hasOwn(COMMAND_OPTIONS, base)) commandOptions(base, args, outcome)
  else if (PACKAGE_RUNNERS.has(base)) packageRunner(base, args, outcome)
  else {
    const interpreter = lookup(INTERPRETERS, interpreterName(base))
    if (interpreter) {
      const problem = interpreterProblem(base, interpreter, args)
      if (problem) outcome.problems.push(problem)
    }
  }
  return outcome
}

// --- interpreters ------------------------------------------------------------------------------

interface InterpreterSpec {
  /** Short options whose value is program text (`-e`, `-c`). */
  codeShort: string
  /** Long options whose value is program text (`--eval`, `--print`). */
  codeLong?: string[]
  /** Short options that take a value: the rest of the cluster, or the next word. */
  valueShort?: string
  /** Short options followed by optional digits only (perl's `-l`, `-0`): the cluster goes on. */
  digitShort?: string
  /** Long options that take the next word as value (when written without `=`). */
  valueLong?: string[]
  /** Long options known to take no value; other unknown ones may swallow the next word. */
  flagLong?: (option: string) => boolean
  /** Short options that run a module by name instead of a script (`python -m`). */
  moduleShort?: string
  /** Short / long options after which the interpreter reads code from its input. */
  interactive?: string[]
  /** Options that run no program at all, so no script is needed (`--version`, `node --test`). */
  standalone?: string[]
  /** Subcommands whose argument is program text (`deno eval`). */
  codeSubcommands?: string[]
  /** Subcommands that take a script, or run something named, rather than code (`bun run`). */
  subcommands?: boolean
  /** Checks an option's value (perl's `-M` can hold code). */
  checkValue?: (option: string, value: string) => string | undefined
}

const COMMON_INFO = ['-v', '-V', '--version', '-h', '--help']

const INTERPRETERS: Record<string, InterpreterSpec> = {
  node: {
    codeShort: 'ep',
    codeLong: ['--eval', '--print'],
    valueShort: 'rC',
    valueLong: [
      '--require',
      '--import',
      '--loader',
      '--experimental-loader',
      '--conditions',
      '--input-type',
      '--env-file',
      '--title',
      '--inspect-port',
      '--stack-size',
      '--max-old-space-size',
      '--test-reporter',
      '--test-reporter-destination',
      '--test-name-pattern',
      '--test-concurrency',
      '--watch-path',
      '--run'
    ],
    flagLong: option =>
      /^--(no-|experimental-|trace-|inspect|enable-|expose-|harmony|test|watch|check|pending-deprecation|throw-deprecation|preserve-symlinks|frozen-intrinsics|abort-on-uncaught-exception|use-strict)/.test(
        option
      ),
    interactive: ['-i', '--interactive'],
    standalone: [...COMMON_INFO, '--test', '--run', '--v8-options', '-c', '--check']
  },
  python: {
    codeShort: 'c',
    valueShort: 'WXQ',
    valueLong: ['--check-hash-based-pycs'],
    moduleShort: 'm',
    interactive: ['-i'],
    standalone: COMMON_INFO
  },
  pypy: {
    codeShort: 'c',
    valueShort: 'WXQ',
    moduleShort: 'm',
    interactive: ['-i'],
    standalone: COMMON_INFO
  },
  perl: {
    codeShort: 'eE',
    valueShort: 'IMmxidDV',
    digitShort: 'l0C',
    standalone: COMMON_INFO,
    checkValue: (option, value) =>
      (option === 'M' || option === 'm') && /[^\w:=,.-]/.test(value)
        ? `\`perl -${option}\` with ${JSON.stringify(value)} runs code given inline, which cannot be checked`
        : undefined
  },
  ruby: {
    codeShort: 'e',
    valueShort: 'IrCEFKTWx0',
    valueLong: ['--encoding', '--external-encoding', '--internal-encoding'],
    standalone: COMMON_INFO
  },
  php: {
    codeShort: 'rRBE',
    valueShort: 'cdztS',
    moduleShort: 'f',
    interactive: ['-a'],
    standalone: [...COMMON_INFO, '-m', '-i', '-l']
  },
  lua: { codeShort: 'e', valueShort: 'ljO', interactive: ['-i'], standalone: COMMON_INFO },
  luajit: { codeShort: 'e', valueShort: 'ljO', interactive: ['-i'], standalone: COMMON_INFO },
  rscript: { codeShort: 'e', standalone: COMMON_INFO },
  r: { codeShort: 'e', valueShort: 'fdg', standalone: COMMON_INFO },
  osascript: { codeShort: 'e', valueShort: 'ls', standalone: COMMON_INFO },
  tclsh: { codeShort: '', standalone: COMMON_INFO },
  expect: { codeShort: 'c', valueShort: 'D', standalone: COMMON_INFO },
  bun: {
    codeShort: 'ep',
    codeLong: ['--eval', '--print'],
    codeSubcommands: ['repl'],
    subcommands: true,
    standalone: [...COMMON_INFO, 'test', 'install', 'add', 'remove', 'x', 'build', 'pm', 'init']
  },
  deno: {
    codeShort: '',
    codeSubcommands: ['eval', 'repl'],
    subcommands: true,
    standalone: [
      ...COMMON_INFO,
      'test',
      'fmt',
      'lint',
      'check',
      'task',
      'info',
      'doc',
      'bench',
      'compile',
      'cache',
      'install',
      'upgrade',
      'types',
      'coverage'
    ]
  }
}

function inlineCode(program: string, option: string): string {
  return `\`${program} ${option}\` runs code given inline, which cannot be checked; write it to a script file the rules allow, or run commands directly`
}

function stdinCode(program: string): string {
  return `\`${program}\` reading its program from its input (a pipe, here-document or here-string) cannot be checked; write it to a script file the rules allow`
}

/** Why running this interpreter with `args` cannot be checked, or undefined (it runs a script). */
function interpreterProblem(
  program: string,
  spec: InterpreterSpec,
  args: readonly string[]
): string | undefined {
  let sawStandalone = false
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string
    // `$X` may split into options (`-e`, code): only a word that starts literally is a script.
    if (arg.startsWith(UNKNOWN) || (arg.startsWith('-') && arg.includes(UNKNOWN))) {
      return `\`${program}\` with options only known at run time cannot be checked`
    }
    if (spec.standalone?.includes(arg)) sawStandalone = true
    if (spec.interactive?.includes(arg)) return stdinCode(`${program} ${arg}`)
    if (arg === '-') return stdinCode(`${program} -`)
    if (arg === '--') return args[index + 1] === undefined ? stdinCode(program) : undefined
    if (arg.startsWith('--')) {
      const [option = arg] = arg.split('=', 1)
      if (spec.codeLong?.includes(option)) return inlineCode(program, option)
      if (spec.valueLong?.includes(option)) {
        if (!arg.includes('=')) index++
        continue
      }
      // An unknown option may take the next word as its value: look past that word too.
      if (!arg.includes('=') && !(spec.flagLong?.(option) ?? false) && !sawStandalone) {
        const next = args[index + 1]
        if (next !== undefined && !next.startsWith('-')) index++
      }
      continue
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let at = 1; at < arg.length; at++) {
        const letter = arg[at] as string
        if (spec.codeShort.includes(letter)) return inlineCode(program, `-${letter}`)
        if (spec.moduleShort?.includes(letter)) return undefined
        if (spec.interactive?.includes(`-${letter}`)) return stdinCode(`${program} -${letter}`)
        if (spec.digitShort?.includes(letter)) {
          while (/\d/.test(arg[at + 1] ?? '')) at++
          continue
        }
        if (spec.valueShort?.includes(letter)) {
          let value = arg.slice(at + 1)
          if (value === '') value = args[++index] ?? ''
          const problem = spec.checkValue?.(letter, value)
          if (problem) return problem
          break
        }
      }
      continue
    }
    if (spec.codeSubcommands?.includes(arg)) return inlineCode(program, arg)
    if (spec.subcommands) {
      // `bun run x`, `deno run x`: the script comes after; `deno run -` reads it from the input.
      if (arg === 'run') {
        const rest = args.slice(index + 1)
        return rest.includes('-') ? stdinCode(`${program} run -`) : undefined
      }
      return undefined
    }
    return undefined // a script file (or module): an ordinary command for the rules
  }
  if (sawStandalone) return undefined
  return stdinCode(program)
}

/** `npx node -e ...`, `npm exec -c ...`: the package runners start the interpreters too. */
const PACKAGE_RUNNERS = new Set(['npx', 'bunx', 'pnpx', 'npm', 'pnpm', 'yarn'])

function packageRunner(base: string, args: readonly string[], outcome: ProgramOutcome): void {
  let rest = [...args]
  if (base === 'npm' || base === 'pnpm' || base === 'yarn') {
    const sub = rest.findIndex(arg => !arg.startsWith('-'))
    if (sub < 0 || !['exec', 'x', 'dlx'].includes(rest[sub] as string)) return
    rest = rest.slice(sub + 1)
  }
  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index] as string
    if (arg === '-c' || arg === '--call' || arg.startsWith('--call=')) {
      outcome.problems.push(
        `\`${base} ${arg.split('=')[0] ?? arg}\` runs text as a command line, which cannot be checked; run the commands directly`
      )
      return
    }
    if (arg === '--') {
      rest = rest.slice(index + 1)
      break
    }
    if (arg === '-p' || arg === '--package') {
      index++
      continue
    }
    if (!arg.startsWith('-')) {
      rest = rest.slice(index)
      break
    }
  }
  const inner = rest[0]
  if (inner === undefined) return
  const innerName = interpreterName(programName(inner))
  const spec = lookup(INTERPRETERS, innerName)
  if (spec) {
    const problem = interpreterProblem(`${base} ${inner}`, spec, rest.slice(1))
    if (problem) outcome.problems.push(problem)
  } else if (SHELL_NAMES.has(innerName)) {
    outcome.problems.push(`\`${base} ${inner}\` starts a shell, which cannot be checked`)
  }
}

const SHELL_NAMES = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'fish', 'csh', 'tcsh'])

// --- awk and sed -------------------------------------------------------------------------------

function awk(base: string, args: readonly string[], outcome: ProgramOutcome): void {
  const programs: string[] = []
  let fromFile = false
  let index = 0
  for (; index < args.length; index++) {
    const arg = args[index] as string
    if (arg === '--') {
      index++
      break
    }
    if (!arg.startsWith('-') || arg === '-') break
    const [option = arg, inlineValue] = splitOption(arg)
    const value = (): string => inlineValue ?? args[++index] ?? ''
    if (['-f', '--file', '-E', '--exec', '-i', '--include'].includes(option)) {
      value()
      fromFile = true
    } else if (['-e', '--source'].includes(option)) programs.push(value())
    else if (['-l', '--load'].includes(option)) {
      outcome.problems.push(
        `\`${base} ${option}\` loads a compiled extension, which cannot be checked`
      )
      return
    } else if (['-v', '--assign', '-F', '--field-separator'].includes(option)) value()
    else if (/^-[vF]./.test(arg)) continue
  }
  if (!fromFile && programs.length === 0) programs.push(args[index] ?? '')
  for (const program of programs) {
    const problem = awkProblem(base, program)
    if (problem) {
      outcome.problems.push(problem)
      return
    }
  }
}

function awkProblem(base: string, program: string): string | undefined {
  if (program.includes(UNKNOWN)) {
    return `the \`${base}\` program is only known at run time; write it literally`
  }
  if (/\bsystem\s*\(/.test(program)) {
    return `the \`${base}\` program calls system(), which runs commands that cannot be checked`
  }
  if (program.replace(/\|\|/g, '').includes('|')) {
    return `the \`${base}\` program pipes to or from a command (\`|\`), which cannot be checked`
  }
  if (/\bprintf?\b[^;{}\n]*>/.test(program)) {
    return `the \`${base}\` program writes to a file (\`print > file\`), which the write rules cannot check`
  }
  if (/@load\b/.test(program)) {
    return `the \`${base}\` program loads an extension (@load), which cannot be checked`
  }
  return undefined
}

function splitOption(arg: string): [string, string | undefined] {
  if (arg.startsWith('--')) {
    const equals = arg.indexOf('=')
    return equals < 0 ? [arg, undefined] : [arg.slice(0, equals), arg.slice(equals + 1)]
  }
  return arg.length > 2 ? [arg.slice(0, 2), arg.slice(2)] : [arg, undefined]
}

const SED_FLAGS = new Set([
  '-n',
  '--quiet',
  '--silent',
  '-E',
  '-r',
  '--regexp-extended',
  '-s',
  '--separate',
  '-u',
  '--unbuffered',
  '-z',
  '--null-data',
  '--posix',
  '--sandbox',
  '--debug',
  '--follow-symlinks',
  '-b',
  '--binary',
  '--help',
  '--version'
])

function sed(base: string, args: readonly string[], outcome: ProgramOutcome): void {
  const scripts: string[] = []
  const files: string[] = []
  let scriptFile = false
  let inPlace = false
  let onlyOperands = false
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string
    if (onlyOperands || !arg.startsWith('-') || arg === '-') {
      files.push(arg)
      continue
    }
    if (arg === '--') {
      onlyOperands = true
      continue
    }
    if (arg.includes(UNKNOWN)) {
      outcome.problems.push(`\`${base}\` with options only known at run time cannot be checked`)
      return
    }
    if (arg.startsWith('--')) {
      const [option, value] = splitOption(arg)
      if (option === '--expression') scripts.push(value ?? (args[++index] as string) ?? '')
      else if (option === '--file') {
        scriptFile = true
        if (value === undefined) index++
      } else if (option === '--in-place') inPlace = true
      else if (option === '--line-length') {
        if (value === undefined) index++
      } else if (!SED_FLAGS.has(option)) {
        outcome.problems.push(`cannot tell what \`${base} ${option}\` does`)
        return
      }
      continue
    }
    // A cluster of short options: `-ne`, `-i.bak`, `-Ei`.
    for (let at = 1; at < arg.length; at++) {
      const letter = arg[at] as string
      if (letter === 'i') {
        inPlace = true
        break // the rest of the cluster is the backup suffix
      }
      if (letter === 'e' || letter === 'f' || letter === 'l') {
        const value = arg.slice(at + 1) || (args[++index] ?? '')
        if (letter === 'e') scripts.push(value)
        if (letter === 'f') scriptFile = true
        break
      }
      if (!SED_FLAGS.has(`-${letter}`)) {
        outcome.problems.push(`cannot tell what \`${base} -${letter}\` does`)
        return
      }
    }
  }
  if (scripts.length === 0 && !scriptFile) {
    const script = files.shift()
    if (script !== undefined) scripts.push(script)
  }
  for (const script of scripts) {
    const problem = sedProblem(base, script)
    if (problem) {
      outcome.problems.push(problem)
      return
    }
  }
  if (inPlace) {
    for (const file of files) {
      outcome.paths.push({ access: 'write', target: file, source: `${base} -i` })
    }
  }
}

/**
 * Why a sed script cannot be allowed: it runs commands (`e`, `s///e`), writes files (`w`,
 * `s///w`), or is not understood. A small parser of GNU sed's syntax.
 */
export function sedProblem(base: string, script: string): string | undefined {
  if (script.includes(UNKNOWN)) return `the \`${base}\` script is only known at run time`
  const runs = `the \`${base}\` script runs a command (the \`e\` command or flag), which cannot be checked`
  const writes = `the \`${base}\` script writes a file (the \`w\` command or flag), which the write rules cannot check`
  const unclear = `the \`${base}\` script could not be understood, so it cannot be checked`
  let at = 0
  const peek = (): string => script[at] ?? ''
  const skipSpace = (): void => {
    while (/[ \t]/.test(peek())) at++
  }
  const toEndOfLine = (): void => {
    while (at < script.length && peek() !== '\n') at++
  }
  /** Reads a delimited part (regex or replacement); false when unterminated. */
  const delimited = (delimiter: string): boolean => {
    while (at < script.length) {
      const character = script[at++] as string
      if (character === '\\') at++
      else if (character === '\n' && delimiter !== '\n') return false
      else if (character === delimiter) return true
    }
    return false
  }
  const address = (): boolean => {
    const character = peek()
    if (/\d/.test(character)) {
      while (/[\d~]/.test(peek())) at++
    } else if (character === '$') at++
    else if (character === '/') {
      at++
      if (!delimited('/')) return false
      while (/[IM]/.test(peek())) at++
    } else if (character === '\\') {
      at++
      const delimiter = script[at++]
      if (delimiter === undefined || !delimited(delimiter)) return false
      while (/[IM]/.test(peek())) at++
    }
    return true
  }
  while (at < script.length) {
    skipSpace()
    const start = peek()
    if (start === '') break
    if (start === ';' || start === '\n' || start === '}') {
      at++
      continue
    }
    if (start === '#') {
      toEndOfLine()
      continue
    }
    if (!address()) return unclear
    skipSpace()
    if (peek() === ',') {
      at++
      skipSpace()
      if (peek() === '+' || peek() === '~') {
        at++
        while (/\d/.test(peek())) at++
      } else if (!address()) return unclear
    }
    skipSpace()
    while (peek() === '!') {
      at++
      skipSpace()
    }
    const command = script[at++]
    if (command === undefined) return unclear
    if (command === '{') continue
    if (command === 'e') return runs
    if (command === 'w' || command === 'W') return writes
    if ('aicrRbtTv:'.includes(command)) {
      // Text, file name or label up to the end of the line (labels also end at `;`).
      if ('btTv:'.includes(command)) {
        while (at < script.length && peek() !== '\n' && peek() !== ';') at++
      } else toEndOfLine()
      continue
    }
    if (command === 's') {
      const delimiter = script[at++]
      if (delimiter === undefined || delimiter === '\n' || delimiter === '\\') return unclear
      if (!delimited(delimiter) || !delimited(delimiter)) return unclear
      while (/[gpiImMe0-9w]/.test(peek())) {
        const flag = script[at++] as string
        if (flag === 'e') return runs
        if (flag === 'w') return writes
      }
      continue
    }
    if (command === 'y') {
      const delimiter = script[at++]
      if (delimiter === undefined || !delimited(delimiter) || !delimited(delimiter)) return unclear
      continue
    }
    if ('qQlL'.includes(command)) {
      skipSpace()
      while (/\d/.test(peek())) at++
      continue
    }
    if ('=dDgGhHnNpPxzF'.includes(command)) continue
    return unclear
  }
  return undefined
}

/** `find -delete` removes what it finds (`.git` too); `-fprint FILE` and `-fls FILE` write. */
function find(args: readonly string[], outcome: ProgramOutcome): void {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string
    if (arg.startsWith(UNKNOWN)) {
      outcome.problems.push(
        "`find` with an argument that may expand to actions such as -exec or -delete cannot be checked; quote patterns (-name '*.ts')"
      )
      return
    }
    if (['-exec', '-execdir', '-ok', '-okdir'].includes(arg)) {
      // The command it runs is checked on its own (see wrappers.ts); skip its words.
      while (index + 1 < args.length && args[index + 1] !== ';' && args[index + 1] !== '+') index++
      continue
    }
    if (arg === '-delete') {
      outcome.forbidden.push(
        '`find -delete` removes files, which the write rules cannot check (it would remove .git too); delete files one by one with a command the rules allow'
      )
      return
    }
    if (['-fprint', '-fprint0', '-fls'].includes(arg)) {
      outcome.paths.push({ access: 'write', target: args[++index] ?? '', source: `find ${arg}` })
    } else if (arg === '-fprintf') {
      outcome.paths.push({ access: 'write', target: args[++index] ?? '', source: 'find -fprintf' })
      index++
    }
  }
}

// --- tee and programs that take a command in an option -----------------------------------------

function tee(args: readonly string[], outcome: ProgramOutcome): void {
  let onlyOperands = false
  for (const arg of args) {
    if (!onlyOperands && arg === '--') onlyOperands = true
    else if (!onlyOperands && arg.startsWith('-') && arg !== '-') continue
    else outcome.paths.push({ access: 'write', target: arg, source: 'tee' })
  }
}

/** Options that make a program run a command given as text (prefixes of long options included). */
const COMMAND_OPTIONS: Record<string, { short?: string; long: string[] }> = {
  tar: {
    short: 'IF',
    long: [
      '--to-command',
      '--checkpoint-action',
      '--use-compress-program',
      '--rsh-command',
      '--info-script',
      '--new-volume-script'
    ]
  },
  rsync: { short: 'e', long: ['--rsh', '--rsync-path'] },
  sort: { long: ['--compress-program'] },
  zip: { short: 'T', long: ['--unzip-command'] },
  ssh: { short: 'o', long: [] },
  scp: { short: 'oS', long: [] },
  man: { short: 'PH', long: ['--pager', '--html'] },
  vim: { short: 'cS', long: ['--cmd'] },
  vi: { short: 'cS', long: ['--cmd'] },
  nvim: { short: 'cS', long: ['--cmd'] },
  ex: { short: 'cS', long: ['--cmd'] }
}

function commandOptions(base: string, args: readonly string[], outcome: ProgramOutcome): void {
  const spec = COMMAND_OPTIONS[base] as { short?: string; long: string[] }
  for (const arg of args) {
    if (arg === '--') return
    const vim = base === 'vim' || base === 'vi' || base === 'nvim' || base === 'ex'
    if (vim && arg.startsWith('+')) {
      outcome.problems.push(`\`${base} +command\` runs an editor command, which cannot be checked`)
      return
    }
    if (arg.startsWith('--')) {
      const [option = arg] = arg.split('=', 1)
      if (option.length > 3 && spec.long.some(long => long.startsWith(option))) {
        outcome.problems.push(
          `\`${base} ${option}\` runs a command given as text, which cannot be checked`
        )
        return
      }
    } else if (arg.startsWith('-') && spec.short) {
      const letters = arg.slice(1)
      const letter = [...letters].find(character => spec.short?.includes(character))
      if (letter !== undefined) {
        outcome.problems.push(
          `\`${base} -${letter}\` runs a command given as text, which cannot be checked`
        )
        return
      }
    }
  }
}

// --- git ---------------------------------------------------------------------------------------

/** Global options that take no value and change nothing the policy cares about. */
const GIT_GLOBAL_FLAGS = new Set([
  '--no-pager',
  '-P',
  '-p',
  '--paginate',
  '--no-replace-objects',
  '--literal-pathspecs',
  '--glob-pathspecs',
  '--noglob-pathspecs',
  '--icase-pathspecs',
  '--no-optional-locks',
  '--no-lazy-fetch',
  '--no-advice',
  '--bare',
  '--html-path',
  '--man-path',
  '--info-path',
  '--version',
  '-v',
  '--help',
  '-h',
  '--exec-path'
])

/** Options of a subcommand that name a program to run, or configuration: refused always. */
const GIT_RUNNERS: Record<string, { long: string[]; short?: string; reason: string }> = {
  fetch: {
    long: ['--upload-pack'],
    short: 'u',
    reason: 'names a program to run on the other side (or, for -u, updates the checked-out branch)'
  },
  pull: { long: ['--upload-pack'], reason: 'names a program to run' },
  clone: {
    long: ['--upload-pack', '--config', '--template', '--separate-git-dir'],
    short: 'uc',
    reason: 'names a program to run, or configuration and hooks for the new repository'
  },
  'ls-remote': { long: ['--upload-pack'], short: 'u', reason: 'names a program to run' },
  push: {
    long: ['--receive-pack', '--exec'],
    short: 'u',
    reason: 'names a program to run on the other side (or, for -u, writes .git/config)'
  },
  archive: { long: ['--exec', '--remote'], reason: 'names a program to run' },
  init: { long: ['--template', '--separate-git-dir'], reason: 'installs hooks from a template' },
  rebase: { long: ['--exec'], short: 'x', reason: 'runs a command after each commit' },
  grep: {
    long: ['--open-files-in-pager'],
    short: 'O',
    reason: 'runs a program on the files found'
  },
  difftool: { long: ['--extcmd'], short: 'x', reason: 'runs a program on the differences' }
}

function git(argv: readonly string[], outcome: ProgramOutcome): void {
  const name = argv[0] as string
  const args = argv.slice(1)
  let index = 0
  for (; index < args.length; index++) {
    const arg = args[index] as string
    if (arg.includes(UNKNOWN)) {
      outcome.problems.push(
        `cannot tell which git subcommand or option ${JSON.stringify(arg.split(UNKNOWN).join('…'))} is before it runs (it may be \`-c ...\` or \`config\`); write it literally`
      )
      return
    }
    if (!arg.startsWith('-')) break
    if (arg === '-c' || arg.startsWith('-c') || arg.startsWith('--config-env')) {
      outcome.forbidden.push(
        `\`git ${arg.startsWith('-c') ? '-c' : '--config-env'}\` sets configuration, which can run any program (core.pager, core.sshCommand, aliases); run git without it`
      )
      return
    }
    if (arg.startsWith('--exec-path=')) {
      outcome.forbidden.push('`git --exec-path=DIR` makes git run its commands from another folder')
      return
    }
    const [option = arg, inlineValue] = arg.startsWith('--') ? splitOption(arg) : [arg, undefined]
    if (
      [
        '-C',
        '--git-dir',
        '--work-tree',
        '--namespace',
        '--super-prefix',
        '--list-cmds',
        '--attr-source'
      ].includes(option)
    ) {
      const value = inlineValue ?? args[++index]
      if (value === undefined) {
        outcome.problems.push(`\`git ${option}\` needs a value`)
        return
      }
      if (value.includes(UNKNOWN)) {
        outcome.problems.push(`the value of \`git ${option}\` is only known at run time`)
        return
      }
      if (option === '-C' || option === '--work-tree') {
        outcome.paths.push({ access: 'directory', target: value, source: `git ${option}` })
      } else if (option === '--git-dir') {
        if (!/^(\.\/)*\.git\/*$/.test(value)) {
          outcome.forbidden.push(
            `\`git --git-dir=${value}\` selects another repository, whose configuration could run any program; use the workspace's own repository`
          )
          return
        }
      }
      continue
    }
    if (!GIT_GLOBAL_FLAGS.has(arg)) {
      outcome.problems.push(`cannot tell what the git option \`${arg}\` does before the subcommand`)
      return
    }
  }
  const rest = args.slice(index)
  if (index > 0) outcome.argv = [name, ...rest]
  const subcommand = rest[0]
  if (subcommand === undefined) return
  const subArgs = rest.slice(1)
  if (subcommand === 'config') {
    const problem = gitConfigProblem(subArgs)
    if (problem) outcome.forbidden.push(problem)
    return
  }
  if (subcommand === 'submodule' && subArgs.includes('foreach')) {
    outcome.problems.push('`git submodule foreach` runs a command line, which cannot be checked')
    return
  }
  if (subcommand === 'bisect' && subArgs[0] === 'run') {
    outcome.problems.push(
      '`git bisect run` runs a command, which cannot be checked; run it directly'
    )
    return
  }
  if (subcommand === 'filter-branch') {
    outcome.problems.push(
      '`git filter-branch` runs command lines given as text, which cannot be checked'
    )
    return
  }
  if (subcommand === 'rebase' && subArgs.some(arg => arg === '-i' || arg === '--interactive')) {
    outcome.problems.push('`git rebase -i` runs an editor, whose commands cannot be checked')
    return
  }
  if (GIT_DIFF_FAMILY.has(subcommand)) gitFiles(subcommand, subArgs, outcome)
  const runners = lookup(GIT_RUNNERS, subcommand)
  if (!runners) return
  for (const arg of subArgs) {
    if (arg === '--') return
    if (arg.startsWith(UNKNOWN) || (arg.includes(UNKNOWN) && arg.startsWith('-'))) {
      outcome.problems.push(
        `cannot tell what \`git ${subcommand}\` does with an argument that may expand to options; write it literally`
      )
      return
    }
    if (arg.startsWith('--')) {
      const [option = arg] = arg.split('=', 1)
      // git accepts any unambiguous abbreviation of a long option: `--upload-p=...`.
      const hit = runners.long.find(long => long.startsWith(option) && option.length >= 4)
      if (hit) {
        outcome.forbidden.push(
          `\`git ${subcommand} ${hit}\` ${runners.reason}, which the policy never allows`
        )
        return
      }
    } else if (arg.startsWith('-') && runners.short) {
      const letter = [...arg.slice(1)].find(character => runners.short?.includes(character))
      if (letter !== undefined) {
        outcome.forbidden.push(
          `\`git ${subcommand} -${letter}\` ${runners.reason}, which the policy never allows`
        )
        return
      }
    }
  }
}

const GIT_DIFF_FAMILY = new Set([
  'diff',
  'log',
  'show',
  'format-patch',
  'range-diff',
  'whatchanged',
  'diff-tree',
  'diff-files',
  'diff-index'
])

/**
 * `--output=FILE` writes FILE and is checked like `> FILE`; `diff --no-index A B` reads files that
 * need not be in the repository, so they are checked like `< A`.
 */
function gitFiles(subcommand: string, args: readonly string[], outcome: ProgramOutcome): void {
  const source = `git ${subcommand}`
  const noIndex = subcommand === 'diff' && args.includes('--no-index')
  let operands = false
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string
    if (!operands && arg === '--') {
      operands = true
      continue
    }
    if (!operands && arg.startsWith(UNKNOWN)) {
      // `git diff $X`, `xargs git diff`: the word may turn out to be `--output=/anywhere`.
      outcome.problems.push(
        `cannot tell what \`${source}\` does with an argument that may expand to options such as --output; write it literally, or after \`--\``
      )
      return
    }
    if (!operands && (arg === '--output' || arg.startsWith('--output='))) {
      const target = arg === '--output' ? (args[++index] ?? '') : arg.slice('--output='.length)
      outcome.paths.push({ access: 'write', target, source: `${source} --output` })
    } else if (
      !operands &&
      (arg === '-o' || arg === '--output-directory') &&
      subcommand === 'format-patch'
    ) {
      outcome.paths.push({ access: 'write', target: args[++index] ?? '', source: `${source} -o` })
    } else if (noIndex && (operands || !arg.startsWith('-'))) {
      outcome.paths.push({ access: 'read', target: arg, source: `${source} --no-index` })
    }
  }
}

const CONFIG_READ_OPTIONS = new Set([
  '--get',
  '--get-all',
  '--get-regexp',
  '--get-urlmatch',
  '--get-color',
  '--get-colorbool',
  '--list',
  '-l',
  '--show-origin',
  '--show-scope',
  '--name-only',
  '--null',
  '-z',
  '--includes',
  '--no-includes',
  '--global',
  '--system',
  '--local',
  '--worktree',
  '--bool',
  '--int',
  '--bool-or-int',
  '--path',
  '--expiry-date',
  '--all',
  '--regexp',
  '--fixed-value'
])
const CONFIG_READ_VALUE_OPTIONS = new Set([
  '--type',
  '--default',
  '--blob',
  '--file',
  '-f',
  '--value',
  '--url'
])

/** `git config` reading is left to the rules; setting anything is refused. */
function gitConfigProblem(args: readonly string[]): string | undefined {
  const refused = (what: string): string =>
    `\`git config\` ${what}: it would write git configuration, where core.pager, core.sshCommand, hooks or aliases run any program`
  const positional: string[] = []
  let reading = false
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string
    if (arg.includes(UNKNOWN) && arg.startsWith('-'))
      return refused('with an option only known at run time')
    if (arg.startsWith('-')) {
      const [option = arg, value] = arg.startsWith('--') ? splitOption(arg) : [arg, undefined]
      if (CONFIG_READ_OPTIONS.has(option)) {
        if (option.startsWith('--get') || option === '--list' || option === '-l') reading = true
        continue
      }
      if (CONFIG_READ_VALUE_OPTIONS.has(option)) {
        if (value === undefined) index++
        continue
      }
      return refused(`with \`${option}\``)
    }
    positional.push(arg)
  }
  const verb = positional[0]
  if (verb === 'get' || verb === 'list') return undefined
  if (['set', 'unset', 'rename-section', 'remove-section', 'edit'].includes(verb ?? '')) {
    return refused(verb as string)
  }
  if (reading) return undefined
  if (positional.length <= 1) return undefined // `git config user.name`: reads one value
  return refused('setting a value')
}
