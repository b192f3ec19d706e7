export const id = 189;
export const ids = [189];
export const modules = {

/***/ 4708:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $y: () => (/* binding */ redirectedFiles),
/* harmony export */   K6: () => (/* binding */ decideWithRules),
/* harmony export */   LD: () => (/* binding */ decide),
/* harmony export */   WJ: () => (/* binding */ canReadPath)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _match_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6563);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(786);
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1821);
/* harmony import */ var _programs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9469);
/* harmony import */ var _shell_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4841);
/**
 * The permission decision: a pure function of (rules, tool call, workspace) that says allow, ask
 * or deny, names the rule that decided and tells the model why in one sentence. Deny beats ask,
 * ask beats allow, and nothing matched means deny. It never throws and never touches the file
 * system: odd input is a denial the model can read and correct.
 */






/** Decides one tool call under the rules of `task` (its sections replace those of defaults). */
function decide(policy, task, call, workspace) {
    return decideWithRules((0,_rules_js__WEBPACK_IMPORTED_MODULE_5__/* .rulesFor */ .N)(policy, task), call, workspace);
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
        case 'ReviewComment':
            // A finding quotes and judges a file's content, so it follows the read rules: a review must
            // not become a way to talk about a file the agent may not read (e.g. `.env`).
            return decidePath(rules, 'read', input?.file_path, 'file_path', workspace, call.tool);
        default:
            return deny('default: deny', `\`${String(call.tool)}\` is not a tool this policy governs (Bash, Read, Write, Edit, Glob, Grep, ReviewComment), so it is denied.`);
    }
}
/**
 * Whether a workspace-relative file may be read: Glob and Grep drop every result for which this is
 * false. Only `allow` counts: an `ask` file cannot be approved in the middle of a search.
 */
function canReadPath(rules, relativePath) {
    if (relativePath.includes('\0'))
        return false;
    const normalised = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(relativePath).replace(/^(\.\/)+/, '');
    if (normalised === '..' || normalised.startsWith('../') || node_path__WEBPACK_IMPORTED_MODULE_0__.posix.isAbsolute(normalised))
        return false;
    return pathDecision(rules.read, 'read', normalised, 'Read').decision === 'allow';
}
function decidePath(rules, section, path, field, workspace, tool) {
    if (typeof path !== 'string' || path === '') {
        return deny('default: deny', `${tool} needs \`${field}\`, a path inside the workspace.`);
    }
    const resolved = (0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .workspaceRelative */ .Uc)(workspace, path);
    if (!resolved.ok) {
        return deny('confinement', `${capitalise(resolved.reason)}; ${tool} only works on files inside the workspace.`);
    }
    return pathDecision(rules[section], section, resolved.relative, tool);
}
function pathDecision(set, section, relative, tool) {
    const shown = `\`${relative}\``;
    if (section === 'write' && (0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .isInsideGitDirectory */ .W5)(relative)) {
        return deny('protected: .git', `${shown} is inside .git, which no tool may change (hooks and config there would run code); change files in the working tree instead.`);
    }
    const denied = (0,_match_js__WEBPACK_IMPORTED_MODULE_1__/* .firstPathMatch */ .vY)(set.deny, relative, true);
    if (denied !== undefined) {
        return deny(`${section}.deny: ${denied}`, `${shown} matches the ${section} deny rule \`${denied}\` of this policy, so ${tool} may not ${verb(section)} it; leave it alone or ask the user.`);
    }
    const asked = (0,_match_js__WEBPACK_IMPORTED_MODULE_1__/* .firstPathMatch */ .vY)(set.ask, relative, true);
    if (asked !== undefined) {
        return ask(`${section}.ask: ${asked}`, `${tool} on ${shown} needs a maintainer's approval (${section} ask rule \`${asked}\`).`);
    }
    const allowed = (0,_match_js__WEBPACK_IMPORTED_MODULE_1__/* .firstPathMatch */ .vY)(set.allow, relative);
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
    const resolved = (0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .workspaceRelative */ .Uc)(workspace, path);
    if (!resolved.ok) {
        return deny('confinement', `${capitalise(resolved.reason)}; ${tool} only searches inside the workspace.`);
    }
    const directory = resolved.relative;
    const read = rules.read;
    const shown = `\`${directory}\``;
    if (directory !== '.') {
        const denied = (0,_match_js__WEBPACK_IMPORTED_MODULE_1__/* .firstPathMatch */ .vY)(read.deny, directory, true);
        if (denied !== undefined) {
            return deny(`read.deny: ${denied}`, `${shown} matches the read deny rule \`${denied}\` of this policy, so ${tool} may not search it; search elsewhere or ask the user.`);
        }
        const asked = (0,_match_js__WEBPACK_IMPORTED_MODULE_1__/* .firstPathMatch */ .vY)(read.ask, directory, true);
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
    if ((0,_match_js__WEBPACK_IMPORTED_MODULE_1__/* .pathMatches */ .rg)(pattern, directory))
        return true;
    const base = (0,_match_js__WEBPACK_IMPORTED_MODULE_1__/* .globBase */ .EI)(pattern);
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
    const analysis = (0,_shell_js__WEBPACK_IMPORTED_MODULE_4__/* .analyzeCommandLine */ .ge)(command);
    if (analysis.problems.length > 0) {
        const [first, ...rest] = analysis.problems;
        const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
        return deny('bash: unanalysable', `This command line cannot be checked before it runs: ${first}${more}.`);
    }
    if (analysis.forbidden.length > 0) {
        const [first, ...rest] = analysis.forbidden;
        const more = rest.length > 0 ? ` (and ${rest.length} more)` : '';
        return deny('bash: forbidden', `This command line does what no rule can allow: ${first}${more}.`);
    }
    if (analysis.commands.length === 0 && analysis.redirects.length === 0) {
        return deny('default: deny', 'This command line runs no command.');
    }
    const parts = [
        ...analysis.commands.map(entry => commandPart(rules.bash, entry)),
        ...analysis.redirects
            .filter(redirect => !(0,_shell_js__WEBPACK_IMPORTED_MODULE_4__/* .isDescriptorRedirect */ .mc)(redirect) && !HARMLESS_DEVICES.has(redirect.target))
            .flatMap(redirect => redirectParts(rules, redirect, workspace)),
        ...analysis.paths
            .filter(path => !HARMLESS_DEVICES.has(path.target))
            .flatMap(path => commandPathParts(rules, path, workspace))
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
/**
 * The files a Bash command line redirects to or from, for the caller that can look at the file
 * system: the decision above is pure and judges names, so a symlink inside the workspace that
 * points out of it (`out -> /tmp`, then `> out/x`) must be caught by resolving the real path.
 */
function redirectedFiles(command) {
    const analysis = (0,_shell_js__WEBPACK_IMPORTED_MODULE_4__/* .analyzeCommandLine */ .ge)(command);
    return [
        ...analysis.redirects
            .filter(redirect => !(0,_shell_js__WEBPACK_IMPORTED_MODULE_4__/* .isDescriptorRedirect */ .mc)(redirect) && !HARMLESS_DEVICES.has(redirect.target))
            .map(redirect => ({ target: redirect.target, forWrite: WRITE_OPERATORS.has(redirect.op) })),
        // Files commands write (`tee`, `sed -i`) and folders git works in (`git -C`): their real
        // paths must stay in the workspace (and out of .git) as well.
        ...analysis.paths
            .filter(path => !HARMLESS_DEVICES.has(path.target))
            .map(path => ({ target: path.target, forWrite: path.access === 'write' }))
    ];
}
function commandPart(set, command) {
    const text = command.text;
    // Deny and ask also look at the bare program name (`/usr/bin/git push` is `git push`), in lower
    // case too (on macOS `GIT push` runs git), and at the words as written (`git -C . push`).
    const name = command.argv[0] ?? '';
    const rest = command.argv.slice(1);
    const variants = [
        ...new Set([
            text,
            [name.slice(name.lastIndexOf('/') + 1), ...rest].join(' '),
            [(0,_programs_js__WEBPACK_IMPORTED_MODULE_3__/* .programName */ .kX)(name), ...rest].join(' '),
            ...(command.written === undefined ? [] : [command.written])
        ])
    ];
    const shown = `\`${truncate((0,_match_js__WEBPACK_IMPORTED_MODULE_1__/* .displayCommand */ .kc)(command.written ?? text))}\`${command.via ? ` (run by \`${command.via}\`)` : ''}`;
    const couldMatch = (pattern) => variants.some(variant => (0,_match_js__WEBPACK_IMPORTED_MODULE_1__/* .commandMatchesForSome */ .qJ)(pattern, variant));
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
    const allowed = set.allow.find(pattern => (0,_match_js__WEBPACK_IMPORTED_MODULE_1__/* .commandMatchesForAll */ .Z6)(pattern, text));
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
    const resolved = (0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .workspaceRelative */ .Uc)(workspace, redirect.target);
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
/** A file a command writes (`tee`, `sed -i`, `find -fprint`) or a folder git works in. */
function commandPathParts(rules, path, workspace) {
    const label = `\`${path.source}\` ${path.access === 'directory' ? 'folder' : 'file'} ${path.target}`;
    const resolved = (0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .workspaceRelative */ .Uc)(workspace, path.target);
    if (!resolved.ok) {
        return [
            {
                rule: 'confinement',
                decision: deny('confinement', `The ${label} is outside the workspace (${resolved.reason}); use a path inside it.`)
            }
        ];
    }
    if (path.access === 'directory') {
        if (path.source === 'git --work-tree' && (0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .isInsideGitDirectory */ .W5)(resolved.relative)) {
            return [
                {
                    rule: 'protected: .git',
                    decision: deny('protected: .git', `The ${label} is inside .git, where git would write files that run code; use the working tree.`)
                }
            ];
        }
        return [];
    }
    const section = path.access === 'write' ? 'write' : 'read';
    const decision = pathDecision(rules[section], section, resolved.relative, 'Bash');
    return [
        {
            rule: decision.rule,
            decision: decision.decision === 'allow'
                ? decision
                : { ...decision, reason: `For the ${label}: ${decision.reason}` }
        }
    ];
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
    isolation: 'preferred',
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
            tasks: policy.tasks,
            // Only when not the default, so that the digests of policies written before the key
            // existed stay the same.
            isolation: policy.isolation === 'preferred' ? undefined : policy.isolation
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
const TOP_KEYS = ['version', 'defaults', 'limits', 'isolation', 'tasks'];
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
        const map = this.expectMap(root, 'the policy', 'a mapping of version, defaults, limits, isolation, tasks');
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
        const isolationPair = pairs.get('isolation');
        const isolation = isolationPair ? this.isolation(isolationPair) : base.isolation;
        const tasksPair = pairs.get('tasks');
        const tasks = tasksPair ? this.tasks(tasksPair) : {};
        return { version: 1, defaults, limits, isolation, tasks, source: file };
    }
    isolation(pair) {
        const node = this.resolve(pair.value);
        const value = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(node) ? node.value : undefined;
        if (typeof value === 'string' && _types_js__WEBPACK_IMPORTED_MODULE_5__/* .ISOLATION_MODES */ .i.includes(value)) {
            return value;
        }
        const got = typeof value === 'string' ? `"${value}"` : describe(node);
        this.report(this.offset(node, pair), `isolation: expected ${_types_js__WEBPACK_IMPORTED_MODULE_5__/* .ISOLATION_MODES */ .i.join(', ')}, got ${got}`);
        return DEFAULT_POLICY.isolation;
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

/***/ 786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uc: () => (/* binding */ workspaceRelative),
/* harmony export */   W5: () => (/* binding */ isInsideGitDirectory)
/* harmony export */ });
/* unused harmony export isGitName */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
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
    const root = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(workspace).replace(/(.)\/+$/, '$1');
    const absolute = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.isAbsolute(path) ? node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(path) : node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(root, path);
    const relative = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.relative(root, absolute);
    if (relative === '')
        return { ok: true, relative: '.' };
    if (relative === '..' || relative.startsWith('../') || node_path__WEBPACK_IMPORTED_MODULE_0__.posix.isAbsolute(relative)) {
        return { ok: false, reason: `\`${path}\` is outside the workspace` };
    }
    return { ok: true, relative };
}
/**
 * Whether a workspace-relative path lies in a `.git` directory (at any depth, any case: a
 * case-insensitive file system treats `.GIT` as `.git`; see isGitName). Writing there plants hooks or config
 * that run code at the next git command, outside every rule of the policy.
 */
function isInsideGitDirectory(relative) {
    return relative.split(/[/\\]/).some(isGitName);
}
/**
 * Whether one path segment names a `.git` folder on some file system: any case (macOS, Windows),
 * with code points HFS+ ignores (`.g\u200cit`), with trailing dots or spaces (Windows drops
 * them), or as the Windows short name `git~1`. The same checks git itself makes (CVE-2014-9390).
 */
function isGitName(segment) {
    const name = segment
        .replace(/[\u200b-\u200f\u202a-\u202e\u206a-\u206f\ufeff]/g, '')
        .toLowerCase()
        .replace(/[. ]+$/, '');
    return name === '.git' || name === 'git~1';
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
/* harmony export */   T: () => (/* binding */ TASK_NAMES),
/* harmony export */   i: () => (/* binding */ ISOLATION_MODES)
/* harmony export */ });
/** The policy file (`.github/claw.yml`) after parsing and validation. See docs/policy.md. */
const TASK_NAMES = ['fix', 'review', 'docs', 'repair', 'ask'];
/**
 * How Bash is isolated from the action's process (docs/security.md): `preferred` isolates where
 * the machine allows it, `required` refuses to run where it does not, `off` never tries.
 */
const ISOLATION_MODES = ['preferred', 'required', 'off'];


/***/ })

};
