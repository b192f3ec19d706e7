/**
 * Isolation of the Bash tool from the action's own process.
 *
 * The attack this stops: a command the model runs (or a build script it starts) reads the
 * action's environment from `/proc/<pid>/environ`, where the API key, the GitHub token and the
 * runtime tokens are, however well the child's own environment was filtered. In a PID namespace
 * with its own `/proc` the action's process does not exist; in a network namespace with
 * `network: false` there is nowhere to send anything.
 *
 * What a runner permits differs (Ubuntu 24.04 restricts unprivileged user namespaces with
 * AppArmor; GitHub-hosted runners give the runner user passwordless sudo; a container may run
 * as root), so each mechanism is tried in turn, each proved by running a small command through
 * it, and the first that works is used for the whole run. See docs/security.md.
 */
import { spawn } from 'node:child_process'
import { accessSync, constants, statSync } from 'node:fs'
import path from 'node:path'
import { UserError } from '../errors.js'
import type { IsolationMode, Rules } from '../policy/types.js'

export type IsolationLevel = 'user-namespace' | 'root-namespace' | 'sudo-namespace' | 'none'
export type NamespaceLevel = Exclude<IsolationLevel, 'none'>
/** The mechanisms, in the order they are tried. */
export const NAMESPACE_LEVELS: readonly NamespaceLevel[] = [
  'user-namespace',
  'root-namespace',
  'sudo-namespace'
]

/** The isolation in force for a run's Bash calls. */
export interface Isolation {
  level: IsolationLevel
  /** `isolated`: the command has its own network namespace with only a down loopback. */
  network: 'isolated' | 'host'
  /**
   * The command line that runs `argv` isolated (`argv` itself for `none`). `env` is the
   * environment the command must see: `sudo` resets the environment, so that level passes it
   * on explicitly (the other levels inherit the spawn's environment).
   */
  wrap(argv: string[], env?: NodeJS.ProcessEnv): string[]
  /** One line for people: how the command is isolated, or why it is not. */
  detail: string
}

/** What the session header records. */
export type IsolationRecord = Pick<Isolation, 'level' | 'network' | 'detail'>

export const NO_ISOLATION: Isolation = noIsolation('isolation not set up')

export function noIsolation(detail: string): Isolation {
  return { level: 'none', network: 'host', wrap: argv => [...argv], detail }
}

export interface ProbeResult {
  /** Exit code; null when killed (a probe that hangs is killed after PROBE_TIMEOUT_MS). */
  code: number | null
  stdout: string
  stderr: string
}
/** Runs one probe command (argv[0] is an absolute path) with the given environment. */
export type ProbeRunner = (argv: string[], env: NodeJS.ProcessEnv) => Promise<ProbeResult>

export interface DetectOptions {
  /** Whether the command may use the network; false asks for a network namespace. */
  network: boolean
  /**
   * The environment the commands will run with (the filtered child environment). Its PATH is
   * where unshare, setpriv, sudo and env are looked for (absolute entries only).
   */
  env?: NodeJS.ProcessEnv
  /** Runs the probes; a real spawn unless a test replaces it. */
  run?: ProbeRunner
  /** Which mechanisms to try, in this order (default NAMESPACE_LEVELS). */
  levels?: readonly NamespaceLevel[]
  /** Our user and group (default: this process's). */
  uid?: number
  gid?: number
}

const PROBE_TIMEOUT_MS = 5_000
const NET_MARK = '--claw-net--'
/**
 * Prints the shell's PID (1 in a new PID namespace), then the credentials and capabilities of a
 * process inside, then the network interfaces it sees. `/proc/net/dev` follows the reading
 * process's network namespace (`/sys/class/net` does not: it shows the host's interfaces until
 * sysfs is mounted again).
 */
const PROBE_SCRIPT = `echo "pid=$$"; cat /proc/self/status; echo ${NET_MARK}; cat /proc/net/dev`

/**
 * Tries each mechanism in order and returns the first that demonstrably works. With
 * `network: false`, mechanisms are first tried with a network namespace; only when none works
 * with one are they tried again without (the result then says `network: 'host'`). Nothing is
 * cached: call it once per run.
 */
export async function detectIsolation(options: DetectOptions): Promise<Isolation> {
  const env = options.env ?? process.env
  const run = options.run ?? spawnProbe
  const levels = options.levels ?? NAMESPACE_LEVELS
  const uid = options.uid ?? process.getuid?.() ?? -1
  const gid = options.gid ?? process.getgid?.() ?? -1
  const tools = findTools(env.PATH)
  const tried: string[] = []

  const passes = options.network ? [false] : [true, false]
  for (const isolateNetwork of passes) {
    for (const level of levels) {
      const candidate = buildIsolation(level, { tools, uid, gid, isolateNetwork, env })
      if (typeof candidate === 'string') {
        if (isolateNetwork === passes[0]) tried.push(`${level}: ${candidate}`)
        continue
      }
      const problem = await verify(candidate, run, env, {
        uid: level === 'sudo-namespace' ? uid : 0,
        isolateNetwork
      })
      if (problem === undefined) {
        if (!options.network && !isolateNetwork) {
          candidate.detail += `; no network namespace could be made (${tried.join('; ')})`
        }
        return candidate
      }
      tried.push(`${level}${isolateNetwork ? ' with --net' : ''}: ${problem}`)
    }
  }
  return noIsolation(`nothing available (${groupReasons(tried)})`)
}

/** `a: x; b: x; c: y` as `a, b: x; c: y`. */
function groupReasons(tried: string[]): string {
  const byReason = new Map<string, string[]>()
  for (const entry of tried) {
    const at = entry.indexOf(': ')
    const reason = entry.slice(at + 2)
    byReason.set(reason, [...(byReason.get(reason) ?? []), entry.slice(0, at)])
  }
  return [...byReason].map(([reason, levels]) => `${levels.join(', ')}: ${reason}`).join('; ')
}

/** A policy's `isolation` mode would be broken by this isolation: the run must not start. */
export class IsolationUnavailableError extends UserError {
  override name = 'IsolationUnavailableError'
}

export interface RunIsolationOptions {
  mode: IsolationMode
  /** The rules of the run's task: whether Bash may run at all, and `network`. */
  rules: Rules
  env?: NodeJS.ProcessEnv
  run?: ProbeRunner
  levels?: readonly NamespaceLevel[]
  /** Answers the probe (default: detectIsolation); a shared one may have started it already. */
  detect?: IsolationDetector
}

/** The probe's answer for a `network` rule and an environment (its PATH says where the helpers are). */
export type IsolationDetector = (options: {
  network: boolean
  env: NodeJS.ProcessEnv
}) => Promise<Isolation>

/**
 * A detector that probes once per (network, PATH) and hands every later caller the same answer.
 * The action starts it while its GitHub requests are out (the probe is 40 to 90 ms of child
 * processes that read and write nothing of the repository), and the run asks it again once its
 * policy is certain: the same question gets the probe already under way, another one (a policy
 * the pull request's checkout changed) a probe of its own.
 */
export function sharedIsolationDetector(
  options: Pick<DetectOptions, 'run' | 'levels'> = {}
): IsolationDetector {
  const answers = new Map<string, Promise<Isolation>>()
  return ({ network, env }) => {
    const key = `${network}\0${env.PATH ?? ''}`
    let answer = answers.get(key)
    if (answer === undefined) {
      answer = detectIsolation({ ...options, network, env })
      answers.set(key, answer)
    }
    return answer
  }
}

/** Whether a run with this mode and these rules probes at all (see isolationForRun). */
export function needsProbe(mode: IsolationMode, rules: Rules): boolean {
  return mode !== 'off' && (rules.bash.allow.length > 0 || rules.bash.ask.length > 0)
}

/**
 * The isolation for one run: none when the policy turns it off or allows no Bash, else the
 * probe's answer. With `isolation: required` a run whose Bash would not be isolated (or would
 * have the network although the rules say `network: false`) fails here, before any model
 * request: throws IsolationUnavailableError.
 */
export async function isolationForRun(options: RunIsolationOptions): Promise<Isolation> {
  if (options.mode === 'off') return noIsolation('off in the policy (isolation: off)')
  const bash = options.rules.bash
  if (bash.allow.length === 0 && bash.ask.length === 0) return noIsolation('no Bash allowed')
  const isolation = await (options.detect
    ? options.detect({ network: options.rules.network, env: options.env ?? process.env })
    : detectIsolation({
        network: options.rules.network,
        env: options.env,
        run: options.run,
        levels: options.levels
      }))
  if (options.mode !== 'required') return isolation
  if (isolation.level === 'none') {
    throw new IsolationUnavailableError(
      `the policy says isolation: required, but Bash cannot be isolated on this machine: ${isolation.detail}. ` +
        'Allow unprivileged user namespaces (on Ubuntu 24.04: sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0), ' +
        'give the user passwordless sudo, or set isolation: preferred in the policy.'
    )
  }
  if (!options.rules.network && isolation.network === 'host') {
    throw new IsolationUnavailableError(
      `the policy says isolation: required and network: false, but Bash's network cannot be cut off on this machine (${isolation.level}: ${isolation.detail}). ` +
        'Set network: true for this task or isolation: preferred in the policy.'
    )
  }
  return isolation
}

/** One line for the progress log. */
export function describeIsolation(isolation: IsolationRecord): string {
  if (isolation.level === 'none') return `none (${isolation.detail})`
  return `${isolation.level}, network ${isolation.network} (${isolation.detail})`
}

interface Tools {
  unshare?: string
  setpriv?: string
  sudo?: string
  env?: string
}

/**
 * Absolute paths of the helpers, from the absolute entries of PATH. A relative entry (`.`, or
 * an empty one) would let a file the model wrote in the workspace stand in for `unshare` and run
 * outside every namespace, so those are skipped.
 */
function findTools(searchPath: string | undefined): Tools {
  const directories = (searchPath ?? '')
    .split(path.delimiter)
    .filter(entry => path.isAbsolute(entry))
  const find = (name: string): string | undefined => {
    for (const directory of directories) {
      const file = path.join(directory, name)
      try {
        accessSync(file, constants.X_OK)
        if (statSync(file).isFile()) return file
      } catch {
        // Not here.
      }
    }
    return undefined
  }
  return {
    unshare: find('unshare'),
    setpriv: find('setpriv'),
    sudo: find('sudo'),
    env: find('env')
  }
}

interface BuildOptions {
  tools: Tools
  uid: number
  gid: number
  isolateNetwork: boolean
  env: NodeJS.ProcessEnv
}

/**
 * Every command runs without capabilities and with no_new_privs (setpriv). Without that, root in
 * the namespace (a user namespace maps us to root) could `umount /proc` and see the host's
 * /proc again, and a setuid `sudo` could undo the rest. Returns why a level cannot be built.
 */
function buildIsolation(level: NamespaceLevel, options: BuildOptions): Isolation | string {
  const { tools, isolateNetwork } = options
  if (tools.unshare === undefined) return 'unshare not found on PATH'
  if (tools.setpriv === undefined) return 'setpriv not found on PATH'
  const namespaces = ['--pid', '--fork', '--mount-proc', ...(isolateNetwork ? ['--net'] : [])]
  const dropAll = ['--bounding-set=-all', '--inh-caps=-all', '--no-new-privs']
  const network = isolateNetwork ? 'isolated' : 'host'
  const what = `own PID${isolateNetwork ? ', network' : ''} and mount namespaces`
  const unshare = tools.unshare
  const setpriv = tools.setpriv
  switch (level) {
    case 'user-namespace': {
      const prefix = [unshare, '--user', '--map-root-user', ...namespaces, '--kill-child', '--']
      return {
        level,
        network,
        wrap: argv => [...prefix, setpriv, ...dropAll, '--', ...argv],
        detail: `unprivileged user namespace with ${what}; the command is root of the namespace without capabilities`
      }
    }
    case 'root-namespace': {
      if (options.uid !== 0) return 'not running as root'
      const prefix = [unshare, ...namespaces, '--kill-child', '--']
      return {
        level,
        network,
        wrap: argv => [...prefix, setpriv, ...dropAll, '--', ...argv],
        // Root keeps uid 0 (the workspace belongs to root) but no capabilities: it cannot
        // unmount the namespace's /proc, ptrace, or reach the host's namespaces.
        detail: `${what} as root; the command keeps uid 0 without capabilities`
      }
    }
    case 'sudo-namespace': {
      if (options.uid === 0) return 'already root (sudo adds nothing)'
      if (options.uid < 0 || options.gid < 0) return 'no user id on this platform'
      if (tools.sudo === undefined) return 'sudo not found on PATH'
      if (tools.env === undefined) return 'env not found on PATH'
      const gid = commandGroup(options.gid)
      const prefix = [tools.sudo, '-n', '--', unshare, ...namespaces, '--kill-child', '--']
      const asUs = [
        setpriv,
        `--reuid=${options.uid}`,
        `--regid=${gid}`,
        // Supplementary groups go: on GitHub-hosted runners they include docker, and the docker
        // socket is root on the host (and reachable from any network namespace).
        '--clear-groups',
        ...dropAll,
        '--'
      ]
      const envPath = tools.env
      return {
        level,
        network,
        // sudo resets the environment; `env -i` sets exactly the child environment again.
        wrap: (argv, env = options.env) => [
          ...prefix,
          ...asUs,
          envPath,
          '-i',
          ...environmentEntries(env),
          ...argv
        ],
        detail: `sudo with ${what}; the command runs as uid ${options.uid}, gid ${gid}, no supplementary groups, without capabilities`
      }
    }
  }
}

/**
 * The group the command runs with under sudo: ours, unless ours owns the docker socket (on
 * GitHub-hosted runners the runner user's primary group is docker), then nogroup (65534).
 */
function commandGroup(gid: number): number {
  for (const socket of ['/var/run/docker.sock', '/run/docker.sock']) {
    try {
      if (statSync(socket).gid === gid) return 65534
    } catch {
      // No socket there.
    }
  }
  return gid
}

function environmentEntries(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(env)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && !entry[0].includes('='))
    .map(([name, value]) => `${name}=${value}`)
}

/** Runs the probe through the isolation; undefined when it proved to work, else what failed. */
async function verify(
  isolation: Isolation,
  run: ProbeRunner,
  env: NodeJS.ProcessEnv,
  expected: { uid: number; isolateNetwork: boolean }
): Promise<string | undefined> {
  let result: ProbeResult
  try {
    result = await run(isolation.wrap(['sh', '-c', PROBE_SCRIPT], env), env)
  } catch (error) {
    return oneLine((error as { message?: string }).message ?? String(error))
  }
  if (result.code !== 0) {
    const said = oneLine(result.stderr) || oneLine(result.stdout)
    return `exit ${result.code ?? 'killed'}${said ? `: ${said}` : ''}`
  }
  const [before, after] = result.stdout.split(`${NET_MARK}\n`)
  const lines = (before ?? '').split('\n')
  if (lines[0] !== 'pid=1') return `the command was not PID 1 (${oneLine(lines[0] ?? '')})`
  const field = (name: string): string[] =>
    (lines.find(line => line.startsWith(`${name}:`)) ?? '').split(/\s+/).slice(1)
  const uids = field('Uid')
  if (uids.length === 0 || uids.some(value => Number(value) !== expected.uid)) {
    return `the command ran as uid ${uids.join('/') || '?'}, expected ${expected.uid}`
  }
  for (const name of ['CapPrm', 'CapEff', 'CapBnd']) {
    const value = field(name)[0] ?? ''
    if (!/^0+$/.test(value)) return `the command kept capabilities (${name} ${value || '?'})`
  }
  if (expected.isolateNetwork) {
    const interfaces = (after ?? '')
      .split('\n')
      .filter(line => line.includes(':'))
      .map(line => line.split(':')[0]?.trim() ?? '')
      .filter(name => name !== '' && !name.startsWith('Inter') && !name.startsWith('face'))
    if (interfaces.length === 0 || interfaces.some(name => name !== 'lo')) {
      return `the network namespace has interfaces ${interfaces.join(', ') || '(none listed)'}`
    }
  }
  return undefined
}

function oneLine(text: string): string {
  const flat = text.trim().replace(/\s*\n\s*/g, ' | ')
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat
}

/** spawn with a timeout; never rejects for a missing program (code 127 with the reason). */
function spawnProbe(argv: string[], env: NodeJS.ProcessEnv): Promise<ProbeResult> {
  return new Promise(resolve => {
    const [file, ...args] = argv
    if (file === undefined) return resolve({ code: 127, stdout: '', stderr: 'empty command' })
    let stdout = ''
    let stderr = ''
    const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      } catch {
        // Gone already.
      }
    }, PROBE_TIMEOUT_MS)
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.once('error', error => {
      clearTimeout(timer)
      resolve({ code: 127, stdout, stderr: error.message })
    })
    child.once('close', code => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}
