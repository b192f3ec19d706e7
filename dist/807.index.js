export const id = 807;
export const ids = [807];
export const modules = {

/***/ 64110:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DJ: () => (/* binding */ credentialSecrets),
/* harmony export */   Gg: () => (/* binding */ removePersistedCredentials)
/* harmony export */ });
/* unused harmony exports restoreCredentials, quoteConfigValue */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
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




/** Every `http.<url>.extraheader` key, whatever the URL (git lower-cases section and name). */
const EXTRAHEADER_KEYS = '^http\\..*\\.extraheader$';
/**
 * Removes every `http.*.extraheader` from the local configuration of the repository at
 * `workspace` and from the files it includes (`include.path`, `includeIf.<condition>.path`,
 * relative or absolute: git resolves them, and the conditions, itself). A workspace that is not
 * a git repository has nothing to remove. Throws when git fails otherwise: running the agent
 * with the credential still in place is not an option the caller should get silently.
 */
async function removePersistedCredentials(workspace) {
    const repository = await locateRepository(workspace);
    const saved = { entries: [] };
    if (repository !== undefined) {
        const { top } = repository;
        const found = await listExtraheaders(repository);
        try {
            for (const entry of found) {
                await git(top, ['config', '--file', entry.file, '--unset-all', entry.key]);
                saved.entries.push(entry);
            }
        }
        catch (error) {
            // Half done is the worst state: put back what was taken, then report.
            await restoreCredentials(saved);
            throw error;
        }
    }
    const removed = saved.entries.reduce((count, entry) => count + entry.values.length, 0);
    return { removed, saved, restore: () => restoreCredentials(saved) };
}
/**
 * Writes the saved values back into their files. Idempotent: a value already there (the main
 * step restored before it was killed, then the post step runs) is not added again.
 *
 * The value never appears on a command line, where process listings and audit logs would record
 * it (actions/checkout takes the same care): git writes a random placeholder, which is then
 * replaced in the file by the value, quoted the way git quotes it.
 */
async function restoreCredentials(saved) {
    for (const entry of saved.entries) {
        const present = await valuesOf(entry.file, entry.key);
        const missing = [...entry.values];
        for (const value of present) {
            const index = missing.indexOf(value);
            if (index >= 0)
                missing.splice(index, 1);
        }
        for (const value of missing) {
            const placeholder = `claw-credential-placeholder-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(16).toString('hex')}`;
            await git(undefined, ['config', '--file', entry.file, '--add', entry.key, placeholder]);
            const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)(entry.file, 'utf8');
            const at = text.indexOf(placeholder);
            if (at < 0 || text.indexOf(placeholder, at + 1) >= 0) {
                throw new Error(`could not restore ${entry.key} in ${entry.file}: placeholder not found once`);
            }
            (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.writeFileSync)(entry.file, text.replace(placeholder, () => quoteConfigValue(value)));
        }
        const after = await valuesOf(entry.file, entry.key);
        if (entry.values.some(value => !after.includes(value))) {
            throw new Error(`restoring ${entry.key} in ${entry.file} did not give back its values`);
        }
    }
}
/**
 * The values to redact for saved credentials: each header value, its credential part
 * (`AUTHORIZATION: basic <credential>`), and for basic credentials the decoded `user:password`
 * and the password alone (the token itself, which could turn up in any other form).
 */
function credentialSecrets(saved) {
    const secrets = [];
    for (const entry of saved.entries) {
        for (const value of entry.values) {
            secrets.push(value);
            const header = /^\s*[A-Za-z-]+\s*:\s*(\S+)\s+(\S+)\s*$/.exec(value);
            if (header === null)
                continue;
            const [, scheme = '', credential = ''] = header;
            secrets.push(credential);
            if (scheme.toLowerCase() !== 'basic')
                continue;
            const decoded = Buffer.from(credential, 'base64').toString('utf8');
            secrets.push(decoded);
            const colon = decoded.indexOf(':');
            if (colon >= 0)
                secrets.push(decoded.slice(colon + 1));
        }
    }
    return secrets;
}
/** Where the repository `workspace` is in lives, or undefined when it is in none. */
async function locateRepository(workspace) {
    let output;
    try {
        // One git process for both (each one is several ms of start-up on the way to the model).
        output = await git(workspace, ['rev-parse', '--show-toplevel', '--git-common-dir']);
    }
    catch (error) {
        if (/not a git repository/i.test(String(error)))
            return undefined;
        throw error;
    }
    const [top = '', commonDir = ''] = output.split('\n');
    if (top.trim() === '')
        return undefined;
    // A relative git directory is relative to git's working directory: the physical one.
    return { top: top.trim(), commonDir: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.realpathSync)(workspace), commonDir.trim()) };
}
/**
 * Every (file, key) holding an extraheader, with its values: in the repository's local config
 * and what it includes, and in the configs of its submodules (`<git dir>/modules/<name>/config`,
 * nested too), where older versions of actions/checkout persist the header too.
 */
async function listExtraheaders({ top, commonDir }) {
    const entries = [];
    const sources = [
        ['--local'],
        ...submoduleConfigs((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(commonDir, 'modules')).map(file => ['--file', file])
    ];
    for (const source of sources) {
        let output;
        try {
            output = await git(top, [
                'config',
                ...source,
                '--includes',
                '--show-origin',
                '-z',
                '--get-regexp',
                EXTRAHEADER_KEYS
            ]);
        }
        catch (error) {
            // Exit status 1 means: no key matched.
            if (error.code === 1)
                continue;
            throw error;
        }
        addListed(top, output, entries);
    }
    // A file included twice is listed twice: its values are then read from the file alone. A
    // listing without a repeated (file, key, value) shows each file's values once, in order.
    for (const entry of entries) {
        if (new Set(entry.values).size !== entry.values.length) {
            entry.values = await valuesOf(entry.file, entry.key);
        }
    }
    return entries.filter(entry => entry.values.length > 0);
}
/** The `config` files of submodules under `modules`, nested ones included. */
function submoduleConfigs(modules) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)(modules))
        return [];
    const found = [];
    for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readdirSync)(modules, { withFileTypes: true, recursive: true })) {
        if (entry.isFile() && entry.name === 'config')
            found.push((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(entry.parentPath, entry.name));
    }
    return found.sort();
}
/** Adds the (file, key, value) entries of a `git config --show-origin -z --get-regexp` listing. */
function addListed(top, output, entries) {
    // -z: `file:<path>` NUL `<key>` LF `<value>` NUL, per value.
    const fields = output.split('\0');
    for (let index = 0; index + 1 < fields.length; index += 2) {
        const origin = fields[index] ?? '';
        const pair = fields[index + 1] ?? '';
        if (!origin.startsWith('file:')) {
            throw new Error(`git config listed ${JSON.stringify(origin)}, which is not a file`);
        }
        const path = origin.slice('file:'.length);
        // Git prints the repository's own files relative to the top of the work tree.
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(path) ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(top, path);
        const newline = pair.indexOf('\n');
        const key = newline < 0 ? pair : pair.slice(0, newline);
        // A key without `=` (a boolean true) is listed without a newline; `--get-all` gives it as ''.
        const value = newline < 0 ? '' : pair.slice(newline + 1);
        let entry = entries.find(listed => listed.file === file && listed.key === key);
        if (entry === undefined) {
            entry = { file, key, values: [] };
            entries.push(entry);
        }
        entry.values.push(value);
    }
}
async function valuesOf(file, key) {
    try {
        const output = await git(undefined, ['config', '--file', file, '-z', '--get-all', key]);
        return output.split('\0').slice(0, -1);
    }
    catch (error) {
        if (error.code === 1)
            return [];
        throw error;
    }
}
/** A value as `git config` writes it (config.c, write_pair): escaped, quoted when it must be. */
function quoteConfigValue(value) {
    const quote = value.startsWith(' ') || value.endsWith(' ') || /[;#]/.test(value) ? '"' : '';
    const escaped = value.replace(/[\n\t"\\]/g, character => character === '\n' ? '\\n' : character === '\t' ? '\\t' : `\\${character}`);
    return `${quote}${escaped}${quote}`;
}
/**
 * Runs git with an environment free of `GIT_*` variables (a `GIT_DIR` or `GIT_CONFIG_*` set by
 * the workflow must not send these edits elsewhere) and with every directory trusted: the
 * workspace may belong to another user (a container job), and git refuses such a repository
 * unless told otherwise; reading and editing config runs no code from it.
 */
function git(cwd, args) {
    const env = {};
    for (const [name, value] of Object.entries(process.env)) {
        if (!name.toUpperCase().startsWith('GIT_'))
            env[name] = value;
    }
    env['GIT_TERMINAL_PROMPT'] = '0';
    return new Promise((resolvePromise, reject) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('git', ['-c', 'safe.directory=*', ...args], { cwd, env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
            if (error === null) {
                resolvePromise(stdout);
                return;
            }
            const failure = new Error(`git ${args[0] ?? ''} failed: ${stderr.trim() || error.message}`);
            Object.assign(failure, { code: error.code });
            reject(failure);
        });
    });
}


/***/ }),

/***/ 14134:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   TU: () => (/* binding */ Git),
/* harmony export */   XS: () => (/* binding */ GitError),
/* harmony export */   mR: () => (/* binding */ NETWORK_TIMEOUT_MS)
/* harmony export */ });
/* unused harmony exports CLAW_IDENTITY, GITHUB_ACTIONS_IDENTITY, DEFAULT_TIMEOUT_MS, EMPTY_TREE */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Plain `git` over one working directory, for delivery (commit, push, patch).
 *
 * Every call is `git` started without a shell, with an explicit environment, no stdin unless
 * given, and a timeout that kills the whole process group (a push starts `git-remote-https` and
 * `pack-objects`; killing only the parent would leave them running). Failures become a
 * `GitError` whose message is one line: the command and what git printed on stderr.
 *
 * Delivery runs after the agent, in a workspace the agent could write to, and a push carries the
 * credential in the environment of the git process and of everything it starts. So every call
 * switches off what would run code named by the repository's own config: hooks (a `pre-push`
 * hook the agent's `npm test` planted would read the header from its environment), the
 * fsmonitor, credential helpers and askpass programs, external diff and textconv drivers, and
 * commit signing. Filters (`filter.*.clean`, e.g. git-lfs) still run on `git add`: they are how a
 * repository stores its files, and the policy keeps the agent out of `.git/`.
 */


/**
 * The default author and committer of claw's commits. No GitHub account can own this address
 * (`[` is not allowed in a login), so GitHub links the commit to nobody; the requester is credited
 * with a `Co-authored-by` trailer.
 */
const CLAW_IDENTITY = {
    name: 'claw[bot]',
    email: 'claw[bot]@users.noreply.github.com'
};
/** The identity GitHub shows for commits pushed with the workflow's `GITHUB_TOKEN`. */
const GITHUB_ACTIONS_IDENTITY = {
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com'
};
/** Local operations (status, add, commit, rebase, diff). */
const DEFAULT_TIMEOUT_MS = 2 * 60_000;
/** Operations that talk to a remote (push, fetch, ls-remote). */
const NETWORK_TIMEOUT_MS = 5 * 60_000;
/** Output beyond this is an error rather than an unbounded buffer (a patch of a huge tree). */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
/** The empty tree: what `HEAD` is compared with before the first commit. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
/** A git command that failed: the message is one line, `git <args> failed (...): <stderr>`. */
class GitError extends Error {
    args;
    exitCode;
    stderr;
    stdout;
    name = 'GitError';
    constructor(message, 
    /** The arguments after `git` (never holds a credential: those go in the environment). */
    args, 
    /** The exit status, or undefined when git did not exit on its own (timeout, signal). */
    exitCode, 
    /** What git printed on stderr, redacted. */
    stderr, 
    /** What git printed on stdout, redacted (`push --porcelain` reports there). */
    stdout) {
        super(message);
        this.args = args;
        this.exitCode = exitCode;
        this.stderr = stderr;
        this.stdout = stdout;
    }
}
/**
 * Config given on every command line (`-c` beats every config file): see the file comment.
 * `core.hooksPath=/dev/null` stops hooks in `.git/hooks` and any configured hooks path.
 */
const HARDENING = [
    'core.hooksPath=/dev/null',
    'core.fsmonitor=false',
    // An empty value clears the list of helpers gathered from the config files.
    'credential.helper=',
    'core.askPass=',
    'commit.gpgSign=false',
    'tag.gpgSign=false',
    'push.gpgSign=false',
    'push.followTags=false',
    'push.recurseSubmodules=no',
    'rebase.autoStash=false',
    'rebase.updateRefs=false',
    'core.quotePath=true',
    'color.ui=false'
].flatMap(setting => ['-c', setting]);
/** Set on every command: nothing waits for a human, and messages are in English (parsed below). */
const FIXED_ENV = {
    GIT_TERMINAL_PROMPT: '0',
    GCM_INTERACTIVE: 'never',
    GIT_EDITOR: 'true',
    GIT_SEQUENCE_EDITOR: 'true',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    LC_ALL: 'C',
    LANGUAGE: 'C'
};
class Git {
    cwd;
    author;
    committer;
    baseEnv;
    timeoutMs;
    executable;
    constructor(options) {
        this.cwd = options.cwd;
        this.author = options.author ?? CLAW_IDENTITY;
        this.committer = options.committer ?? this.author;
        this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.executable = options.executable ?? 'git';
        this.baseEnv = {};
        for (const [name, value] of Object.entries(options.env ?? process.env)) {
            if (value !== undefined && !name.toUpperCase().startsWith('GIT_'))
                this.baseEnv[name] = value;
        }
    }
    /** Runs git and returns its stdout; throws a `GitError` when it exits with a non-zero status. */
    async run(args, options = {}) {
        const output = await this.exec(args, options);
        if (output.exitCode !== 0) {
            throw gitError(args, output.exitCode, output, options.secrets ?? []);
        }
        return output.stdout;
    }
    /**
     * Runs git and returns its exit status and output whatever the status (for commands whose
     * status is an answer, like `diff --quiet`). Throws a `GitError` only when git could not be
     * started, timed out, or printed more than the output limit.
     */
    exec(args, options = {}) {
        const env = {
            ...this.baseEnv,
            ...FIXED_ENV,
            GIT_AUTHOR_NAME: this.author.name,
            GIT_AUTHOR_EMAIL: this.author.email,
            GIT_COMMITTER_NAME: this.committer.name,
            GIT_COMMITTER_EMAIL: this.committer.email,
            ...options.env
        };
        const timeoutMs = options.timeoutMs ?? this.timeoutMs;
        const secrets = options.secrets ?? [];
        return new Promise((resolve, reject) => {
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(this.executable, [...HARDENING, ...args], {
                cwd: this.cwd,
                env,
                stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
                // Its own process group, so a timeout can end git and every helper it started.
                detached: true
            });
            const stdout = [];
            const stderr = [];
            let bytes = 0;
            let failure;
            const kill = (reason) => {
                failure ??= reason;
                try {
                    if (child.pid !== undefined)
                        process.kill(-child.pid, 'SIGKILL');
                }
                catch {
                    // Already gone.
                }
            };
            const collect = (chunks) => (chunk) => {
                bytes += chunk.length;
                if (bytes > MAX_OUTPUT_BYTES)
                    kill(`printed more than ${MAX_OUTPUT_BYTES} bytes`);
                else
                    chunks.push(chunk);
            };
            child.stdout?.on('data', collect(stdout));
            child.stderr?.on('data', collect(stderr));
            const timer = setTimeout(() => kill(`timed out after ${timeoutMs} ms`), timeoutMs);
            child.on('error', error => {
                clearTimeout(timer);
                reject(new GitError(`git ${describe(args)} could not start: ${redact(error.message, secrets)}`, args, undefined, '', ''));
            });
            child.on('close', (code, signal) => {
                clearTimeout(timer);
                const output = {
                    exitCode: code ?? -1,
                    stdout: Buffer.concat(stdout).toString('utf8'),
                    stderr: Buffer.concat(stderr).toString('utf8')
                };
                if (failure !== undefined || code === null) {
                    reject(gitError(args, undefined, output, secrets, failure ?? `killed by ${signal}`));
                    return;
                }
                resolve(output);
            });
            if (options.input !== undefined && child.stdin !== null) {
                // git may exit before reading everything (an early error); that is reported on close.
                child.stdin.on('error', () => undefined);
                child.stdin.end(options.input);
            }
        });
    }
    /** The branch HEAD is on, or undefined when HEAD is detached. */
    async currentBranch() {
        const output = await this.exec(['symbolic-ref', '--quiet', '--short', 'HEAD']);
        if (output.exitCode === 1)
            return undefined;
        if (output.exitCode !== 0)
            throw gitError(['symbolic-ref', 'HEAD'], output.exitCode, output, []);
        return output.stdout.trim();
    }
    /** The commit HEAD points at, or undefined before the first commit. */
    async headSha() {
        const output = await this.exec(['rev-parse', '--quiet', '--verify', 'HEAD^{commit}']);
        if (output.exitCode !== 0)
            return undefined;
        return output.stdout.trim();
    }
    /** The full name of a commit (`rev-parse --verify <rev>^{commit}`). */
    async resolveCommit(revision) {
        return (await this.run(['rev-parse', '--verify', '--end-of-options', `${revision}^{commit}`])).trim();
    }
    /**
     * Whether the working tree differs from HEAD: modified, deleted, staged or untracked files
     * (each untracked file, not only its folder), leaving out what `.gitignore` ignores.
     */
    async hasChanges() {
        const status = await this.run([
            'status',
            '--porcelain=v1',
            '-z',
            '--untracked-files=all',
            '--ignored=no'
        ]);
        return status !== '';
    }
    /**
     * The working tree against HEAD as one patch `git apply` takes: modified, deleted and
     * untracked files (not ignored ones), binary files included. Built in a temporary index, so
     * the repository's own index is left as it was.
     */
    async workingTreePatch() {
        const gitDir = (await this.run(['rev-parse', '--absolute-git-dir'])).trim();
        const index = `${gitDir}/claw-patch-index-${process.pid}-${Date.now()}`;
        const env = { GIT_INDEX_FILE: index };
        try {
            const head = await this.headSha();
            if (head === undefined)
                await this.run(['read-tree', '--empty'], { env });
            else
                await this.run(['read-tree', head], { env });
            await this.run(['add', '--all'], { env });
            return await this.run([
                'diff',
                '--cached',
                '--binary',
                '--no-ext-diff',
                '--no-textconv',
                '--no-color',
                head ?? EMPTY_TREE
            ], { env });
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(index, { force: true });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(`${index}.lock`, { force: true });
        }
    }
    /**
     * The default branch of `remote` as the clone knows it (`refs/remotes/<remote>/HEAD`, which
     * `git clone` sets), or else as the remote says (`ls-remote --symref`, with `runOptions`
     * carrying the credential). actions/checkout does not set `<remote>/HEAD`, and the event
     * payload's `repository.default_branch` is usually the better source in the action.
     */
    async defaultBranch(remote = 'origin', runOptions = {}) {
        const local = await this.exec([
            'symbolic-ref',
            '--quiet',
            '--short',
            `refs/remotes/${remote}/HEAD`
        ]);
        const prefix = `${remote}/`;
        if (local.exitCode === 0 && local.stdout.trim().startsWith(prefix)) {
            return local.stdout.trim().slice(prefix.length);
        }
        const listed = await this.run(['ls-remote', '--symref', '--end-of-options', remote, 'HEAD'], {
            timeoutMs: NETWORK_TIMEOUT_MS,
            ...runOptions
        });
        const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(listed);
        if (match?.[1] === undefined) {
            throw new GitError(`the remote ${remote} does not name a default branch (no symbolic HEAD)`, ['ls-remote', '--symref', remote, 'HEAD'], 0, '', listed);
        }
        return match[1];
    }
}
function gitError(args, exitCode, output, secrets, reason) {
    const stderr = redact(output.stderr, secrets);
    const stdout = redact(output.stdout, secrets);
    const status = reason ?? `exit ${exitCode ?? '?'}`;
    const detail = oneLine(stderr) || oneLine(stdout);
    return new GitError(`git ${describe(args)} failed (${status})${detail === '' ? '' : `: ${detail}`}`, args, exitCode, stderr, stdout);
}
/** The command for a message: arguments joined, URLs without any user or password in them. */
function describe(args) {
    return redact(args.join(' '), []);
}
/** Lines joined with ` | `, blank lines and git's `hint:` lines dropped. */
function oneLine(text) {
    return text
        .split(/\r?\n|\r/)
        .map(line => line.trim())
        .filter(line => line !== '' && !line.startsWith('hint:'))
        .join(' | ');
}
/** Replaces each secret, and any `user:password@` in a URL, with `***`. */
function redact(text, secrets) {
    let result = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1***@');
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
        if (secret.length >= 4)
            result = result.split(secret).join('***');
    }
    return result;
}


/***/ })

};
