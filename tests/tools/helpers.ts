import { mkdtemp, mkdir, realpath, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { childEnvironment } from '../../src/sandbox/child-env.js'
import { NO_ISOLATION } from '../../src/sandbox/isolation.js'
import type { ToolContext } from '../../src/tools/tool.js'

/** A real temporary folder (its real path) with the given files; remove it with `removeDir`. */
export async function makeWorkspace(files: Record<string, string | Buffer> = {}): Promise<string> {
  const dir = await realpath(await mkdtemp(path.join(tmpdir(), 'claw-tools-')))
  await addFiles(dir, files)
  return dir
}

export async function addFiles(dir: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, content)
  }
}

/** Sets a file's modification time to `secondsAgo` before now. */
export async function age(file: string, secondsAgo: number): Promise<void> {
  const when = new Date(Date.now() - secondsAgo * 1000)
  await utimes(file, when, when)
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

export function makeContext(workspace: string, overrides: Partial<ToolContext> = {}): ToolContext {
  return {
    workspace,
    signal: new AbortController().signal,
    readFiles: new Map(),
    canRead: () => true,
    childEnv: childEnvironment(),
    isolation: NO_ISOLATION,
    ...overrides
  }
}

/** The context the wrapper takes: it adds the signal itself. */
export function makeDepsContext(workspace: string): Omit<ToolContext, 'signal'> {
  return {
    workspace,
    readFiles: new Map(),
    canRead: () => true,
    childEnv: childEnvironment(),
    isolation: NO_ISOLATION
  }
}
