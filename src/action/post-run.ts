/**
 * The post step: work that must happen even when the main step failed or was cancelled, driven
 * by the state main saved. Nothing here may fail the job: a problem is a warning, because the
 * main step's result is what the user needs to see.
 */
import * as core from '@actions/core'
import { existsSync } from 'node:fs'
import { State } from '../constants.js'
import { errorMessage } from '../errors.js'
import { restoreCredentials } from '../git/credentials.js'
import { getSettings } from '../settings.js'
import { openCredentials, stateKeyMaterial } from './credential-state.js'

/**
 * The job summary (written by the main step) shows the short version; this line puts the whole
 * transcript one click away. A summary that cannot be written is only a debug line.
 */
async function linkFromSummary(name: string, id: number): Promise<void> {
  const server = (process.env['GITHUB_SERVER_URL'] || 'https://github.com').replace(/\/+$/, '')
  const repository = process.env['GITHUB_REPOSITORY'] ?? ''
  const runId = process.env['GITHUB_RUN_ID'] ?? ''
  if (repository === '' || runId === '') return
  const url = `${server}/${repository}/actions/runs/${encodeURIComponent(runId)}/artifacts/${id}`
  try {
    await core.summary
      .addRaw(
        `Full session transcript: [${name}](${url}) (JSONL and Markdown; \`claw show\` renders the download).`,
        true
      )
      .write()
  } catch (error) {
    core.summary.emptyBuffer()
    core.debug(
      `claw post step: could not link the session from the job summary: ${errorMessage(error)}`
    )
  }
}

export async function runPost(): Promise<void> {
  // Each part on its own: a failed restore must not keep the transcript from being reported.
  try {
    await restoreSavedCredentials()
  } catch (error) {
    core.warning(
      `claw post step: could not put the persisted git credentials back: ${errorMessage(error)}`
    )
  }
  try {
    await reportSession()
  } catch (error) {
    core.warning(`claw post step: ${errorMessage(error)}`)
  }
}

/**
 * Puts back the git credentials main took out of the repository's config, when main did not get
 * to do it itself (it was killed, or its own attempt failed). Main clears the state once it has.
 */
async function restoreSavedCredentials(): Promise<void> {
  const sealed = core.getState(State.Credentials)
  if (sealed === '') return
  const keyMaterial = stateKeyMaterial(process.env, getSettings().githubToken)
  if (keyMaterial === undefined) {
    throw new Error('ACTIONS_RUNTIME_TOKEN and github-token are both empty')
  }
  const saved = openCredentials(sealed, keyMaterial)
  await restoreCredentials(saved)
  const count = saved.entries.reduce((total, entry) => total + entry.values.length, 0)
  core.info(`claw: put ${count} persisted git credential(s) back into the repository's config.`)
}

/**
 * Uploads the session transcript as a workflow artifact under each name main saved (the target's,
 * and the pull request's when the run opened one), so that a later run there can continue it. Runs
 * after a failed or cancelled main too: that transcript is the one worth reading.
 */
async function reportSession(): Promise<void> {
  const sessionFile = core.getState(State.SessionFile)
  if (sessionFile === '') {
    core.debug('claw: the main step started no session; nothing to do after it.')
    return
  }
  if (!existsSync(sessionFile)) {
    core.info(`claw: no session transcript was written (expected at ${sessionFile}).`)
    return
  }
  core.info(`claw: the session transcript is at ${sessionFile}`)
  const names = core
    .getState(State.SessionArtifact)
    .split('\n')
    .map(name => name.trim())
    .filter(name => name !== '')
  if (names.length === 0) return
  const { uploadSessionArtifact } = await import('../session/artifact-store.js')
  for (const name of names) {
    // The artifact client logs each of its steps: folded away, with the outcome line after them.
    const outcome = await core.group(`claw: uploading the session as ${name}`, () =>
      uploadSessionArtifact({ sessionFile, name, log: line => core.info(line) })
    )
    if (outcome.uploaded) {
      core.info(
        `claw: uploaded the session as artifact ${outcome.name} (${outcome.size} bytes, id ${outcome.id}).`
      )
      await linkFromSummary(outcome.name, outcome.id)
    } else {
      core.warning(`claw: the session was not uploaded as ${name}: ${outcome.reason}`)
    }
  }
}
