export const id = 961;
export const ids = [961];
export const modules = {

/***/ 3488:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  WJ: () => (/* binding */ canReadPath),
  LD: () => (/* binding */ decide),
  K6: () => (/* binding */ decideWithRules)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/policy/match.ts
var match = __webpack_require__(6563);
;// CONCATENATED MODULE: ./src/policy/paths.ts
/**
 * Lexical workspace confinement. The decision function is pure, so it cannot see symlinks: the
 * tools resolve real paths before touching a file and must confine those too. What this module
 * guarantees is that a path which leaves the workspace on paper never reaches the rules.
 */

/** Resolves `path` (absolute inside `workspace`, or relative to it) to a workspace-relative path. */
function workspaceRelative(workspace, path) {
    if (path.includes('\0'))
        return { ok: false, reason: 'the path contains a NUL byte' };
    if (path === '')
        return { ok: false, reason: 'the path is empty' };
    const root = external_node_path_.posix.normalize(workspace).replace(/(.)\/+$/, '$1');
    const absolute = external_node_path_.posix.isAbsolute(path) ? external_node_path_.posix.normalize(path) : external_node_path_.posix.join(root, path);
    const relative = external_node_path_.posix.relative(root, absolute);
    if (relative === '')
        return { ok: true, relative: '.' };
    if (relative === '..' || relative.startsWith('../') || external_node_path_.posix.isAbsolute(relative)) {
        return { ok: false, reason: `\`${path}\` is outside the workspace` };
    }
    return { ok: true, relative };
}
/**
 * Whether a workspace-relative path lies in a `.git` directory (at any depth, any case: a
 * case-insensitive file system treats `.GIT` as `.git`). Writing there plants hooks or config
 * that run code at the next git command, outside every rule of the policy.
 */
function isInsideGitDirectory(relative) {
    return relative.split('/').some(segment => segment.toLowerCase() === '.git');
}

// EXTERNAL MODULE: ./src/policy/rules.ts
var rules = __webpack_require__(1821);
// EXTERNAL MODULE: ./node_modules/mvdan-sh/index.js
var mvdan_sh = __webpack_require__(2914);
var mvdan_sh_default = /*#__PURE__*/__webpack_require__.n(mvdan_sh);
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
/**
 * Static analysis of a Bash command line for the policy: which simple commands it runs (after
 * quote removal: `'g'it "push"` is `git push`, `\r\m` is `rm`), which files it redirects to or
 * from, and what cannot be known before it runs. The decision denies anything in `problems`.
 *
 * The walk is an allow-list of syntax: every construct it does not know how to check becomes a
 * problem, so a Bash feature this code forgot is denied rather than waved through.
 *
 * What may vary at run time inside an argument (a `$VAR`, a glob, a brace or tilde expansion) is
 * kept as UNKNOWN in the command text; the rules then have to match whatever it turns out to be
 * (see match.ts). In a command name, a redirection target or an assignment it is a problem.
 */




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
/** Analyses one Bash command line. Never throws. */
function analyzeCommandLine(line) {
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
            file = mvdan_sh_default().syntax.NewParser().Parse(line, '');
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
                mvdan_sh_default().syntax.Walk(file, node => {
                    if (node) {
                        const reason = FORBIDDEN_NODES[mvdan_sh_default().syntax.NodeType(node)];
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
        const kind = mvdan_sh_default().syntax.NodeType(node);
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
                    if (left.Cmd && mvdan_sh_default().syntax.NodeType(left.Cmd) === 'BinaryCmd') {
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
                if (mvdan_sh_default().syntax.NodeType(loop.Loop) !== 'WordIter') {
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
        const kind = mvdan_sh_default().syntax.NodeType(node);
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
            const kind = mvdan_sh_default().syntax.NodeType(part);
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
                    const innerKind = mvdan_sh_default().syntax.NodeType(inner);
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

;// CONCATENATED MODULE: ./src/policy/decide.ts
/**
 * The permission decision: a pure function of (rules, tool call, workspace) that says allow, ask
 * or deny, names the rule that decided and tells the model why in one sentence. Deny beats ask,
 * ask beats allow, and nothing matched means deny. It never throws and never touches the file
 * system: odd input is a denial the model can read and correct.
 */





/** Decides one tool call under the rules of `task` (its sections replace those of defaults). */
function decide(policy, task, call, workspace) {
    return decideWithRules((0,rules/* rulesFor */.N)(policy, task), call, workspace);
}
/** The same decision for rules already resolved (e.g. `policy.defaults` when no task is given). */
function decideWithRules(rules, call, workspace) {
    const input = isRecord(call.input) ? call.input : undefined;
    switch (call.tool) {
        case 'Read':
            return decidePath(rules, 'read', input?.file_path, 'file_path', workspace, call.tool);
        case 'Write':
        case 'Edit':
            return decidePath(rules, 'write', input?.file_path, 'file_path', workspace, call.tool);
        case 'Glob':
        case 'Grep':
            return decideSearch(rules, call.tool, input, workspace);
        case 'Bash':
            return decideBash(rules, input?.command, workspace);
        default:
            return deny('default: deny', `\`${String(call.tool)}\` is not a tool this policy governs (Bash, Read, Write, Edit, Glob, Grep), so it is denied.`);
    }
}
/**
 * Whether a workspace-relative file may be read: Glob and Grep drop every result for which this is
 * false. Only `allow` counts: an `ask` file cannot be approved in the middle of a search.
 */
function canReadPath(rules, relativePath) {
    if (relativePath.includes('\0'))
        return false;
    const normalised = external_node_path_.posix.normalize(relativePath).replace(/^(\.\/)+/, '');
    if (normalised === '..' || normalised.startsWith('../') || external_node_path_.posix.isAbsolute(normalised))
        return false;
    return pathDecision(rules.read, 'read', normalised, 'Read').decision === 'allow';
}
function decidePath(rules, section, path, field, workspace, tool) {
    if (typeof path !== 'string' || path === '') {
        return deny('default: deny', `${tool} needs \`${field}\`, a path inside the workspace.`);
    }
    const resolved = workspaceRelative(workspace, path);
    if (!resolved.ok) {
        return deny('confinement', `${capitalise(resolved.reason)}; ${tool} only works on files inside the workspace.`);
    }
    return pathDecision(rules[section], section, resolved.relative, tool);
}
function pathDecision(set, section, relative, tool) {
    const shown = `\`${relative}\``;
    if (section === 'write' && isInsideGitDirectory(relative)) {
        return deny('protected: .git', `${shown} is inside .git, which no tool may change (hooks and config there would run code); change files in the working tree instead.`);
    }
    const denied = (0,match/* firstPathMatch */.vY)(set.deny, relative, true);
    if (denied !== undefined) {
        return deny(`${section}.deny: ${denied}`, `${shown} matches the ${section} deny rule \`${denied}\` of this policy, so ${tool} may not ${verb(section)} it; leave it alone or ask the user.`);
    }
    const asked = (0,match/* firstPathMatch */.vY)(set.ask, relative, true);
    if (asked !== undefined) {
        return ask(`${section}.ask: ${asked}`, `${tool} on ${shown} needs a maintainer's approval (${section} ask rule \`${asked}\`).`);
    }
    const allowed = (0,match/* firstPathMatch */.vY)(set.allow, relative);
    if (allowed !== undefined) {
        return allow(`${section}.allow: ${allowed}`, `${shown} is allowed by the ${section} rule \`${allowed}\`.`);
    }
    return deny('default: deny', `${shown} is not allowed by the ${section} rules of this policy (${allowedList(set.allow)}); ${section === 'write' ? 'write' : 'read'} an allowed path instead or ask the user.`);
}
/**
 * Glob and Grep search a directory (default: the workspace root). Allowed when the directory is
 * not denied itself and some read.allow pattern could match something beneath it; each result is
 * then filtered through `canReadPath`, so a search never reveals a denied file.
 */
function decideSearch(rules, tool, input, workspace) {
    if (!input)
        return deny('default: deny', `${tool} needs an input object with \`pattern\`.`);
    for (const field of tool === 'Glob' ? ['pattern'] : ['glob']) {
        const value = input[field];
        if (typeof value === 'string' && leavesWorkspace(value)) {
            return deny('confinement', `The ${field} \`${value}\` reaches outside the workspace; search inside it instead.`);
        }
    }
    const path = input.path === undefined || input.path === null ? '.' : input.path;
    if (typeof path !== 'string' || path === '') {
        return deny('default: deny', `${tool} needs \`path\` to be a directory inside the workspace (or left out).`);
    }
    const resolved = workspaceRelative(workspace, path);
    if (!resolved.ok) {
        return deny('confinement', `${capitalise(resolved.reason)}; ${tool} only searches inside the workspace.`);
    }
    const directory = resolved.relative;
    const read = rules.read;
    const shown = `\`${directory}\``;
    if (directory !== '.') {
        const denied = (0,match/* firstPathMatch */.vY)(read.deny, directory, true);
        if (denied !== undefined) {
            return deny(`read.deny: ${denied}`, `${shown} matches the read deny rule \`${denied}\` of this policy, so ${tool} may not search it; search elsewhere or ask the user.`);
        }
        const asked = (0,match/* firstPathMatch */.vY)(read.ask, directory, true);
        if (asked !== undefined) {
            return ask(`read.ask: ${asked}`, `${tool} in ${shown} needs a maintainer's approval (read ask rule \`${asked}\`).`);
        }
    }
    const reaching = read.allow.find(pattern => reachesUnder(pattern, directory));
    if (reaching !== undefined) {
        return allow(`read.allow: ${reaching}`, `${tool} in ${shown} is allowed by the read rule \`${reaching}\`; results are filtered by the read rules.`);
    }
    return deny('default: deny', `Nothing in ${shown} is allowed by the read rules of this policy (${allowedList(read.allow)}); search an allowed path instead.`);
}
/** Whether `pattern` could match `directory` or a path beneath it (overshooting is harmless). */
function reachesUnder(pattern, directory) {
    if (directory === '.')
        return true;
    if ((0,match/* pathMatches */.rg)(pattern, directory))
        return true;
    const base = (0,match/* globBase */.EI)(pattern);
    if (base === '')
        return true;
    return base === directory || base.startsWith(`${directory}/`) || directory.startsWith(`${base}/`);
}
function leavesWorkspace(pattern) {
    return pattern.includes('\0') || pattern.startsWith('/') || pattern.split('/').includes('..');
}
function decideBash(rules, command, workspace) {
    if (typeof command !== 'string' || command.trim() === '') {
        return deny('default: deny', 'Bash needs `command`, a non-empty command line.');
    }
    const analysis = analyzeCommandLine(command);
    if (analysis.problems.length > 0) {
        const [first, ...rest] = analysis.problems;
        const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
        return deny('bash: unanalysable', `This command line cannot be checked before it runs: ${first}${more}.`);
    }
    if (analysis.commands.length === 0 && analysis.redirects.length === 0) {
        return deny('default: deny', 'This command line runs no command.');
    }
    const parts = [
        ...analysis.commands.map(entry => commandPart(rules.bash, entry)),
        ...analysis.redirects
            .filter(redirect => !isDescriptorRedirect(redirect) && !HARMLESS_DEVICES.has(redirect.target))
            .flatMap(redirect => redirectParts(rules, redirect, workspace))
    ];
    // A named deny rule tells the model more than `default: deny`, so it is reported first.
    const denials = parts.filter(part => part.decision.decision === 'deny');
    const denied = denials.find(part => part.rule !== 'default: deny') ?? denials[0];
    if (denied)
        return denied.decision;
    const asked = parts.find(part => part.decision.decision === 'ask');
    if (asked)
        return asked.decision;
    const decidingRules = [...new Set(parts.map(part => part.rule))];
    return allow(decidingRules.join('; '), `Every command and redirection is allowed by this policy (${decidingRules.join('; ')}).`);
}
const HARMLESS_DEVICES = new Set(['/dev/null', '/dev/stdout', '/dev/stderr']);
function commandPart(set, command) {
    const text = command.text;
    // Deny and ask also look at the bare program name: `/usr/bin/git push` is `git push`.
    const name = command.argv[0] ?? '';
    const bareText = [name.slice(name.lastIndexOf('/') + 1), ...command.argv.slice(1)].join(' ');
    const shown = `\`${truncate((0,match/* displayCommand */.kc)(text))}\`${command.via ? ` (run by \`${command.via}\`)` : ''}`;
    const couldMatch = (pattern) => (0,match/* commandMatchesForSome */.qJ)(pattern, text) || (0,match/* commandMatchesForSome */.qJ)(pattern, bareText);
    const denied = set.deny.find(couldMatch);
    if (denied !== undefined) {
        const rule = `bash.deny: ${denied}`;
        return {
            rule,
            decision: deny(rule, `${shown} matches the bash deny rule \`${denied}\` of this policy; do without it or ask the user.`)
        };
    }
    const asked = set.ask.find(couldMatch);
    if (asked !== undefined) {
        const rule = `bash.ask: ${asked}`;
        return {
            rule,
            decision: ask(rule, `${shown} needs a maintainer's approval (bash ask rule \`${asked}\`); the call is recorded as pending.`)
        };
    }
    const allowed = set.allow.find(pattern => (0,match/* commandMatchesForAll */.Z6)(pattern, text));
    if (allowed !== undefined) {
        const rule = `bash.allow: ${allowed}`;
        return { rule, decision: allow(rule, `${shown} is allowed by the bash rule \`${allowed}\`.`) };
    }
    return {
        rule: 'default: deny',
        decision: deny('default: deny', `${shown} is not allowed by the bash rules of this policy (${allowedList(set.allow)}). Use an allowed command or ask the user.`)
    };
}
const WRITE_OPERATORS = new Set(['>', '>>', '>|', '&>', '&>>', '>&', '<>']);
const READ_OPERATORS = new Set(['<', '<>']);
function redirectParts(rules, redirect, workspace) {
    const parts = [];
    const label = `redirection ${redirect.fd ?? ''}${redirect.op}${redirect.target}`;
    const resolved = workspaceRelative(workspace, redirect.target);
    if (!resolved.ok) {
        return [
            {
                rule: 'confinement',
                decision: deny('confinement', `The ${label} reaches outside the workspace (${resolved.reason}); redirect to a file inside it, or to /dev/null.`)
            }
        ];
    }
    const sections = [];
    if (WRITE_OPERATORS.has(redirect.op))
        sections.push('write');
    if (READ_OPERATORS.has(redirect.op))
        sections.push('read');
    for (const section of sections) {
        const decision = pathDecision(rules[section], section, resolved.relative, 'Bash');
        parts.push({
            rule: decision.rule,
            decision: decision.decision === 'allow'
                ? decision
                : { ...decision, reason: `In the ${label}: ${decision.reason}` }
        });
    }
    return parts;
}
function allowedList(patterns) {
    if (patterns.length === 0)
        return 'nothing is allowed';
    const shown = patterns.slice(0, 8).join(', ');
    return `allowed: ${shown}${patterns.length > 8 ? `, and ${patterns.length - 8} more` : ''}`;
}
function verb(section) {
    return section === 'write' ? 'change' : 'read';
}
function truncate(text) {
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function allow(rule, reason) {
    return { decision: 'allow', rule, reason };
}
function ask(rule, reason) {
    return { decision: 'ask', rule, reason };
}
function deny(rule, reason) {
    return { decision: 'deny', rule, reason };
}


/***/ }),

/***/ 8164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n$: () => (/* binding */ loadPolicyFile),
/* harmony export */   p1: () => (/* binding */ policyDigest),
/* harmony export */   pn: () => (/* binding */ PolicyError),
/* harmony export */   zj: () => (/* binding */ DEFAULT_POLICY)
/* harmony export */ });
/* unused harmony exports formatProblem, parsePolicy */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _match_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6563);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3943);
/**
 * The policy file: YAML in, a validated `Policy` out. Every problem in a file is collected and
 * reported at once, each as `FILE:LINE:COL: message`, so a user fixes a file in one pass.
 */






/** A policy file that is not valid. Its message has one `FILE:LINE:COL: message` line per problem. */
class PolicyError extends _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y {
    name = 'PolicyError';
    problems;
    constructor(problems) {
        super(problems.map(formatProblem).join('\n'));
        this.problems = problems;
    }
}
function formatProblem(problem) {
    return `${problem.file}:${problem.line}:${problem.col}: ${problem.message}`;
}
const EMPTY_RULE_SET = { allow: [], ask: [], deny: [] };
/**
 * The built-in policy when a repository has none: read-only. Secrets that commonly sit in a
 * checkout (`.env` files, private keys) are unreadable at any depth, because a prompt-injected
 * model that can read them can also quote them into a pull request.
 */
const DEFAULT_POLICY = deepFreeze({
    version: 1,
    defaults: {
        read: {
            allow: ['**'],
            ask: [],
            deny: ['.env', '.env.*', '**/.env', '**/.env.*', '**/*.pem', '**/*.key']
        },
        write: EMPTY_RULE_SET,
        bash: EMPTY_RULE_SET,
        network: false
    },
    limits: { 'max-turns': 40, 'max-cost-usd': 2.5, 'timeout-minutes': 20 },
    tasks: {},
    source: 'built-in default'
});
/** Reads and validates a policy file. Throws UserError when unreadable, PolicyError when invalid. */
function loadPolicyFile(path) {
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`cannot read policy file ${path}: ${fileErrorMessage(error)}`);
    }
    return parsePolicy(text, path);
}
/** `ENOENT: no such file or directory` (Node's message without the repeated path). */
function fileErrorMessage(error) {
    // Read `message` structurally: errors from another realm (a test VM) are not `instanceof Error`.
    const message = error?.message;
    if (typeof message !== 'string')
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error);
    return message.replace(/, \w+ '.*'$/, '');
}
/** sha256 (hex) of a policy's source text, or of a parsed policy's rules in a canonical form. */
function policyDigest(policy) {
    const text = typeof policy === 'string'
        ? policy
        : canonicalJson({
            version: policy.version,
            defaults: policy.defaults,
            limits: policy.limits,
            tasks: policy.tasks
        });
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex');
}
/** Parses and validates policy YAML; `file` names the source in problems and in `Policy.source`. */
function parsePolicy(text, file) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_2__/* .LineCounter */ .HN();
    const document = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseDocument */ .Tp)(text, { lineCounter, prettyErrors: false });
    const problems = [];
    const at = (offset, message) => {
        const { line, col } = lineCounter.linePos(offset);
        problems.push({ file, line, col, message });
    };
    for (const error of [...document.errors, ...document.warnings])
        at(error.pos[0], error.message);
    if (document.errors.length > 0)
        throw new PolicyError(sortProblems(problems));
    const validator = new Validator(document, at);
    const policy = validator.policy(file);
    if (problems.length > 0)
        throw new PolicyError(sortProblems(problems));
    return policy;
}
function sortProblems(problems) {
    return [...problems].sort((a, b) => a.line - b.line || a.col - b.col);
}
const RULE_SET_KEYS = ['allow', 'ask', 'deny'];
const RULES_KEYS = ['read', 'write', 'bash', 'network'];
const LIMIT_KEYS = ['max-turns', 'max-cost-usd', 'timeout-minutes'];
const TOP_KEYS = ['version', 'defaults', 'limits', 'tasks'];
class Validator {
    document;
    report;
    constructor(document, report) {
        this.document = document;
        this.report = report;
    }
    policy(file) {
        const root = this.resolve(this.document.contents);
        const base = DEFAULT_POLICY;
        if (!root || ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(root) && root.value === null)) {
            this.report(0, 'the policy is empty (expected a mapping that starts with version: 1)');
            return { ...clone(base), source: file };
        }
        const map = this.expectMap(root, 'the policy', 'a mapping of version, defaults, limits, tasks');
        if (!map)
            return { ...clone(base), source: file };
        const pairs = this.pairs(map, 'the top level', TOP_KEYS);
        const version = pairs.get('version');
        if (!version) {
            this.report(0, 'missing key "version" (expected version: 1)');
        }
        else {
            const node = this.resolve(version.value);
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(node) || node.value !== 1) {
                this.report(this.offset(node, version), `version: expected 1, got ${describe(node)}`);
            }
        }
        const defaultsPair = pairs.get('defaults');
        const defaults = defaultsPair
            ? this.rules(defaultsPair, 'defaults', base.defaults)
            : clone(base.defaults);
        const limitsPair = pairs.get('limits');
        const limits = limitsPair ? this.limits(limitsPair, base.limits) : { ...base.limits };
        const tasksPair = pairs.get('tasks');
        const tasks = tasksPair ? this.tasks(tasksPair) : {};
        return { version: 1, defaults, limits, tasks, source: file };
    }
    rules(pair, path, fallback) {
        const partial = this.partialRules(pair, path);
        return {
            read: partial.read ?? clone(fallback.read),
            write: partial.write ?? clone(fallback.write),
            bash: partial.bash ?? clone(fallback.bash),
            network: partial.network ?? fallback.network
        };
    }
    partialRules(pair, path) {
        const map = this.expectMap(this.resolve(pair.value), path, 'a mapping of read, write, bash, network', pair);
        if (!map)
            return {};
        const pairs = this.pairs(map, path, RULES_KEYS);
        const rules = {};
        for (const section of ['read', 'write', 'bash']) {
            const sectionPair = pairs.get(section);
            if (sectionPair) {
                rules[section] = this.ruleSet(sectionPair, `${path}.${section}`, section === 'bash' ? 'command' : 'path');
            }
        }
        const network = pairs.get('network');
        if (network) {
            const node = this.resolve(network.value);
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(node) && typeof node.value === 'boolean')
                rules.network = node.value;
            else
                this.report(this.offset(node, network), `${path}.network: expected true or false, got ${describe(node)}`);
        }
        return rules;
    }
    ruleSet(pair, path, kind) {
        const set = { allow: [], ask: [], deny: [] };
        const map = this.expectMap(this.resolve(pair.value), path, 'a mapping of allow, ask, deny', pair);
        if (!map)
            return set;
        const pairs = this.pairs(map, path, RULE_SET_KEYS);
        for (const key of RULE_SET_KEYS) {
            const listPair = pairs.get(key);
            if (listPair)
                set[key] = this.patterns(listPair, `${path}.${key}`, kind);
        }
        return set;
    }
    patterns(pair, path, kind) {
        const node = this.resolve(pair.value);
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(node)) {
            this.report(this.offset(node, pair), `${path}: expected a list of ${kind === 'path' ? 'path globs' : 'command patterns'}, got ${describe(node)}`);
            return [];
        }
        const patterns = [];
        node.items.forEach((raw, index) => {
            const item = this.resolve(raw);
            const label = `${path}[${index}]`;
            const offset = this.offset(item, pair);
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(item) || typeof item.value !== 'string') {
                this.report(offset, `${label}: expected a string, got ${describe(item)}`);
                return;
            }
            const problem = kind === 'path' ? pathPatternProblem(item.value) : commandPatternProblem(item.value);
            if (problem) {
                this.report(offset, `${label}: ${problem}`);
                return;
            }
            patterns.push(kind === 'path' ? normalisePathPattern(item.value) : (0,_match_js__WEBPACK_IMPORTED_MODULE_3__/* .normaliseCommandPattern */ .UT)(item.value));
        });
        return patterns;
    }
    limits(pair, fallback) {
        const limits = { ...fallback };
        const map = this.expectMap(this.resolve(pair.value), 'limits', 'a mapping of max-turns, max-cost-usd, timeout-minutes', pair);
        if (!map)
            return limits;
        const pairs = this.pairs(map, 'limits', LIMIT_KEYS);
        for (const key of LIMIT_KEYS) {
            const limitPair = pairs.get(key);
            if (!limitPair)
                continue;
            const node = this.resolve(limitPair.value);
            const value = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(node) ? node.value : undefined;
            const whole = key === 'max-turns';
            const valid = typeof value === 'number' &&
                Number.isFinite(value) &&
                value > 0 &&
                (!whole || Number.isInteger(value));
            if (valid)
                limits[key] = value;
            else {
                const got = typeof value === 'number' ? String(value) : describe(node);
                this.report(this.offset(node, limitPair), `limits.${key}: expected a positive ${whole ? 'whole number' : 'number'}, got ${got}`);
            }
        }
        return limits;
    }
    tasks(pair) {
        const tasks = {};
        const map = this.expectMap(this.resolve(pair.value), 'tasks', `a mapping of task names (${_types_js__WEBPACK_IMPORTED_MODULE_5__/* .TASK_NAMES */ .T.join(', ')})`, pair);
        if (!map)
            return tasks;
        const pairs = this.pairs(map, 'tasks', _types_js__WEBPACK_IMPORTED_MODULE_5__/* .TASK_NAMES */ .T, 'task');
        for (const [name, taskPair] of pairs) {
            tasks[name] = this.partialRules(taskPair, `tasks.${name}`);
        }
        return tasks;
    }
    /** The map's pairs by key; reports non-string keys and keys outside `allowed`. */
    pairs(map, where, allowed, what = 'key') {
        const result = new Map();
        for (const pair of map.items) {
            const key = pair.key;
            const name = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(key) ? key.value : undefined;
            const offset = this.offset(key, pair);
            if (typeof name !== 'string') {
                this.report(offset, `${where}: expected keys to be names, got ${describe(key)}`);
            }
            else if (!allowed.includes(name)) {
                const place = where === 'the top level' ? 'at the top level' : `in ${where}`;
                this.report(offset, `unknown ${what} "${name}" ${place} (expected ${allowed.join(', ')})`);
            }
            else {
                result.set(name, pair);
            }
        }
        return result;
    }
    expectMap(node, path, expected, pair) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(node))
            return node;
        this.report(this.offset(node, pair), `${path}: expected ${expected}, got ${describe(node)}`);
        return undefined;
    }
    resolve(node) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isAlias */ .Vj)(node))
            return node.resolve(this.document) ?? undefined;
        return (node ?? undefined);
    }
    /** Where to point at: the node, else the key of its pair, else the start of the file. */
    offset(node, pair) {
        const range = node?.range;
        if (range && !((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(node) && node.value === null && pair))
            return range[0];
        const keyRange = pair?.key?.range;
        return keyRange ? keyRange[0] : 0;
    }
}
function describe(node) {
    if (node === undefined || node === null)
        return 'nothing';
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(node))
        return 'a mapping';
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(node))
        return 'a list';
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(node)) {
        const value = node.value;
        if (value === null || value === undefined)
            return 'nothing';
        if (typeof value === 'number')
            return 'a number';
        if (typeof value === 'boolean')
            return 'a boolean';
        if (typeof value === 'string')
            return 'a string';
        return `a ${typeof value}`;
    }
    return 'something else';
}
/** Control characters never belong in a pattern (and \u0001 is match.ts's UNKNOWN marker). */
function hasControlCharacter(text, allowTab = false) {
    for (const character of text) {
        const code = character.charCodeAt(0);
        if ((code < 0x20 && !(allowTab && code === 0x09)) || code === 0x7f)
            return true;
    }
    return false;
}
/** Why a read/write glob is not acceptable, or undefined when it is. */
function pathPatternProblem(pattern) {
    if (pattern.trim() === '')
        return 'empty pattern (expected a workspace-relative glob such as src/**)';
    if (hasControlCharacter(pattern))
        return 'control characters are not allowed in a pattern';
    if (pattern.startsWith('/'))
        return `"${pattern}" is absolute (patterns are relative to the workspace)`;
    if (pattern.startsWith('!'))
        return `"${pattern}" is negated (negation is not supported; use a deny rule)`;
    if (normalisePathPattern(pattern).split('/').includes('..')) {
        return `"${pattern}" contains .. (patterns are relative to the workspace and cannot leave it)`;
    }
    try {
        (0,_match_js__WEBPACK_IMPORTED_MODULE_3__/* .globBase */ .EI)(pattern);
    }
    catch (error) {
        return `"${pattern}" is not a valid glob: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)}`;
    }
    return undefined;
}
/** Why a bash command pattern is not acceptable, or undefined when it is. */
function commandPatternProblem(pattern) {
    if (pattern.trim() === '')
        return 'empty pattern (expected a command such as npm test or git diff *)';
    if (hasControlCharacter(pattern, true))
        return 'control characters are not allowed in a pattern';
    return undefined;
}
/** `./src/**` and `src/**` mean the same; the leading `./` would never match. */
function normalisePathPattern(pattern) {
    let result = pattern.trim();
    while (result.startsWith('./'))
        result = result.slice(2);
    return result;
}
function clone(value) {
    return structuredClone(value);
}
function deepFreeze(value) {
    if (value && typeof value === 'object') {
        for (const inner of Object.values(value))
            deepFreeze(inner);
        Object.freeze(value);
    }
    return value;
}
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (value && typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([, inner]) => inner !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}


/***/ }),

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

/***/ 1821:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ rulesFor)
/* harmony export */ });
/**
 * The rules one task runs under. A task's section replaces the same section of `defaults` as a
 * whole: `review: { write: { allow: [] } }` leaves review no write rules at all, not the default
 * write rules minus something. (The loader fills a given section's missing allow/ask/deny with
 * empty lists, so a replaced section never inherits patterns.)
 */
function rulesFor(policy, task) {
    const override = policy.tasks[task] ?? {};
    const defaults = policy.defaults;
    return {
        read: override.read ?? defaults.read,
        write: override.write ?? defaults.write,
        bash: override.bash ?? defaults.bash,
        network: override.network ?? defaults.network
    };
}


/***/ }),

/***/ 3943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ TASK_NAMES)
/* harmony export */ });
/** The policy file (`.github/claw.yml`) after parsing and validation. See docs/policy.md. */
const TASK_NAMES = ['fix', 'review', 'docs', 'repair', 'ask'];


/***/ })

};
