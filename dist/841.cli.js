export const id = 841;
export const ids = [841];
export const modules = {

/***/ 6563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EI: () => (/* binding */ globBase),
/* harmony export */   HV: () => (/* binding */ UNKNOWN),
/* harmony export */   UT: () => (/* binding */ normaliseCommandPattern),
/* harmony export */   Z6: () => (/* binding */ commandMatchesForAll),
/* harmony export */   kc: () => (/* binding */ displayCommand),
/* harmony export */   qJ: () => (/* binding */ commandMatchesForSome),
/* harmony export */   rg: () => (/* binding */ pathMatches),
/* harmony export */   vY: () => (/* binding */ firstPathMatch)
/* harmony export */ });
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Pattern matching for the policy: path globs (picomatch) and command patterns (`*` only).
 *
 * Command texts may contain UNKNOWN where a word's value is only known when the shell runs it
 * (a glob, a `$VAR` in an argument, a brace expansion, a tilde, the arguments `xargs` appends).
 * `commandMatchesForAll` answers "does the pattern match whatever the unknown parts turn out to
 * be" (used for allow rules), `commandMatchesForSome` answers "could it match for some value"
 * (used for deny and ask rules). Deciding both ways conservatively is what stops `git pus?` or
 * `xargs git` from slipping past `git push *`.
 */

/** Stands for a part of a word that is only known at run time. Never valid in a pattern. */
const UNKNOWN = '\u0001';
const pathMatchers = new Map();
/**
 * Whether a workspace-relative posix path matches a glob. Deny and ask patterns match without
 * regard to case: on a case-insensitive file system (macOS) `.ENV` is the same file as `.env`.
 */
function pathMatches(pattern, path, ignoreCase = false) {
    const key = `${ignoreCase ? 'i' : 's'}:${pattern}`;
    let matcher = pathMatchers.get(key);
    if (!matcher) {
        matcher = picomatch__WEBPACK_IMPORTED_MODULE_0___default()(pattern, { dot: true, nocase: ignoreCase });
        pathMatchers.set(key, matcher);
    }
    return matcher(path);
}
/** The first pattern that matches, if any. */
function firstPathMatch(patterns, path, ignoreCase = false) {
    return patterns.find(pattern => pathMatches(pattern, path, ignoreCase));
}
/** The literal directory a glob starts from (`docs` for `docs/**\/*.md`, `''` for `*.md`). */
function globBase(pattern) {
    return picomatch__WEBPACK_IMPORTED_MODULE_0___default().scan(pattern).base;
}
/** Bash patterns compare with command texts whose words are joined by single spaces. */
function normaliseCommandPattern(pattern) {
    return pattern.trim().replace(/\s+/g, ' ');
}
const commandRegexes = new Map();
function commandRegex(pattern) {
    let regex = commandRegexes.get(pattern);
    if (!regex) {
        const normalised = normaliseCommandPattern(pattern);
        // `git diff *` also matches bare `git diff`: a trailing ` *` is optional.
        const optionalTail = normalised.endsWith(' *') && normalised.length > 2;
        const body = optionalTail ? normalised.slice(0, -2) : normalised;
        const source = body
            .split('*')
            .map(literal => literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
            .join('[\\s\\S]*');
        regex = new RegExp(`^${source}${optionalTail ? '(?: [\\s\\S]*)?' : ''}$`);
        commandRegexes.set(pattern, regex);
    }
    return regex;
}
/**
 * Whether `pattern` matches `text` whatever its UNKNOWN parts stand for. Sound because UNKNOWN
 * never occurs in a pattern: a match must swallow each UNKNOWN inside a `*`, and that `*`
 * swallows any other value just as well.
 */
function commandMatchesForAll(pattern, text) {
    return commandRegex(pattern).test(text);
}
/** Pattern variants as token strings, `*` = any run; the optional trailing ` *` expanded. */
function patternVariants(pattern) {
    const normalised = normaliseCommandPattern(pattern);
    if (normalised.endsWith(' *') && normalised.length > 2)
        return [normalised, normalised.slice(0, -2)];
    return [normalised];
}
/**
 * Whether `pattern` matches `text` for SOME value of its UNKNOWN parts: the intersection of two
 * star-only patterns is not empty. Iterative, so a 10,000-character text cannot exhaust the stack.
 */
function commandMatchesForSome(pattern, text) {
    if (!text.includes(UNKNOWN))
        return commandMatchesForAll(pattern, text);
    return patternVariants(pattern).some(variant => intersects(variant, text, '*', UNKNOWN));
}
function intersects(a, b, starA, starB) {
    const n = a.length;
    const m = b.length;
    const width = m + 1;
    const seen = new Uint8Array((n + 1) * width);
    const stack = [0];
    seen[0] = 1;
    const visit = (i, j) => {
        const index = i * width + j;
        if (seen[index] === 0) {
            seen[index] = 1;
            stack.push(index);
        }
    };
    while (stack.length > 0) {
        const index = stack.pop();
        const i = Math.floor(index / width);
        const j = index % width;
        if (i === n && j === m)
            return true;
        const aStar = i < n && a[i] === starA;
        const bStar = j < m && b[j] === starB;
        if (aStar) {
            visit(i + 1, j); // a's star ends
            if (j < m)
                visit(i, j + 1); // a's star takes b's character (or runs alongside b's star)
        }
        if (bStar) {
            visit(i, j + 1);
            if (i < n && !aStar)
                visit(i + 1, j);
        }
        if (!aStar && !bStar && i < n && j < m && a[i] === b[j])
            visit(i + 1, j + 1);
    }
    return false;
}
/** Shows a command text to a human: unknown parts as `…`. */
function displayCommand(text) {
    return text.split(UNKNOWN).join('…');
}


/***/ }),

/***/ 4841:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ge: () => (/* binding */ analyzeCommandLine),
  mc: () => (/* binding */ isDescriptorRedirect),
  loadShellParser: () => (/* binding */ loadShellParser)
});

// UNUSED EXPORTS: MAX_COMMAND_LINE_LENGTH, UNKNOWN, decodeAnsiC, sensitiveVariable

// EXTERNAL MODULE: ./src/policy/match.ts
var match = __webpack_require__(6563);
;// CONCATENATED MODULE: ./src/policy/wrappers.ts
/**
 * Commands that run other commands or shell code. For a wrapper (`env`, `timeout`, `xargs`,
 * `find -exec`, ...) the wrapped command is returned so the rules check it too: allowing `env`
 * must not allow `env curl`. Commands that run text as shell code (`eval`, `bash -c`, ...) are
 * problems: the text is data to us and cannot be checked.
 */

/** Builtins that run text as code or change what later command names mean. */
const CODE_RUNNERS = {
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
    export: '`export` changes the environment of later commands; put VAR=value in front of the command instead',
    readonly: '`readonly` can run commands through array subscripts',
    let: '`let` can run commands through array subscripts'
};
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
]);
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
]);
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
    'ionice',
    'chrt',
    'taskset',
    'doas',
    'pkexec',
    'fakeroot',
    'firejail',
    'bwrap',
    'valgrind',
    'gdb'
]);
const WRAPPERS = {
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
};
const XARGS = {
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
};
/** What `argv` runs besides itself, and what about it cannot be checked. */
function unwrapCommand(argv) {
    const outcome = { commands: [], assignments: [], problems: [] };
    const name = argv[0];
    if (name === undefined)
        return outcome;
    const base = name.slice(name.lastIndexOf('/') + 1);
    const args = argv.slice(1);
    const codeRunner = CODE_RUNNERS[base];
    if (codeRunner) {
        outcome.problems.push(codeRunner);
        return outcome;
    }
    if (SHELLS.has(base)) {
        const problem = shellProblem(base, args);
        if (problem)
            outcome.problems.push(problem);
        return outcome;
    }
    if (NAME_TAKERS.has(base) && args.some(arg => arg.includes('[') && /[$`]/.test(arg))) {
        outcome.problems.push(`\`${base}\` evaluates subscripts in variable names, which can run commands`);
        return outcome;
    }
    if (OPAQUE_RUNNERS.has(base)) {
        outcome.problems.push(`\`${base}\` runs a command in a way that cannot be checked`);
        return outcome;
    }
    if (base === 'busybox') {
        if (args.length > 0)
            outcome.commands.push(args);
        return outcome;
    }
    if (base === 'find')
        return findExec(args, outcome);
    if (base === 'xargs')
        return xargs(args, outcome);
    const spec = WRAPPERS[base];
    if (spec) {
        const parsed = parseWrapper(base, spec, args);
        if (typeof parsed === 'string')
            outcome.problems.push(parsed);
        else {
            outcome.assignments.push(...parsed.assignments);
            if (parsed.command.length > 0)
                outcome.commands.push(parsed.command);
        }
    }
    return outcome;
}
/** A shell is fine only when it runs a script file (which the rules then judge by name). */
function shellProblem(shell, args) {
    if (args.some(arg => arg.includes(match/* UNKNOWN */.HV))) {
        return `\`${shell}\` with arguments only known at run time cannot be checked`;
    }
    for (let index = 0; index < args.length; index++) {
        const arg = args[index];
        if (arg === '--')
            return args[index + 1] === undefined ? stdinShell(shell) : undefined;
        if (arg === '-')
            return stdinShell(shell);
        if (arg.startsWith('--')) {
            if (arg === '--command' || arg.startsWith('--command='))
                return commandShell(shell);
            if (arg === '--rcfile' || arg === '--init-file')
                index++;
            continue;
        }
        if (arg.startsWith('-') || arg.startsWith('+')) {
            const letters = arg.slice(1);
            if (letters.includes('c'))
                return commandShell(shell);
            if (letters.includes('s') || letters.includes('i'))
                return stdinShell(shell);
            if (letters.includes('o') || letters.includes('O'))
                index++;
            continue;
        }
        return undefined; // a script file: an ordinary command for the rules
    }
    return stdinShell(shell);
}
function commandShell(shell) {
    return `\`${shell} -c\` runs text as a command line, which cannot be checked; run the commands directly`;
}
function stdinShell(shell) {
    return `\`${shell}\` reading commands from its input (a pipe, here-document or here-string) cannot be checked; run the commands directly`;
}
/** Skips a wrapper's options; returns the wrapped command or why it cannot be found. */
function parseWrapper(base, spec, args) {
    const assignments = [];
    let index = 0;
    let operands = spec.operands ?? 0;
    while (index < args.length) {
        const arg = args[index];
        if (arg.includes(match/* UNKNOWN */.HV) && operands === 0)
            return unclear(base, arg);
        if (arg === '--') {
            index++;
            break;
        }
        if (arg === '-' && spec.flags.includes('-')) {
            index++;
            continue;
        }
        if (arg.startsWith('-') && arg !== '-') {
            if (spec.numericOption && /^-\d+$/.test(arg)) {
                index++;
                continue;
            }
            const consumed = wrappers_option(base, spec, arg);
            if (typeof consumed === 'string')
                return consumed;
            index += consumed;
            continue;
        }
        if (spec.assignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(arg)) {
            const equals = arg.indexOf('=');
            assignments.push({ name: arg.slice(0, equals), value: arg.slice(equals + 1) });
            index++;
            continue;
        }
        if (operands > 0) {
            operands--;
            index++;
            continue;
        }
        break;
    }
    return { command: args.slice(index), assignments };
}
function unclear(base, arg) {
    return `cannot tell which command \`${base}\` runs with ${JSON.stringify(arg.split(match/* UNKNOWN */.HV).join('…'))}`;
}
/** How many words an option takes (itself and maybe its value), or why it is refused. */
function wrappers_option(base, spec, arg) {
    if (arg.startsWith('--')) {
        const name = arg.split('=')[0];
        const refusal = spec.refuse?.[name];
        if (refusal)
            return refusal;
        if (spec.withValue.includes(name))
            return arg.includes('=') ? 1 : 2;
        if (spec.flags.includes(arg))
            return 1;
        return unclear(base, arg);
    }
    // A cluster of short options: `-iu NAME`, `-n5`.
    for (let at = 1; at < arg.length; at++) {
        const short = `-${arg[at]}`;
        const refusal = spec.refuse?.[short];
        if (refusal)
            return refusal;
        if (spec.withValue.includes(short))
            return at === arg.length - 1 ? 2 : 1;
        if (!spec.flags.includes(short))
            return unclear(base, arg);
    }
    return 1;
}
/** `xargs [options] [command [args]]`: input words are appended, or replace -I's string. */
function xargs(args, outcome) {
    let replace;
    let index = 0;
    while (index < args.length) {
        const arg = args[index];
        if (arg.includes(match/* UNKNOWN */.HV)) {
            outcome.problems.push(unclear('xargs', arg));
            return outcome;
        }
        if (arg === '--') {
            index++;
            break;
        }
        if (!arg.startsWith('-') || arg === '-')
            break;
        let consumed = 1;
        if (arg === '-I') {
            replace = args[index + 1];
            consumed = 2;
        }
        else if (arg.startsWith('-I'))
            replace = arg.slice(2);
        else if (arg === '--replace')
            replace = '{}';
        else if (arg.startsWith('--replace='))
            replace = arg.slice('--replace='.length);
        else if (arg.startsWith('-i'))
            replace = arg.length > 2 ? arg.slice(2) : '{}';
        else if (/^-[el]/.test(arg) || /^--(eof|max-lines)(=|$)/.test(arg))
            consumed = 1;
        else
            consumed = wrappers_option('xargs', XARGS, arg);
        if (typeof consumed === 'string') {
            outcome.problems.push(consumed);
            return outcome;
        }
        index += consumed;
    }
    const command = index < args.length ? args.slice(index) : ['echo'];
    if (replace === undefined) {
        outcome.commands.push([...command, match/* UNKNOWN */.HV]);
        return outcome;
    }
    const marker = replace;
    if (marker === '' || marker.includes(match/* UNKNOWN */.HV) || command[0].includes(marker)) {
        outcome.problems.push('cannot tell which command `xargs` runs');
        return outcome;
    }
    outcome.commands.push(command.map(word => word.split(marker).join(match/* UNKNOWN */.HV)));
    return outcome;
}
/** `find ... -exec cmd {} ;` / `+` (and -execdir, -ok, -okdir): `{}` is a file name. */
function findExec(args, outcome) {
    for (let index = 0; index < args.length; index++) {
        const arg = args[index];
        if (!['-exec', '-execdir', '-ok', '-okdir'].includes(arg))
            continue;
        const command = [];
        let end = index + 1;
        let terminated = false;
        for (; end < args.length; end++) {
            const word = args[end];
            if (word === ';' || (word === '+' && command[command.length - 1] === '{}')) {
                terminated = true;
                break;
            }
            command.push(word);
        }
        if (!terminated || command.length === 0) {
            outcome.problems.push(`\`find ${arg}\` without a complete command cannot be checked`);
            return outcome;
        }
        if (command[0].includes('{}') || command[0].includes(match/* UNKNOWN */.HV)) {
            outcome.problems.push(`the command \`find ${arg}\` runs is only known at run time`);
            return outcome;
        }
        outcome.commands.push(command.map(word => word.split('{}').join(match/* UNKNOWN */.HV)));
        index = end;
    }
    return outcome;
}

;// CONCATENATED MODULE: ./src/policy/shell.ts



const MAX_COMMAND_LINE_LENGTH = 10_000;
/** mvdan-sh recurses per nesting level: ~2,000 levels overflow the stack, ~500 make Walk crawl. */
const MAX_NESTING = 100;
const WALK_DEPTH_LIMIT = 40;
const REDIRECT_OPERATORS = {
    54: '>',
    55: '>>',
    56: '<',
    57: '<>',
    58: '<&',
    59: '>&',
    60: '>|',
    61: '<<',
    62: '<<-',
    63: '<<<',
    64: '&>',
    65: '&>>'
};
/** Node kinds that are never acceptable, wherever they appear (checked again with syntax.Walk). */
const FORBIDDEN_NODES = {
    CmdSubst: 'command substitution ($(...) or backticks) runs a command that cannot be checked',
    ProcSubst: 'process substitution (<(...) or >(...)) runs a command that cannot be checked',
    ArithmExp: 'arithmetic expansion $((...)) can run commands through array subscripts',
    ArithmCmd: 'arithmetic commands ((...)) can run commands through array subscripts',
    LetClause: '`let` can run commands through array subscripts',
    FuncDecl: 'function definitions change what a command name runs',
    CoprocClause: '`coproc` runs a command in the background',
    DeclClause: '`declare`, `export`, `local`, `readonly` and `typeset` change the environment of later commands; put VAR=value in front of the command instead',
    TestDecl: 'test declarations are not supported'
};
let parserModule;
/**
 * Loads the shell parser. mvdan-sh is 1.8 MB of GopherJS that takes about 60 ms to load, so it is
 * loaded on the first Bash call instead of at start-up: runs that never see one never pay for it.
 * Call (and await) this before `analyzeCommandLine`; it is cheap once loaded.
 */
async function loadShellParser() {
    parserModule ??= (await __webpack_require__.e(/* import() */ 914).then(__webpack_require__.t.bind(__webpack_require__, 2914, 23))).default.syntax;
}
function syntax() {
    // Fail closed: analysing without the parser is a programming error, and analyze() turns the
    // throw into a problem, so the command is denied rather than allowed unchecked.
    if (!parserModule)
        throw new Error('the shell parser is not loaded (call loadShellParser first)');
    return parserModule;
}
/**
 * Recent analyses by command line. Parsing is the costly part of a Bash decision (a few ms in the
 * GopherJS parser) and one call is analysed twice (the policy, then the wrapper's check of
 * redirection targets), so the last few lines are kept. Results are frozen: callers share them.
 */
const recentAnalyses = new Map();
const RECENT_ANALYSES = 32;
/** Analyses one Bash command line. Never throws. */
function analyzeCommandLine(line) {
    const known = typeof line === 'string' ? recentAnalyses.get(line) : undefined;
    if (known)
        return known;
    const analysis = analyzeUncached(line);
    // Not kept while the parser is missing: that answer (a problem) is not the line's real one.
    if (typeof line === 'string' && parserModule) {
        if (recentAnalyses.size >= RECENT_ANALYSES) {
            const oldest = recentAnalyses.keys().next().value;
            if (oldest !== undefined)
                recentAnalyses.delete(oldest);
        }
        recentAnalyses.set(line, deepFreeze(analysis));
    }
    return analysis;
}
function deepFreeze(value) {
    if (value && typeof value === 'object' && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const child of Object.values(value))
            deepFreeze(child);
    }
    return value;
}
function analyzeUncached(line) {
    const analyzer = new Analyzer();
    if (typeof line !== 'string') {
        analyzer.problem('the command is not a string');
    }
    else if (line.length > MAX_COMMAND_LINE_LENGTH) {
        analyzer.problem(`the command line is longer than ${MAX_COMMAND_LINE_LENGTH} characters`);
    }
    else if (line.includes('\0')) {
        analyzer.problem('the command line contains a NUL byte');
    }
    else if (roughNesting(line) > MAX_NESTING * 2) {
        analyzer.problem('the command line is nested too deeply to check');
    }
    else {
        analyzer.analyze(line);
    }
    return analyzer.result();
}
/** Bracket depth ignoring quotes: a cheap guard before the recursive parser sees the line. */
function roughNesting(line) {
    let depth = 0;
    let max = 0;
    for (const character of line) {
        if (character === '(' || character === '{')
            max = Math.max(max, ++depth);
        else if ((character === ')' || character === '}') && depth > 0)
            depth--;
    }
    return max;
}
class Analyzer {
    commands = [];
    redirects = [];
    problems = new Set();
    changesDirectory = false;
    maxDepth = 0;
    /** The line as UTF-8: mvdan-sh positions are byte offsets. */
    source = Buffer.alloc(0);
    problem(message) {
        this.problems.add(message);
    }
    result() {
        if (this.changesDirectory && this.redirects.some(redirect => !isDescriptorRedirect(redirect))) {
            // The targets are resolved against the workspace root; after `cd` they mean other files.
            this.problem('redirections after `cd`, `pushd` or `popd` cannot be checked');
        }
        return {
            commands: this.commands,
            redirects: this.redirects,
            problems: [...this.problems]
        };
    }
    analyze(line) {
        let file;
        try {
            this.source = Buffer.from(line, 'utf8');
            file = syntax().NewParser().Parse(line, '');
        }
        catch (error) {
            this.problem(parseFailure(error));
            return;
        }
        try {
            this.statements(file.Stmts, 0);
            if (this.maxDepth <= WALK_DEPTH_LIMIT) {
                // Defence in depth: whatever path the walk above took, these never pass. (syntax.Walk
                // takes seconds to minutes on trees a few hundred levels deep, so only shallow ones.)
                syntax().Walk(file, node => {
                    if (node) {
                        const reason = FORBIDDEN_NODES[syntax().NodeType(node)];
                        if (reason)
                            this.problem(reason);
                    }
                    return true;
                });
            }
        }
        catch (error) {
            this.problem(error instanceof RangeError
                ? 'the command line is nested too deeply to check'
                : `the command line could not be analysed (${String(error)})`);
        }
    }
    statements(statements, depth) {
        for (const statement of statements)
            this.statement(statement, depth);
    }
    statement(statement, depth) {
        if (depth > MAX_NESTING) {
            this.maxDepth = Math.max(this.maxDepth, depth);
            this.problem('the command line is nested too deeply to check');
            return;
        }
        this.maxDepth = Math.max(this.maxDepth, depth);
        this.statementHeader(statement);
        if (statement.Cmd)
            this.command(statement.Cmd, depth + 1);
    }
    statementHeader(statement) {
        if (statement.Background)
            this.problem('background jobs (&) are not allowed');
        if (statement.Coprocess)
            this.problem(FORBIDDEN_NODES.CoprocClause);
        for (const redirect of statement.Redirs)
            this.redirect(redirect);
    }
    command(node, depth) {
        const kind = syntax().NodeType(node);
        switch (kind) {
            case 'CallExpr':
                this.call(node);
                return;
            case 'BinaryCmd': {
                // `a && b | c ...` nests to the left, one level per operator: walk the chain in a loop so
                // a long list of commands does not count as deep nesting.
                let binary = node;
                const rights = [];
                for (;;) {
                    rights.push(binary.Y);
                    const left = binary.X;
                    this.statementHeader(left);
                    if (left.Cmd && syntax().NodeType(left.Cmd) === 'BinaryCmd') {
                        binary = left.Cmd;
                        continue;
                    }
                    if (left.Cmd)
                        this.command(left.Cmd, depth);
                    break;
                }
                // syntax.Walk does recurse once per operator: count the chain for its depth limit.
                this.maxDepth = Math.max(this.maxDepth, depth + rights.length);
                for (const right of rights.reverse())
                    this.statement(right, depth);
                return;
            }
            case 'Subshell':
            case 'Block':
                this.statements(node.Stmts, depth);
                return;
            case 'IfClause': {
                let clause = node;
                let branches = 0;
                while (clause) {
                    this.statements(clause.Cond, depth);
                    this.statements(clause.Then, depth);
                    clause = clause.Else;
                    branches++;
                }
                this.maxDepth = Math.max(this.maxDepth, depth + branches);
                return;
            }
            case 'WhileClause': {
                const loop = node;
                this.statements(loop.Cond, depth);
                this.statements(loop.Do, depth);
                return;
            }
            case 'ForClause': {
                const loop = node;
                if (syntax().NodeType(loop.Loop) !== 'WordIter') {
                    this.problem('C-style for loops use arithmetic, which can run commands');
                    return;
                }
                for (const item of loop.Loop.Items)
                    this.word(item, 'data');
                this.statements(loop.Do, depth);
                return;
            }
            case 'CaseClause': {
                const clause = node;
                this.word(clause.Word, 'data');
                for (const item of clause.Items) {
                    for (const pattern of item.Patterns)
                        this.word(pattern, 'data');
                    this.statements(item.Stmts, depth);
                }
                return;
            }
            case 'TimeClause': {
                const clause = node;
                if (clause.Stmt)
                    this.statement(clause.Stmt, depth);
                return;
            }
            case 'TestClause':
                this.test(node.X, depth);
                return;
            default:
                this.problem(FORBIDDEN_NODES[kind] ?? `\`${kind}\` constructs are not supported`);
        }
    }
    /** `[[ ... ]]`: no command runs, but `-eq` and friends evaluate `a[$(cmd)]` in operands. */
    test(node, depth) {
        if (depth > MAX_NESTING) {
            this.maxDepth = Math.max(this.maxDepth, depth);
            this.problem('the command line is nested too deeply to check');
            return;
        }
        const kind = syntax().NodeType(node);
        if (kind === 'BinaryTest') {
            const test = node;
            this.test(test.X, depth + 1);
            this.test(test.Y, depth + 1);
        }
        else if (kind === 'UnaryTest' || kind === 'ParenTest') {
            this.test(node.X, depth + 1);
        }
        else if (kind === 'Word') {
            const text = this.word(node, 'data');
            if (text !== undefined && /\[/.test(text) && /[$`]/.test(text)) {
                this.problem('[[ ]] operands with subscripts and $ or ` can run commands');
            }
        }
        else {
            this.problem(`\`${kind}\` in [[ ]] is not supported`);
        }
    }
    call(call) {
        for (const assign of call.Assigns)
            this.assignment(assign);
        if (call.Args.length === 0)
            return;
        const argv = [];
        for (const word of call.Args) {
            const text = this.word(word, 'argument');
            if (text === undefined)
                return;
            argv.push(text);
        }
        if (argv[0]?.includes(match/* UNKNOWN */.HV)) {
            this.problem(`the command name ${this.sourceOf(call.Args[0])} is only known at run time (variable, glob, brace or tilde expansion); write the command name literally`);
            return;
        }
        this.simpleCommand(argv, undefined, 0);
    }
    assignment(assign) {
        const name = assign.Name?.Value ?? '';
        if (assign.Index || assign.Array) {
            this.problem(`array assignments (${name}[...]= or ${name}=(...)) can run commands through subscripts`);
            return;
        }
        const value = assign.Value ? this.word(assign.Value, 'assignment') : '';
        if (value === undefined)
            return;
        this.checkAssignment(name, value);
    }
    /** `NAME=value` in front of a command, alone, or after `env`/`sudo`. */
    checkAssignment(name, value) {
        const sensitive = sensitiveVariable(name);
        if (sensitive)
            this.problem(`setting ${name} is not allowed: ${sensitive}`);
        else if (value.includes(match/* UNKNOWN */.HV)) {
            this.problem(`the value assigned to ${name} is only known at run time; use a plain value`);
        }
    }
    /** Records a command and whatever it runs in turn. */
    simpleCommand(argv, via, depth) {
        const name = argv[0];
        if (name === undefined)
            return;
        if (name.includes(match/* UNKNOWN */.HV)) {
            this.problem(`the command name \`${name.split(match/* UNKNOWN */.HV).join('…')}\` is only known at run time; write the command name literally`);
            return;
        }
        this.commands.push(via ? { argv, text: argv.join(' '), via } : { argv, text: argv.join(' ') });
        if (depth > 8) {
            this.problem('commands wrapped more than 8 levels deep are not supported');
            return;
        }
        const base = name.slice(name.lastIndexOf('/') + 1);
        if (base === 'cd' || base === 'pushd' || base === 'popd')
            this.changesDirectory = true;
        const outcome = unwrapCommand(argv);
        for (const problem of outcome.problems)
            this.problem(problem);
        for (const assignment of outcome.assignments) {
            this.checkAssignment(assignment.name, assignment.value);
        }
        for (const inner of outcome.commands)
            this.simpleCommand(inner, base, depth + 1);
    }
    /** A node's text as written, quoted for a message. */
    sourceOf(node) {
        const text = this.source.subarray(node.Pos().Offset(), node.End().Offset()).toString('utf8');
        return `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``;
    }
    redirect(redirect) {
        const op = REDIRECT_OPERATORS[redirect.Op] ?? `operator ${redirect.Op}`;
        const fd = redirect.N?.Value;
        if (op === '<<' || op === '<<-') {
            // The body of an unquoted here-document is expanded: $(...) inside it runs.
            if (redirect.Hdoc)
                this.word(redirect.Hdoc, 'data');
            return;
        }
        if (!redirect.Word) {
            this.problem(`redirection ${op} has no target`);
            return;
        }
        if (op === '<<<') {
            this.word(redirect.Word, 'data');
            return;
        }
        const target = this.word(redirect.Word, 'target');
        if (target === undefined)
            return;
        if (target.includes(match/* UNKNOWN */.HV)) {
            this.problem(`the redirection target ${this.sourceOf(redirect.Word)} is only known at run time; write the path literally`);
            return;
        }
        if (!(op in OPERATOR_NAMES)) {
            this.problem(`redirection ${op} is not supported`);
            return;
        }
        if (op === '<&' && !/^(\d+|-)$/.test(target)) {
            this.problem(`redirection <&${target} is not supported`);
            return;
        }
        this.redirects.push(fd === undefined ? { op, target } : { op, target, fd });
    }
    /**
     * The word after quote removal, with UNKNOWN where it depends on run time; undefined (and a
     * problem recorded) when part of it runs code.
     */
    word(word, mode) {
        const characters = [];
        let ok = true;
        const fail = (message) => {
            this.problem(message);
            ok = false;
        };
        const pushAll = (text, quoted) => {
            for (const value of text)
                characters.push({ value, quoted });
        };
        for (const part of word.Parts) {
            const kind = syntax().NodeType(part);
            if (kind === 'Lit') {
                unquoteBare(part.Value, characters);
            }
            else if (kind === 'SglQuoted') {
                const quoted = part;
                if (!quoted.Dollar)
                    pushAll(quoted.Value, true);
                else {
                    const decoded = decodeAnsiC(quoted.Value);
                    if (decoded === undefined)
                        fail(`the $'...' string ${JSON.stringify(quoted.Value)} uses escapes that are not supported`);
                    else
                        pushAll(decoded, true);
                }
            }
            else if (kind === 'DblQuoted') {
                const quoted = part;
                if (quoted.Dollar)
                    fail('$"..." strings are translated at run time and cannot be checked');
                for (const inner of quoted.Parts) {
                    const innerKind = syntax().NodeType(inner);
                    if (innerKind === 'Lit')
                        pushAll(unescapeDoubleQuoted(inner.Value), true);
                    else if (innerKind === 'ParamExp') {
                        if (this.parameter(inner))
                            characters.push(match/* UNKNOWN */.HV);
                        else
                            ok = false;
                    }
                    else
                        fail(FORBIDDEN_NODES[innerKind] ?? `\`${innerKind}\` inside double quotes is not supported`);
                }
            }
            else if (kind === 'ParamExp') {
                if (this.parameter(part))
                    characters.push(match/* UNKNOWN */.HV);
                else
                    ok = false;
            }
            else if (kind === 'ExtGlob' || kind === 'BraceExp') {
                characters.push(match/* UNKNOWN */.HV);
            }
            else {
                fail(FORBIDDEN_NODES[kind] ?? `\`${kind}\` in a word is not supported`);
            }
        }
        if (!ok)
            return undefined;
        if (mode === 'argument' || mode === 'target') {
            markTilde(characters, true);
            markBraces(characters);
            markGlobs(characters);
        }
        else if (mode === 'assignment') {
            markTilde(characters, false);
        }
        return characters.map(character => (character === match/* UNKNOWN */.HV ? match/* UNKNOWN */.HV : character.value)).join('');
    }
    /** Plain `$name` / `${name}` only: the operators inside `${...}` can run or hide commands. */
    parameter(expansion) {
        const plain = !expansion.Excl &&
            !expansion.Length &&
            !expansion.Width &&
            !expansion.Index &&
            !expansion.Slice &&
            !expansion.Repl &&
            !expansion.Names &&
            !expansion.Exp;
        if (!plain) {
            this.problem('parameter expansions with operators (${x:-...}, ${!x}, ${x/...}) are not allowed');
        }
        return plain;
    }
}
const OPERATOR_NAMES = {
    '>': true,
    '>>': true,
    '>|': true,
    '&>': true,
    '&>>': true,
    '<': true,
    '<>': true,
    '>&': true,
    '<&': true
};
/** `2>&1`, `>&2`, `<&0`, `>&-`: between descriptors, no file involved. */
function isDescriptorRedirect(redirect) {
    return (redirect.op === '>&' || redirect.op === '<&') && /^(\d+|-)$/.test(redirect.target);
}
function parseFailure(error) {
    if (error instanceof RangeError)
        return 'the command line is nested too deeply to check';
    const parseError = error;
    const message = parseError && typeof parseError.Error === 'function' ? parseError.Error() : String(error);
    return `the command line is not valid Bash (${message})`;
}
/** Unquoted literal: a backslash quotes the next character; backslash-newline disappears. */
function unquoteBare(raw, characters) {
    const chars = [...raw];
    for (let index = 0; index < chars.length; index++) {
        const value = chars[index];
        if (value === '\\' && index + 1 < chars.length) {
            const next = chars[++index];
            if (next !== '\n')
                characters.push({ value: next, quoted: true });
        }
        else {
            characters.push({ value, quoted: false });
        }
    }
}
/** Inside double quotes a backslash only escapes $ ` " \ and newline. */
function unescapeDoubleQuoted(raw) {
    return raw.replace(/\\([$`"\\\n])/g, (_match, escaped) => escaped === '\n' ? '' : escaped);
}
const SIMPLE_ESCAPES = {
    a: '\x07',
    b: '\b',
    e: '\x1b',
    E: '\x1b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    '\\': '\\',
    "'": "'",
    '"': '"',
    '?': '?'
};
/** `$'...'` escapes; undefined for forms not decoded here (which then deny). */
function decodeAnsiC(raw) {
    let result = '';
    for (let index = 0; index < raw.length; index++) {
        const character = raw[index];
        if (character !== '\\') {
            result += character;
            continue;
        }
        const next = raw[index + 1];
        if (next === undefined)
            return undefined;
        const simple = SIMPLE_ESCAPES[next];
        if (simple !== undefined) {
            result += simple;
            index++;
            continue;
        }
        const rest = raw.slice(index + 1);
        const numeric = /^([0-7]{1,3})/.exec(rest) ??
            /^x([0-9a-fA-F]{1,2})/.exec(rest) ??
            /^u([0-9a-fA-F]{1,4})/.exec(rest) ??
            /^U([0-9a-fA-F]{1,8})/.exec(rest);
        if (!numeric)
            return undefined;
        const digits = numeric[1];
        const code = Number.parseInt(digits, /^[0-7]/.test(rest) ? 8 : 16);
        if (code === 0 || code > 0x10ffff)
            return undefined;
        result += String.fromCodePoint(code);
        index += numeric[0].length;
    }
    return result;
}
/** `~`, `~user` at the start (and, for arguments, after `=` or `:`) expand to a home directory. */
function markTilde(characters, afterEquals) {
    for (let index = 0; index < characters.length; index++) {
        const character = characters[index];
        if (character === match/* UNKNOWN */.HV ||
            character === undefined ||
            character.quoted ||
            character.value !== '~') {
            continue;
        }
        const previous = characters[index - 1];
        const atStart = index === 0 ||
            (previous !== undefined &&
                previous !== match/* UNKNOWN */.HV &&
                !previous.quoted &&
                (previous.value === ':' || (afterEquals && previous.value === '=')));
        if (!atStart)
            continue;
        let end = index + 1;
        while (end < characters.length) {
            const next = characters[end];
            if (next === match/* UNKNOWN */.HV || next === undefined || next.value === '/' || next.value === ':')
                break;
            end++;
        }
        characters.splice(index, end - index, match/* UNKNOWN */.HV);
    }
}
/** `{a,b}` and `{1..3}` (unquoted) expand to several words. */
function markBraces(characters) {
    const bare = (index, value) => {
        const character = characters[index];
        return (character !== undefined &&
            character !== match/* UNKNOWN */.HV &&
            !character.quoted &&
            character.value === value);
    };
    const open = characters.findIndex((_character, index) => bare(index, '{'));
    if (open < 0)
        return;
    let close = -1;
    for (let index = characters.length - 1; index > open; index--) {
        if (bare(index, '}')) {
            close = index;
            break;
        }
    }
    if (close < 0)
        return;
    let expands = false;
    for (let index = open + 1; index < close; index++) {
        if (bare(index, ',') || (bare(index, '.') && bare(index + 1, '.')))
            expands = true;
    }
    if (expands)
        characters.splice(open, close - open + 1, match/* UNKNOWN */.HV);
}
/** Unquoted `*`, `?` and `[...]` expand to file names. */
function markGlobs(characters) {
    for (let index = 0; index < characters.length; index++) {
        const character = characters[index];
        if (character === match/* UNKNOWN */.HV || character === undefined || character.quoted)
            continue;
        if (character.value === '*' || character.value === '?') {
            characters.splice(index, 1, match/* UNKNOWN */.HV);
        }
        else if (character.value === '[') {
            const close = characters.findIndex((next, at) => at > index + 1 && next !== match/* UNKNOWN */.HV && next.value === ']');
            if (close > 0)
                characters.splice(index, close - index + 1, match/* UNKNOWN */.HV);
        }
    }
}
/**
 * Why assigning `name` in front of a command is refused, or undefined. A deny-list by nature:
 * these names make an allowed program load or run other code (PATH, LD_PRELOAD, GIT_PAGER,
 * NODE_OPTIONS=--require, BASH_ENV, HOME pointing at a planted .gitconfig, ...).
 */
function sensitiveVariable(name) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
        return 'not a plain variable name';
    const upper = name.toUpperCase();
    if (SENSITIVE_NAMES.has(upper))
        return 'it changes which programs or configuration run';
    if (SENSITIVE_PREFIXES.some(prefix => upper.startsWith(prefix))) {
        return 'it changes which programs or configuration run';
    }
    if (SENSITIVE_SUFFIXES.some(suffix => upper.endsWith(suffix))) {
        return 'it changes which programs or configuration run';
    }
    return undefined;
}
const SENSITIVE_NAMES = new Set([
    'PATH',
    'IFS',
    'ENV',
    'BASH_ENV',
    'CDPATH',
    'GLOBIGNORE',
    'SHELLOPTS',
    'BASHOPTS',
    'PS4',
    'PROMPT_COMMAND',
    'HOME',
    'SHELL',
    'EDITOR',
    'VISUAL',
    'PAGER',
    'MANPAGER',
    'BROWSER',
    'TMPDIR',
    'ZDOTDIR',
    'LESSOPEN',
    'LESSCLOSE',
    'CC',
    'CXX',
    'CPP',
    'LD',
    'AR',
    'MAKE',
    'MAKEFLAGS',
    'MFLAGS',
    'RUSTC',
    'RUSTC_WRAPPER'
]);
const SENSITIVE_PREFIXES = [
    'LD_',
    'DYLD_',
    'GIT_',
    'BASH_FUNC_',
    'XDG_',
    'NODE_',
    'NPM_',
    'YARN_',
    'PNPM_',
    'COREPACK_',
    'PYTHON',
    'PIP_',
    'PERL',
    'RUBY',
    'GEM_',
    'BUNDLE_',
    'JAVA_',
    '_JAVA_',
    'JDK_',
    'MAVEN_',
    'GRADLE_',
    'CARGO_',
    'RUSTUP_',
    'GO',
    'SSH_',
    'GPG',
    'GNUPG',
    'DOCKER_',
    'KUBECONFIG',
    'AWS_',
    'GH_',
    'GITHUB_',
    'OPENSSL_',
    'SSL_',
    'CURL_',
    'HTTP',
    'HTTPS_',
    'NO_PROXY',
    'ALL_PROXY'
];
const SENSITIVE_SUFFIXES = [
    'PATH',
    '_OPTIONS',
    '_OPTS',
    'OPT',
    'FLAGS',
    '_HOME',
    '_COMMAND',
    '_CMD',
    '_SHELL',
    '_EDITOR',
    '_PAGER',
    '_PROGRAM',
    '_PRELOAD',
    '_CONFIG',
    'RC',
    '_ASKPASS',
    'PROXY',
    '_HOOK',
    '_HOOKS'
];


/***/ })

};
