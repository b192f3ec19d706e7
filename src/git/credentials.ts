/**
 * The git credential actions/checkout leaves behind, taken away from the agent for its run.
 *
 * With `persist-credentials: true` (its default) actions/checkout stores the job's token as an
 * HTTP header git sends to the server: `http.https://github.com/.extraheader` =
 * `AUTHORIZATION: basic <base64 of x-access-token:TOKEN>`. Older versions write it into
 * `.git/config`; newer ones into `$RUNNER_TEMP/git-credentials-<uuid>.config`, included from
 * `.git/config` with `includeIf.gitdir:<workspace>/.git.path`. Either way a Read of `.git/config`,
 * a `git config --list`, or a `cat` of the included file would hand the token to the model, and
 * an agent that can run `git push` could push anywhere the token reaches. So every
 * `http.*.extraheader` in the repository's local configuration and in every file it includes is
 * removed before the agent starts and put back, value for value, when it is done; only delivery
 * (which pushes) uses the credential again.
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'

/** What was removed, by file and key, in the order git listed it: enough to put it back. */
export interface SavedCredentials {
  entries: SavedEntry[]
}

export interface SavedEntry {
  /** Absolute path of the config file that held the values (`.git/config` or an included file). */
  file: string
  /** The full key as git prints it, e.g. `http.https://github.com/.extraheader`. */
  key: string
  /** Every value of the key in that file, in order. */
  values: string[]
}

export interface RemovedCredentials {
  /** Puts every removed value back (values already present are not added twice). */
  restore(): Promise<void>
  /** How many values were removed. */
  removed: number
  saved: SavedCredentials
}

/** Every `http.<url>.extraheader` key, whatever the URL (git lower-cases section and name). */
const EXTRAHEADER_KEYS = '^http\\..*\\.extraheader$'

/**
 * Removes every `http.*.extraheader` from the local configuration of the repository at
 * `workspace` and from the files it includes (`include.path`, `includeIf.<condition>.path`,
 * relative or absolute: git resolves them, and the conditions, itself). A workspace that is not
 * a git repository has nothing to remove. Throws when git fails otherwise: running the agent
 * with the credential still in place is not an option the caller should get silently.
 */
export async function removePersistedCredentials(workspace: string): Promise<RemovedCredentials> {
  const repository = await locateRepository(workspace)
  const saved: SavedCredentials = { entries: [] }
  if (repository !== undefined) {
    const { top } = repository
    const found = await listExtraheaders(repository)
    try {
      for (const entry of found) {
        await git(top, ['config', '--file', entry.file, '--unset-all', entry.key])
        saved.entries.push(entry)
      }
    } catch (error) {
      // Half done is the worst state: put back what was taken, then report.
      await restoreCredentials(saved)
      throw error
    }
  }
  const removed = saved.entries.reduce((count, entry) => count + entry.values.length, 0)
  return { removed, saved, restore: () => restoreCredentials(saved) }
}

/**
 * Writes the saved values back into their files. Idempotent: a value already there (the main
 * step restored before it was killed, then the post step runs) is not added again.
 *
 * The value never appears on a command line, where process listings and audit logs would record
 * it (actions/checkout takes the same care): git writes a random placeholder, which is then
 * replaced in the file by the value, quoted the way git quotes it.
 */
export async function restoreCredentials(saved: SavedCredentials): Promise<void> {
  for (const entry of saved.entries) {
    const present = await valuesOf(entry.file, entry.key)
    const missing = [...entry.values]
    for (const value of present) {
      const index = missing.indexOf(value)
      if (index >= 0) missing.splice(index, 1)
    }
    for (const value of missing) {
      const placeholder = `claw-credential-placeholder-${randomBytes(16).toString('hex')}`
      await git(undefined, ['config', '--file', entry.file, '--add', entry.key, placeholder])
      const text = readFileSync(entry.file, 'utf8')
      const at = text.indexOf(placeholder)
      if (at < 0 || text.indexOf(placeholder, at + 1) >= 0) {
        throw new Error(
          `could not restore ${entry.key} in ${entry.file}: placeholder not found once`
        )
      }
      writeFileSync(
        entry.file,
        text.replace(placeholder, () => quoteConfigValue(value))
      )
    }
    const after = await valuesOf(entry.file, entry.key)
    if (entry.values.some(value => !after.includes(value))) {
      throw new Error(`restoring ${entry.key} in ${entry.file} did not give back its values`)
    }
  }
}

/**
 * The values to redact for saved credentials: each header value, its credential part
 * (`AUTHORIZATION: basic <credential>`), and for basic credentials the decoded `user:password`
 * and the password alone (the token itself, which could turn up in any other form).
 */
export function credentialSecrets(saved: SavedCredentials): string[] {
  const secrets: string[] = []
  for (const entry of saved.entries) {
    for (const value of entry.values) {
      secrets.push(value)
      const header = /^\s*[A-Za-z-]+\s*:\s*(\S+)\s+(\S+)\s*$/.exec(value)
      if (header === null) continue
      const [, scheme = '', credential = ''] = header
      secrets.push(credential)
      if (scheme.toLowerCase() !== 'basic') continue
      const decoded = Buffer.from(credential, 'base64').toString('utf8')
      secrets.push(decoded)
      const colon = decoded.indexOf(':')
      if (colon >= 0) secrets.push(decoded.slice(colon + 1))
    }
  }
  return secrets
}

interface Repository {
  /** The top of the work tree. */
  top: string
  /** The common git directory (`.git`, or the main one of a worktree). */
  commonDir: string
}

/** Where the repository `workspace` is in lives, or undefined when it is in none. */
async function locateRepository(workspace: string): Promise<Repository | undefined> {
  let output: string
  try {
    // One git process for both (each one is several ms of start-up on the way to the model).
    output = await git(workspace, ['rev-parse', '--show-toplevel', '--git-common-dir'])
  } catch (error) {
    if (/not a git repository/i.test(String(error))) return undefined
    throw error
  }
  const [top = '', commonDir = ''] = output.split('\n')
  if (top.trim() === '') return undefined
  // A relative git directory is relative to git's working directory: the physical one.
  return { top: top.trim(), commonDir: resolve(realpathSync(workspace), commonDir.trim()) }
}

/**
 * Every (file, key) holding an extraheader, with its values: in the repository's local config
 * and what it includes, and in the configs of its submodules (`<git dir>/modules/<name>/config`,
 * nested too), where older versions of actions/checkout persist the header too.
 */
async function listExtraheaders({ top, commonDir }: Repository): Promise<SavedEntry[]> {
  const entries: SavedEntry[] = []
  const sources = [
    ['--local'],
    ...submoduleConfigs(join(commonDir, 'modules')).map(file => ['--file', file])
  ]
  for (const source of sources) {
    let output: string
    try {
      output = await git(top, [
        'config',
        ...source,
        '--includes',
        '--show-origin',
        '-z',
        '--get-regexp',
        EXTRAHEADER_KEYS
      ])
    } catch (error) {
      // Exit status 1 means: no key matched.
      if ((error as { code?: unknown }).code === 1) continue
      throw error
    }
    addListed(top, output, entries)
  }
  // A file included twice is listed twice: its values are then read from the file alone. A
  // listing without a repeated (file, key, value) shows each file's values once, in order.
  for (const entry of entries) {
    if (new Set(entry.values).size !== entry.values.length) {
      entry.values = await valuesOf(entry.file, entry.key)
    }
  }
  return entries.filter(entry => entry.values.length > 0)
}

/** The `config` files of submodules under `modules`, nested ones included. */
function submoduleConfigs(modules: string): string[] {
  if (!existsSync(modules)) return []
  const found: string[] = []
  for (const entry of readdirSync(modules, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name === 'config') found.push(join(entry.parentPath, entry.name))
  }
  return found.sort()
}

/** Adds the (file, key, value) entries of a `git config --show-origin -z --get-regexp` listing. */
function addListed(top: string, output: string, entries: SavedEntry[]): void {
  // -z: `file:<path>` NUL `<key>` LF `<value>` NUL, per value.
  const fields = output.split('\0')
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const origin = fields[index] ?? ''
    const pair = fields[index + 1] ?? ''
    if (!origin.startsWith('file:')) {
      throw new Error(`git config listed ${JSON.stringify(origin)}, which is not a file`)
    }
    const path = origin.slice('file:'.length)
    // Git prints the repository's own files relative to the top of the work tree.
    const file = isAbsolute(path) ? path : resolve(top, path)
    const newline = pair.indexOf('\n')
    const key = newline < 0 ? pair : pair.slice(0, newline)
    // A key without `=` (a boolean true) is listed without a newline; `--get-all` gives it as ''.
    const value = newline < 0 ? '' : pair.slice(newline + 1)
    let entry = entries.find(listed => listed.file === file && listed.key === key)
    if (entry === undefined) {
      entry = { file, key, values: [] }
      entries.push(entry)
    }
    entry.values.push(value)
  }
}

async function valuesOf(file: string, key: string): Promise<string[]> {
  try {
    const output = await git(undefined, ['config', '--file', file, '-z', '--get-all', key])
    return output.split('\0').slice(0, -1)
  } catch (error) {
    if ((error as { code?: unknown }).code === 1) return []
    throw error
  }
}

/** A value as `git config` writes it (config.c, write_pair): escaped, quoted when it must be. */
export function quoteConfigValue(value: string): string {
  const quote = value.startsWith(' ') || value.endsWith(' ') || /[;#]/.test(value) ? '"' : ''
  const escaped = value.replace(/[\n\t"\\]/g, character =>
    character === '\n' ? '\\n' : character === '\t' ? '\\t' : `\\${character}`
  )
  return `${quote}${escaped}${quote}`
}

/**
 * Runs git with an environment free of `GIT_*` variables (a `GIT_DIR` or `GIT_CONFIG_*` set by
 * the workflow must not send these edits elsewhere) and with every directory trusted: the
 * workspace may belong to another user (a container job), and git refuses such a repository
 * unless told otherwise; reading and editing config runs no code from it.
 */
function git(cwd: string | undefined, args: string[]): Promise<string> {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.toUpperCase().startsWith('GIT_')) env[name] = value
  }
  env['GIT_TERMINAL_PROMPT'] = '0'
  return new Promise((resolvePromise, reject) => {
    execFile(
      'git',
      ['-c', 'safe.directory=*', ...args],
      { cwd, env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error === null) {
          resolvePromise(stdout)
          return
        }
        const failure = new Error(`git ${args[0] ?? ''} failed: ${stderr.trim() || error.message}`)
        Object.assign(failure, { code: error.code })
        reject(failure)
      }
    )
  })
}
