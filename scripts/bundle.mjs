// Builds dist/index.js, dist/post.js and dist/cli.js with @vercel/ncc.
//
// ncc builds one entry into one folder and names lazily loaded chunks `<id>.index.js`. Three
// entries share dist/, so each entry is built on its own and its chunks are renamed
// `<entry>.<id>.js` (and the loader's suffix with them) so that they can never collide.
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdirSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// CLAW_DIST_OUT builds somewhere else (for work in progress that must not disturb dist/).
const dist = process.env.CLAW_DIST_OUT ? resolve(process.env.CLAW_DIST_OUT) : join(root, 'dist')
const entries = ['index', 'post', 'cli']
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

rmSync(dist, { recursive: true, force: true })
mkdirSync(dist)
for (const entry of entries) {
  const out = mkdtempSync(join(tmpdir(), `claw-ncc-${entry}-`))
  try {
    execFileSync(
      process.execPath,
      [
        ncc,
        'build',
        join(root, 'src', `${entry}.ts`),
        '-o',
        out,
        '-q',
        '--license',
        'licenses.txt'
      ],
      {
        cwd: root,
        stdio: 'inherit'
      }
    )
    for (const file of readdirSync(out)) {
      if (file === 'index.js') {
        const code = readFileSync(join(out, file), 'utf8').replaceAll(
          '".index.js"',
          `".${entry}.js"`
        )
        writeFileSync(join(dist, `${entry}.js`), entry === 'cli' ? ensureShebang(code) : code)
      } else if (file.endsWith('.index.js')) {
        cpSync(join(out, file), join(dist, file.replace(/\.index\.js$/, `.${entry}.js`)))
      } else if (file === 'licenses.txt') {
        cpSync(join(out, file), join(dist, `${entry}.licenses.txt`))
      } else if (file !== 'package.json') {
        throw new Error(`unexpected file from ncc: ${file}`)
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}
writeFileSync(join(dist, 'package.json'), '{ "type": "module" }\n')

function ensureShebang(code) {
  return code.startsWith('#!') ? code : `#!/usr/bin/env node\n${code}`
}
