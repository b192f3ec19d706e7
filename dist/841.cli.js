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

/***/ 9469:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kX: () => (/* binding */ programName),
/* harmony export */   nf: () => (/* binding */ checkProgram)
/* harmony export */ });
/* unused harmony export sedProblem */
/* harmony import */ var _match_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6563);
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

/** The program's name as it will be found: base name, lower case (macOS file names ignore case). */
function programName(word) {
    return word.slice(word.lastIndexOf('/') + 1).toLowerCase();
}
/** A table entry by name; `constructor` and the like are not entries. */
function lookup(table, name) {
    return Object.hasOwn(table, name) ? table[name] : undefined;
}
/** `python3.12` → `python`, `perl5.36` → `perl`, `nodejs` → `node`. */
function interpreterName(base) {
    const stripped = base.replace(/[\d.]+$/, '');
    return stripped === 'nodejs' ? 'node' : stripped;
}
function checkProgram(argv) {
    const outcome = { problems: [], forbidden: [], paths: [] };
    const name = argv[0];
    if (name === undefined)
        return outcome;
    const base = programName(name);
    const args = argv.slice(1);
    if (base === 'git')
        git(argv, outcome);
    else if (base === 'awk' || base === 'gawk' || base === 'mawk' || base === 'nawk') {
        awk(base, args, outcome);
    }
    else if (base === 'sed' || base === 'gsed')
        sed(base, args, outcome);
    else if (base === 'tee')
        tee(args, outcome);
    else if (base === 'find')
        find(args, outcome);
    else if (Object.hasOwn(COMMAND_OPTIONS, base))
        commandOptions(base, args, outcome);
    else if (PACKAGE_RUNNERS.has(base))
        packageRunner(base, args, outcome);
    else {
        const interpreter = lookup(INTERPRETERS, interpreterName(base));
        if (interpreter) {
            const problem = interpreterProblem(base, interpreter, args);
            if (problem)
                outcome.problems.push(problem);
        }
    }
    return outcome;
}
const COMMON_INFO = ['-v', '-V', '--version', '-h', '--help'];
const INTERPRETERS = {
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
        flagLong: option => /^--(no-|experimental-|trace-|inspect|enable-|expose-|harmony|test|watch|check|pending-deprecation|throw-deprecation|preserve-symlinks|frozen-intrinsics|abort-on-uncaught-exception|use-strict)/.test(option),
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
        checkValue: (option, value) => (option === 'M' || option === 'm') && /[^\w:=,.-]/.test(value)
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
};
function inlineCode(program, option) {
    return `\`${program} ${option}\` runs code given inline, which cannot be checked; write it to a script file the rules allow, or run commands directly`;
}
function stdinCode(program) {
    return `\`${program}\` reading its program from its input (a pipe, here-document or here-string) cannot be checked; write it to a script file the rules allow`;
}
/** Why running this interpreter with `args` cannot be checked, or undefined (it runs a script). */
function interpreterProblem(program, spec, args) {
    let sawStandalone = false;
    for (let index = 0; index < args.length; index++) {
        const arg = args[index];
        // `$X` may split into options (`-e`, code): only a word that starts literally is a script.
        if (arg.startsWith(_match_js__WEBPACK_IMPORTED_MODULE_0__/* .UNKNOWN */ .HV) || (arg.startsWith('-') && arg.includes(_match_js__WEBPACK_IMPORTED_MODULE_0__/* .UNKNOWN */ .HV))) {
            return `\`${program}\` with options only known at run time cannot be checked`;
        }
        if (spec.standalone?.includes(arg))
            sawStandalone = true;
        if (spec.interactive?.includes(arg))
            return stdinCode(`${program} ${arg}`);
        if (arg === '-')
            return stdinCode(`${program} -`);
        if (arg === '--')
            return args[index + 1] === undefined ? stdinCode(program) : undefined;
        if (arg.startsWith('--')) {
            const [option = arg] = arg.split('=', 1);
            if (spec.codeLong?.includes(option))
                return inlineCode(program, option);
            if (spec.valueLong?.includes(option)) {
                if (!arg.includes('='))
                    index++;
                continue;
            }
            // An unknown option may take the next word as its value: look past that word too.
            if (!arg.includes('=') && !(spec.flagLong?.(option) ?? false) && !sawStandalone) {
                const next = args[index + 1];
                if (next !== undefined && !next.startsWith('-'))
                    index++;
            }
            continue;
        }
        if (arg.startsWith('-') && arg.length > 1) {
            for (let at = 1; at < arg.length; at++) {
                const letter = arg[at];
                if (spec.codeShort.includes(letter))
                    return inlineCode(program, `-${letter}`);
                if (spec.moduleShort?.includes(letter))
                    return undefined;
                if (spec.interactive?.includes(`-${letter}`))
                    return stdinCode(`${program} -${letter}`);
                if (spec.digitShort?.includes(letter)) {
                    while (/\d/.test(arg[at + 1] ?? ''))
                        at++;
                    continue;
                }
                if (spec.valueShort?.includes(letter)) {
                    let value = arg.slice(at + 1);
                    if (value === '')
                        value = args[++index] ?? '';
                    const problem = spec.checkValue?.(letter, value);
                    if (problem)
                        return problem;
                    break;
                }
            }
            continue;
        }
        if (spec.codeSubcommands?.includes(arg))
            return inlineCode(program, arg);
        if (spec.subcommands) {
            // `bun run x`, `deno run x`: the script comes after; `deno run -` reads it from the input.
            if (arg === 'run') {
                const rest = args.slice(index + 1);
                return rest.includes('-') ? stdinCode(`${program} run -`) : undefined;
            }
            return undefined;
        }
        return undefined; // a script file (or module): an ordinary command for the rules
    }
    if (sawStandalone)
        return undefined;
    return stdinCode(program);
}
/** `npx node -e ...`, `npm exec -c ...`: the package runners start the interpreters too. */
const PACKAGE_RUNNERS = new Set(['npx', 'bunx', 'pnpx', 'npm', 'pnpm', 'yarn']);
function packageRunner(base, args, outcome) {
    let rest = [...args];
    if (base === 'npm' || base === 'pnpm' || base === 'yarn') {
        const sub = rest.findIndex(arg => !arg.startsWith('-'));
        if (sub < 0 || !['exec', 'x', 'dlx'].includes(rest[sub]))
            return;
        rest = rest.slice(sub + 1);
    }
    for (let index = 0; index < rest.length; index++) {
        const arg = rest[index];
        if (arg === '-c' || arg === '--call' || arg.startsWith('--call=')) {
            outcome.problems.push(`\`${base} ${arg.split('=')[0] ?? arg}\` runs text as a command line, which cannot be checked; run the commands directly`);
            return;
        }
        if (arg === '--') {
            rest = rest.slice(index + 1);
            break;
        }
        if (arg === '-p' || arg === '--package') {
            index++;
            continue;
        }
        if (!arg.startsWith('-')) {
            rest = rest.slice(index);
            break;
        }
    }
    const inner = rest[0];
    if (inner === undefined)
        return;
    const innerName = interpreterName(programName(inner));
    const spec = lookup(INTERPRETERS, innerName);
    if (spec) {
        const problem = interpreterProblem(`${base} ${inner}`, spec, rest.slice(1));
        if (problem)
            outcome.problems.push(problem);
    }
    else if (SHELL_NAMES.has(innerName)) {
        outcome.problems.push(`\`${base} ${inner}\` starts a shell, which cannot be checked`);
    }
}
const SHELL_NAMES = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'fish', 'csh', 'tcsh']);
// --- awk and sed -------------------------------------------------------------------------------
function awk(base, args, outcome) {
    const programs = [];
    let fromFile = false;
    let index = 0;
    for (; index < args.length; index++) {
        const arg = args[index];
        if (arg === '--') {
            index++;
            break;
        }
        if (!arg.startsWith('-') || arg === '-')
            break;
        const [option = arg, inlineValue] = splitOption(arg);
        const value = () => inlineValue ?? args[++index] ?? '';
        if (['-f', '--file', '-E', '--exec', '-i', '--include'].includes(option)) {
            value();
            fromFile = true;
        }
        else if (['-e', '--source'].includes(option))
            programs.push(value());
        else if (['-l', '--load'].includes(option)) {
            outcome.problems.push(`\`${base} ${option}\` loads a compiled extension, which cannot be checked`);
            return;
        }
        else if (['-v', '--assign', '-F', '--field-separator'].includes(option))
            value();
        else if (/^-[vF]./.test(arg))
            continue;
    }
    if (!fromFile && programs.length === 0)
        programs.push(args[index] ?? '');
    for (const program of programs) {
        const problem = awkProblem(base, program);
        if (problem) {
            outcome.problems.push(problem);
            return;
        }
    }
}
function awkProblem(base, program) {
    if (program.includes(_match_js__WEBPACK_IMPORTED_MODULE_0__/* .UNKNOWN */ .HV)) {
        return `the \`${base}\` program is only known at run time; write it literally`;
    }
    if (/\bsystem\s*\(/.test(program)) {
        return `the \`${base}\` program calls system(), which runs commands that cannot be checked`;
    }
    if (program.replace(/\|\|/g, '').includes('|')) {
        return `the \`${base}\` program pipes to or from a command (\`|\`), which cannot be checked`;
    }
    if (/\bprintf?\b[^;{}\n]*>/.test(program)) {
        return `the \`${base}\` program writes to a file (\`print > file\`), which the write rules cannot check`;
    }
    if (/@load\b/.test(program)) {
        return `the \`${base}\` program loads an extension (@load), which cannot be checked`;
    }
    return undefined;
}
function splitOption(arg) {
    if (arg.startsWith('--')) {
        const equals = arg.indexOf('=');
        return equals < 0 ? [arg, undefined] : [arg.slice(0, equals), arg.slice(equals + 1)];
    }
    return arg.length > 2 ? [arg.slice(0, 2), arg.slice(2)] : [arg, undefined];
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
]);
function sed(base, args, outcome) {
    const scripts = [];
    const files = [];
    let scriptFile = false;
    let inPlace = false;
    let onlyOperands = false;
    for (let index = 0; index < args.length; index++) {
        const arg = args[index];
        if (onlyOperands || !arg.startsWith('-') || arg === '-') {
            files.push(arg);
            continue;
        }
        if (arg === '--') {
            onlyOperands = true;
            continue;
        }
        if (arg.includes(_match_js__WEBPACK_IMPORTED_MODULE_0__/* .UNKNOWN */ .HV)) {
            outcome.problems.push(`\`${base}\` with options only known at run time cannot be checked`);
            return;
        }
        if (arg.startsWith('--')) {
            const [option, value] = splitOption(arg);
            if (option === '--expression')
                scripts.push(value ?? args[++index] ?? '');
            else if (option === '--file') {
                scriptFile = true;
                if (value === undefined)
                    index++;
            }
            else if (option === '--in-place')
                inPlace = true;
            else if (option === '--line-length') {
                if (value === undefined)
                    index++;
            }
            else if (!SED_FLAGS.has(option)) {
                outcome.problems.push(`cannot tell what \`${base} ${option}\` does`);
                return;
            }
            continue;
        }
        // A cluster of short options: `-ne`, `-i.bak`, `-Ei`.
        for (let at = 1; at < arg.length; at++) {
            const letter = arg[at];
            if (letter === 'i') {
                inPlace = true;
                break; // the rest of the cluster is the backup suffix
            }
            if (letter === 'e' || letter === 'f' || letter === 'l') {
                const value = arg.slice(at + 1) || (args[++index] ?? '');
                if (letter === 'e')
                    scripts.push(value);
                if (letter === 'f')
                    scriptFile = true;
                break;
            }
            if (!SED_FLAGS.has(`-${letter}`)) {
                outcome.problems.push(`cannot tell what \`${base} -${letter}\` does`);
                return;
            }
        }
    }
    if (scripts.length === 0 && !scriptFile) {
        const script = files.shift();
        if (script !== undefined)
            scripts.push(script);
    }
    for (const script of scripts) {
        const problem = sedProblem(base, script);
        if (problem) {
            outcome.problems.push(problem);
            return;
        }
    }
    if (inPlace) {
        for (const file of files) {
            outcome.paths.push({ access: 'write', target: file, source: `${base} -i` });
        }
    }
}
/**
 * Why a sed script cannot be allowed: it runs commands (`e`, `s///e`), writes files (`w`,
 * `s///w`), or is not understood. A small parser of GNU sed's syntax.
 */
function sedProblem(base, script) {
    if (script.includes(_match_js__WEBPACK_IMPORTED_MODULE_0__/* .UNKNOWN */ .HV))
        return `the \`${base}\` script is only known at run time`;
    const runs = `the \`${base}\` script runs a command (the \`e\` command or flag), which cannot be checked`;
    const writes = `the \`${base}\` script writes a file (the \`w\` command or flag), which the write rules cannot check`;
    const unclear = `the \`${base}\` script could not be understood, so it cannot be checked`;
    let at = 0;
    const peek = () => script[at] ?? '';
    const skipSpace = () => {
        while (/[ \t]/.test(peek()))
            at++;
    };
    const toEndOfLine = () => {
        while (at < script.length && peek() !== '\n')
            at++;
    };
    /** Reads a delimited part (regex or replacement); false when unterminated. */
    const delimited = (delimiter) => {
        while (at < script.length) {
            const character = script[at++];
            if (character === '\\')
                at++;
            else if (character === '\n' && delimiter !== '\n')
                return false;
            else if (character === delimiter)
                return true;
        }
        return false;
    };
    const address = () => {
        const character = peek();
        if (/\d/.test(character)) {
            while (/[\d~]/.test(peek()))
                at++;
        }
        else if (character === '$')
            at++;
        else if (character === '/') {
            at++;
            if (!delimited('/'))
                return false;
            while (/[IM]/.test(peek()))
                at++;
        }
        else if (character === '\\') {
            at++;
            const delimiter = script[at++];
            if (delimiter === undefined || !delimited(delimiter))
                return false;
            while (/[IM]/.test(peek()))
                at++;
        }
        return true;
    };
    while (at < script.length) {
        skipSpace();
        const start = peek();
        if (start === '')
            break;
        if (start === ';' || start === '\n' || start === '}') {
            at++;
            continue;
        }
        if (start === '#') {
            toEndOfLine();
            continue;
        }
        if (!address())
            return unclear;
        skipSpace();
        if (peek() === ',') {
            at++;
            skipSpace();
            if (peek() === '+' || peek() === '~') {
                at++;
                while (/\d/.test(peek()))
                    at++;
            }
            else if (!address())
                return unclear;
        }
        skipSpace();
        while (peek() === '!') {
            at++;
            skipSpace();
        }
        const command = script[at++];
        if (command === undefined)
            return unclear;
        if (command === '{')
            continue;
        if (command === 'e')
            return runs;
        if (command === 'w' || command === 'W')
            return writes;
        if ('aicrRbtTv:'.includes(command)) {
            // Text, file name or label up to the end of the line (labels also end at `;`).
            if ('btTv:'.includes(command)) {
                while (at < script.length && peek() !== '\n' && peek() !== ';')
                    at++;
            }
            else
                toEndOfLine();
            continue;
        }
        if (command === 's') {
            const delimiter = script[at++];
            if (delimiter === undefined || delimiter === '\n' || delimiter === '\\')
                return unclear;
            if (!delimited(delimiter) || !delimited(delimiter))
                return unclear;
            while (/[gpiImMe0-9w]/.test(peek())) {
                const flag = script[at++];
                if (flag === 'e')
                    return runs;
                if (flag === 'w')
                    return writes;
            }
            continue;
        }
        if (command === 'y') {
            const delimiter = script[at++];
            if (delimiter === undefined || !delimited(delimiter) || !delimited(delimiter))
                return unclear;
            continue;
        }
        if ('qQlL'.includes(command)) {
            skipSpace();
            while (/\d/.test(peek()))
                at++;
            continue;
        }
        if ('=dDgGhHnNpPxzF'.includes(command))
            continue;
        return unclear;
    }
    return undefined;
}
/** `find -delete` removes what it finds (`.git` too); `-fprint FILE` and `-fls FILE` write. */
function find(args, outcome) {
    for (let index = 0; index < args.length; index++) {
        const arg = args[index];
        if (arg.startsWith(_match_js__WEBPACK_IMPORTED_MODULE_0__/* .UNKNOWN */ .HV)) {
            outcome.problems.push("`find` with an argument that may expand to actions such as -exec or -delete cannot be checked; quote patterns (-name '*.ts')");
            return;
        }
        if (['-exec', '-execdir', '-ok', '-okdir'].includes(arg)) {
            // The command it runs is checked on its own (see wrappers.ts); skip its words.
            while (index + 1 < args.length && args[index + 1] !== ';' && args[index + 1] !== '+')
                index++;
            continue;
        }
        if (arg === '-delete') {
            outcome.forbidden.push('`find -delete` removes files, which the write rules cannot check (it would remove .git too); delete files one by one with a command the rules allow');
            return;
        }
        if (['-fprint', '-fprint0', '-fls'].includes(arg)) {
            outcome.paths.push({ access: 'write', target: args[++index] ?? '', source: `find ${arg}` });
        }
        else if (arg === '-fprintf') {
            outcome.paths.push({ access: 'write', target: args[++index] ?? '', source: 'find -fprintf' });
            index++;
        }
    }
}
// --- tee and programs that take a command in an option -----------------------------------------
function tee(args, outcome) {
    let onlyOperands = false;
    for (const arg of args) {
        if (!onlyOperands && arg === '--')
            onlyOperands = true;
        else if (!onlyOperands && arg.startsWith('-') && arg !== '-')
            continue;
        else
            outcome.paths.push({ access: 'write', target: arg, source: 'tee' });
    }
}
/** Options that make a program run a command given as text (prefixes of long options included). */
const COMMAND_OPTIONS = {
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
};
function commandOptions(base, args, outcome) {
    const spec = COMMAND_OPTIONS[base];
    for (const arg of args) {
        if (arg === '--')
            return;
        const vim = base === 'vim' || base === 'vi' || base === 'nvim' || base === 'ex';
        if (vim && arg.startsWith('+')) {
            outcome.problems.push(`\`${base} +command\` runs an editor command, which cannot be checked`);
            return;
        }
        if (arg.startsWith('--')) {
            const [option = arg] = arg.split('=', 1);
            if (option.length > 3 && spec.long.some(long => long.startsWith(option))) {
                outcome.problems.push(`\`${base} ${option}\` runs a command given as text, which cannot be checked`);
                return;
            }
        }
        else if (arg.startsWith('-') && spec.short) {
            const letters = arg.slice(1);
            const letter = [...letters].find(character => spec.short?.includes(character));
            if (letter !== undefined) {
                outcome.problems.push(`\`${base} -${letter}\` runs a command given as text, which cannot be checked`);
                return;
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
]);
/** Options of a subcommand that name a program to run, or configuration: refused always. */
const GIT_RUNNERS = {
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
};
function git(argv, outcome) {
    const name = argv[0];
    const args = argv.slice(1);
    let index = 0;
    for (; index < args.length; index++) {
        const arg = args[index];
        if (arg.includes(_match_js__WEBPACK_IMPORTED_MODULE_0__/* .UNKNOWN */ .HV)) {
            outcome.problems.push(`cannot tell which git subcommand or option ${JSON.stringify(arg.split(_match_js__WEBPACK_IMPORTED_MODULE_0__/* .UNKNOWN */ .HV).join('…'))} is before it runs (it may be \`-c ...\` or \`config\`); write it literally`);
            return;
        }
        if (!arg.startsWith('-'))
            break;
        if (arg === '-c' || arg.startsWith('-c') || arg.startsWith('--config-env')) {
            outcome.forbidden.push(`\`git ${arg.startsWith('-c') ? '-c' : '--config-env'}\` sets configuration, which can run any program (core.pager, core.sshCommand, aliases); run git without it`);
            return;
        }
        if (arg.startsWith('--exec-path=')) {
            outcome.forbidden.push('`git --exec-path=DIR` makes git run its commands from another folder');
            return;
        }
        const [option = arg, inlineValue] = arg.startsWith('--') ? splitOption(arg) : [arg, undefined];
        if ([
            '-C',
            '--git-dir',
            '--work-tree',
            '--namespace',
            '--super-prefix',
            '--list-cmds',
            '--attr-source'
        ].includes(option)) {
            const value = inlineValue ?? args[++index];
            if (value === undefined) {
                outcome.problems.push(`\`git ${option}\` needs a value`);
                return;
            }
            if (value.includes(_match_js__WEBPACK_IMPORTED_MODULE_0__/* .UNKNOWN */ .HV)) {
                outcome.problems.push(`the value of \`git ${option}\` is only known at run time`);
                return;
            }
            if (option === '-C' || option === '--work-tree') {
                outcome.paths.push({ access: 'directory', target: value, source: `git ${option}` });
            }
            else if (option === '--git-dir') {
                if (!/^(\.\/)*\.git\/*$/.test(value)) {
                    outcome.forbidden.push(`\`git --git-dir=${value}\` selects another repository, whose configuration could run any program; use the workspace's own repository`);
                    return;
                }
            }
            continue;
        }
        if (!GIT_GLOBAL_FLAGS.has(arg)) {
            outcome.problems.push(`cannot tell what the git option \`${arg}\` does before the subcommand`);
            return;
        }
    }
    const rest = args.slice(index);
    if (index > 0)
        outcome.argv = [name, ...rest];
    const subcommand = rest[0];
    if (subcommand === undefined)
        return;
    const subArgs = rest.slice(1);
    if (subcommand === 'config') {
        const problem = gitConfigProblem(subArgs);
        if (problem)
            outcome.forbidden.push(problem);
        return;
    }
    if (subcommand === 'submodule' && subArgs.includes('foreach')) {
        outcome.problems.push('`git submodule foreach` runs a command line, which cannot be checked');
        return;
    }
    if (subcommand === 'bisect' && subArgs[0] === 'run') {
        outcome.problems.push('`git bisect run` runs a command, which cannot be checked; run it directly');
        return;
    }
    if (subcommand === 'filter-branch') {
        outcome.problems.push('`git filter-branch` runs command lines given as text, which cannot be checked');
        return;
    }
    if (subcommand === 'rebase' && subArgs.some(arg => arg === '-i' || arg === '--interactive')) {
        outcome.problems.push('`git rebase -i` runs an editor, whose commands cannot be checked');
        return;
    }
    if (GIT_DIFF_FAMILY.has(subcommand))
        gitFiles(subcommand, subArgs, outcome);
    const runners = lookup(GIT_RUNNERS, subcommand);
    if (!runners)
        return;
    for (const arg of subArgs) {
        if (arg === '--')
            return;
        if (arg.startsWith(_match_js__WEBPACK_IMPORTED_MODULE_0__/* .UNKNOWN */ .HV) || (arg.includes(_match_js__WEBPACK_IMPORTED_MODULE_0__/* .UNKNOWN */ .HV) && arg.startsWith('-'))) {
            outcome.problems.push(`cannot tell what \`git ${subcommand}\` does with an argument that may expand to options; write it literally`);
            return;
        }
        if (arg.startsWith('--')) {
            const [option = arg] = arg.split('=', 1);
            // git accepts any unambiguous abbreviation of a long option: `--upload-p=...`.
            const hit = runners.long.find(long => long.startsWith(option) && option.length >= 4);
            if (hit) {
                outcome.forbidden.push(`\`git ${subcommand} ${hit}\` ${runners.reason}, which the policy never allows`);
                return;
            }
        }
        else if (arg.startsWith('-') && runners.short) {
            const letter = [...arg.slice(1)].find(character => runners.short?.includes(character));
            if (letter !== undefined) {
                outcome.forbidden.push(`\`git ${subcommand} -${letter}\` ${runners.reason}, which the policy never allows`);
                return;
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
]);
/**
 * `--output=FILE` writes FILE and is checked like `> FILE`; `diff --no-index A B` reads files that
 * need not be in the repository, so they are checked like `< A`.
 */
function gitFiles(subcommand, args, outcome) {
    const source = `git ${subcommand}`;
    const noIndex = subcommand === 'diff' && args.includes('--no-index');
    let operands = false;
    for (let index = 0; index < args.length; index++) {
        const arg = args[index];
        if (!operands && arg === '--') {
            operands = true;
            continue;
        }
        if (!operands && arg.startsWith(_match_js__WEBPACK_IMPORTED_MODULE_0__/* .UNKNOWN */ .HV)) {
            // `git diff $X`, `xargs git diff`: the word may turn out to be `--output=/anywhere`.
            outcome.problems.push(`cannot tell what \`${source}\` does with an argument that may expand to options such as --output; write it literally, or after \`--\``);
            return;
        }
        if (!operands && (arg === '--output' || arg.startsWith('--output='))) {
            const target = arg === '--output' ? (args[++index] ?? '') : arg.slice('--output='.length);
            outcome.paths.push({ access: 'write', target, source: `${source} --output` });
        }
        else if (!operands &&
            (arg === '-o' || arg === '--output-directory') &&
            subcommand === 'format-patch') {
            outcome.paths.push({ access: 'write', target: args[++index] ?? '', source: `${source} -o` });
        }
        else if (noIndex && (operands || !arg.startsWith('-'))) {
            outcome.paths.push({ access: 'read', target: arg, source: `${source} --no-index` });
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
]);
const CONFIG_READ_VALUE_OPTIONS = new Set([
    '--type',
    '--default',
    '--blob',
    '--file',
    '-f',
    '--value',
    '--url'
]);
/** `git config` reading is left to the rules; setting anything is refused. */
function gitConfigProblem(args) {
    const refused = (what) => `\`git config\` ${what}: it would write git configuration, where core.pager, core.sshCommand, hooks or aliases run any program`;
    const positional = [];
    let reading = false;
    for (let index = 0; index < args.length; index++) {
        const arg = args[index];
        if (arg.includes(_match_js__WEBPACK_IMPORTED_MODULE_0__/* .UNKNOWN */ .HV) && arg.startsWith('-'))
            return refused('with an option only known at run time');
        if (arg.startsWith('-')) {
            const [option = arg, value] = arg.startsWith('--') ? splitOption(arg) : [arg, undefined];
            if (CONFIG_READ_OPTIONS.has(option)) {
                if (option.startsWith('--get') || option === '--list' || option === '-l')
                    reading = true;
                continue;
            }
            if (CONFIG_READ_VALUE_OPTIONS.has(option)) {
                if (value === undefined)
                    index++;
                continue;
            }
            return refused(`with \`${option}\``);
        }
        positional.push(arg);
    }
    const verb = positional[0];
    if (verb === 'get' || verb === 'list')
        return undefined;
    if (['set', 'unset', 'rename-section', 'remove-section', 'edit'].includes(verb ?? '')) {
        return refused(verb);
    }
    if (reading)
        return undefined;
    if (positional.length <= 1)
        return undefined; // `git config user.name`: reads one value
    return refused('setting a value');
}


/***/ }),

/***/ 4841:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ge: () => (/* binding */ analyzeCommandLine),
  mc: () => (/* binding */ isDescriptorRedirect),
  loadShellParser: () => (/* binding */ loadShellParser),
  dn: () => (/* binding */ needsShellParser),
  Jp: () => (/* binding */ shellParserLoaded)
});

// UNUSED EXPORTS: MAX_COMMAND_LINE_LENGTH, UNKNOWN, decodeAnsiC, sensitiveVariable

// EXTERNAL MODULE: ./src/policy/match.ts
var match = __webpack_require__(6563);
// EXTERNAL MODULE: ./src/policy/programs.ts
var programs = __webpack_require__(9469);
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
    // Lower case: on a case-insensitive file system (macOS) `ENV` runs env.
    const base = name.slice(name.lastIndexOf('/') + 1).toLowerCase();
    const args = argv.slice(1);
    const codeRunner = Object.hasOwn(CODE_RUNNERS, base) ? CODE_RUNNERS[base] : undefined;
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
    const spec = Object.hasOwn(WRAPPERS, base) ? WRAPPERS[base] : undefined;
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
 * Loads the shell parser. mvdan-sh is 1.8 MB of GopherJS that takes about 50 ms to load, so it is
 * loaded when a line needs it instead of at start-up: runs that never see one never pay for it.
 * Call (and await) this before `analyzeCommandLine` on a line `needsShellParser` accepts; it is
 * cheap once loaded.
 */
async function loadShellParser() {
    parserModule ??= (await __webpack_require__.e(/* import() */ 914).then(__webpack_require__.t.bind(__webpack_require__, 2914, 23))).default.syntax;
}
/** Whether the parser is loaded already. */
function shellParserLoaded() {
    return parserModule !== undefined;
}
/**
 * A line of plain words: letters, digits and `_ . / : @ % + , - =`, separated by spaces or tabs.
 * Nothing else is allowed, so nothing in the line quotes, escapes, expands, redirects, separates,
 * groups, comments or negates; and the first word holds no `=`, so it is not an assignment.
 */
const PLAIN_LINE = /^[ \t]*[A-Za-z0-9_./:@%+,-]+(?:[ \t]+[A-Za-z0-9_./:@%+,=-]+)*[ \t]*$/;
/** First words the parser reads as something other than a command name. */
const SPECIAL_FIRST_WORDS = new Set([
    'case',
    'coproc',
    'declare',
    'do',
    'done',
    'elif',
    'else',
    'esac',
    'export',
    'fi',
    'for',
    'function',
    'if',
    'in',
    'let',
    'local',
    'nameref',
    'readonly',
    'select',
    'then',
    'time',
    'typeset',
    'until',
    'while'
]);
/**
 * The words of a line that bash runs as one simple command of exactly these words, or undefined.
 * Such a line (`npm test`, `git status`, `git diff --stat`: most of what an agent runs) is analysed
 * without the parser, with the same checks as a parsed one; tests/policy/shell.test.ts holds the
 * two to the same answers.
 */
function plainWords(line) {
    if (!PLAIN_LINE.test(line))
        return undefined;
    const words = line.split(/[ \t]+/).filter(word => word !== '');
    return SPECIAL_FIRST_WORDS.has(words[0]) ? undefined : words;
}
/** Whether analysing `line` needs the parser (see loadShellParser). */
function needsShellParser(line) {
    return typeof line !== 'string' || plainWords(line) === undefined;
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
/**
 * Analyses one Bash command line. Never throws. `parse: true` sends a plain line through the
 * parser as well (for tests that compare the two ways).
 */
function analyzeCommandLine(line, options = {}) {
    if (options.parse === true)
        return analyzeUncached(line, true);
    const known = typeof line === 'string' ? recentAnalyses.get(line) : undefined;
    if (known)
        return known;
    const analysis = analyzeUncached(line, false);
    // Not kept while the parser is missing: that answer (a problem) is not the line's real one.
    if (typeof line === 'string' && (parserModule || !needsShellParser(line))) {
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
function analyzeUncached(line, parse) {
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
        analyzer.analyze(line, parse);
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
    forbidden = new Set();
    paths = [];
    changesDirectory = false;
    maxDepth = 0;
    /** The line as UTF-8: mvdan-sh positions are byte offsets. */
    source = Buffer.alloc(0);
    problem(message) {
        this.problems.add(message);
    }
    result() {
        if (this.changesDirectory &&
            (this.redirects.some(redirect => !isDescriptorRedirect(redirect)) || this.paths.length > 0)) {
            // The targets are resolved against the workspace root; after `cd` they mean other files.
            this.problem('redirections (and files named by `tee`, `sed -i`, `git -C`...) after `cd`, `pushd` or `popd` cannot be checked');
        }
        return {
            commands: this.commands,
            redirects: this.redirects,
            problems: [...this.problems],
            forbidden: [...this.forbidden],
            paths: this.paths
        };
    }
    analyze(line, parse) {
        const words = parse ? undefined : plainWords(line);
        if (words !== undefined) {
            this.simpleCommand(words, undefined, 0);
            return;
        }
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
                        const kind = syntax().NodeType(node);
                        const reason = Object.hasOwn(FORBIDDEN_NODES, kind) ? FORBIDDEN_NODES[kind] : undefined;
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
        // What the program does with its arguments: inline code, git's configuration, files it writes.
        const program = (0,programs/* checkProgram */.nf)(argv);
        const matched = program.argv ?? argv;
        const command = { argv: matched, text: matched.join(' ') };
        if (program.argv)
            command.written = argv.join(' ');
        if (via)
            command.via = via;
        this.commands.push(command);
        for (const problem of program.problems)
            this.problem(problem);
        for (const refusal of program.forbidden)
            this.forbidden.add(refusal);
        for (const path of program.paths) {
            if (path.target.includes(match/* UNKNOWN */.HV) || path.target === '') {
                this.problem(`the file \`${path.source}\` names is only known at run time; write the path literally`);
            }
            else
                this.paths.push(path);
        }
        if (depth > 8) {
            this.problem('commands wrapped more than 8 levels deep are not supported');
            return;
        }
        const base = (0,programs/* programName */.kX)(name);
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
