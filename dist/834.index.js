export const id = 834;
export const ids = [834];
export const modules = {

/***/ 32834:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OUTCOME_ARTIFACT: () => (/* binding */ OUTCOME_ARTIFACT),
/* harmony export */   loadOutcome: () => (/* binding */ loadOutcome),
/* harmony export */   outcomeProblems: () => (/* binding */ outcomeProblems),
/* harmony export */   saveOutcome: () => (/* binding */ saveOutcome)
/* harmony export */ });
/* unused harmony export patchedFiles */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _policy_decide_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(24708);
/**
 * Two-phase runs: the agent in one job with whatever token it has (read-only is enough), the
 * GitHub writes in a later job of the same workflow run with a write token.
 *
 * `phase: agent` runs the task up to its outcome and, instead of delivering it, uploads it as the
 * artifact `claw-outcome`: the working tree's changes as a patch against the commit the agent
 * started from, the review findings, the model's summary and the result. `phase: deliver` plans
 * the same event again, downloads that outcome, checks it, and delivers it as `phase: all` would:
 * - the patch must apply to the deliver job's checkout of the same commit;
 * - every file it touches must be allowed by the write rules of the policy on that checkout (the
 *   base branch's policy, not one the agent could have edited);
 * - review findings outside the diff go into the review body, as always.
 * The agent job never holds a write token, and nothing it produced reaches GitHub unchecked.
 */





/** The artifact the agent phase leaves for the deliver phase of the same workflow run. */
const OUTCOME_ARTIFACT = 'claw-outcome';
const OUTCOME_FILE = 'outcome.json';
const PATCH_FILE = 'changes.patch';
const OUTCOME_VERSION = 1;
/** Writes the outcome and uploads it; throws a UserError a user can act on when it cannot. */
async function saveOutcome(outcome, patch, env = process.env) {
    const directory = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env['RUNNER_TEMP'] || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'claw-outcome-'));
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(directory, OUTCOME_FILE), `${JSON.stringify(outcome, null, 2)}\n`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(directory, PATCH_FILE), patch);
    try {
        const { DefaultArtifactClient } = await __webpack_require__.e(/* import() */ 252).then(__webpack_require__.bind(__webpack_require__, 91252));
        const uploaded = await new DefaultArtifactClient().uploadArtifact(OUTCOME_ARTIFACT, [(0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(directory, OUTCOME_FILE), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(directory, PATCH_FILE)], directory, { retentionDays: 1 });
        if (uploaded.id === undefined)
            throw new Error('the artifact service returned no id');
        return { id: uploaded.id, size: uploaded.size ?? 0 };
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`The agent phase could not upload its outcome as the artifact "${OUTCOME_ARTIFACT}" (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)}); the deliver phase will have nothing to deliver. Use phase "all" where artifacts are not available (GitHub Enterprise Server).`);
    }
}
/** Downloads the outcome the agent phase of this workflow run uploaded. */
async function loadOutcome(env = process.env) {
    const directory = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env['RUNNER_TEMP'] || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'claw-outcome-'));
    try {
        const { DefaultArtifactClient } = await __webpack_require__.e(/* import() */ 252).then(__webpack_require__.bind(__webpack_require__, 91252));
        const client = new DefaultArtifactClient();
        const { artifact } = await client.getArtifact(OUTCOME_ARTIFACT);
        await client.downloadArtifact(artifact.id, { path: directory });
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`Phase "deliver" found no outcome to deliver: the artifact "${OUTCOME_ARTIFACT}" of this workflow run could not be downloaded (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)}). Run a job with phase "agent" first, and make this job depend on it ("needs:").`);
    }
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(directory, OUTCOME_FILE);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`The "${OUTCOME_ARTIFACT}" artifact holds no ${OUTCOME_FILE}.`);
    }
    let outcome;
    try {
        outcome = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`The outcome in "${OUTCOME_ARTIFACT}" is not valid JSON: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)}`);
    }
    if (outcome.format !== 'claw-outcome' || outcome.version !== OUTCOME_VERSION) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y(`The "${OUTCOME_ARTIFACT}" artifact holds an outcome of format ${String(outcome.format)} version ${String(outcome.version)}; this claw delivers version ${OUTCOME_VERSION}. Use the same claw version in both jobs.`);
    }
    const patchFile = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(directory, PATCH_FILE);
    return { outcome, patch: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(patchFile) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(patchFile, 'utf8') : '' };
}
/** The files a `git diff` patch touches (both sides of renames), from its `diff --git` lines. */
function patchedFiles(patch) {
    const files = new Set();
    for (const match of patch.matchAll(/^diff --git a\/(.+?) b\/(.+)$/gm)) {
        if (match[1] !== undefined)
            files.add(match[1]);
        if (match[2] !== undefined)
            files.add(match[2]);
    }
    for (const match of patch.matchAll(/^(?:rename|copy) (?:from|to) (.+)$/gm)) {
        if (match[1] !== undefined)
            files.add(match[1]);
    }
    return [...files];
}
/**
 * Why the outcome must not be delivered here, or an empty list: a different event, target or
 * starting commit than this job's, or a file the write rules of this checkout's policy refuse.
 */
function outcomeProblems(loaded, expected) {
    const { outcome } = loaded;
    const problems = [];
    if (outcome.task !== expected.task || outcome.event !== expected.event) {
        problems.push(`it is a ${outcome.task} for ${outcome.event}, and this job plans a ${expected.task} for ${expected.event}`);
    }
    if (outcome.targetNumber !== expected.targetNumber) {
        problems.push(`it is about #${String(outcome.targetNumber)}, and this job about #${String(expected.targetNumber)}`);
    }
    if (outcome.base !== expected.head) {
        problems.push(`it was made on ${outcome.base.slice(0, 12)}, and this job checked out ${expected.head.slice(0, 12)}`);
    }
    for (const file of patchedFiles(loaded.patch)) {
        const decision = (0,_policy_decide_js__WEBPACK_IMPORTED_MODULE_3__/* .decide */ .LD)(expected.policy, expected.task, { tool: 'Write', input: { file_path: file } }, expected.workspace);
        if (decision.decision !== 'allow') {
            problems.push(`it changes ${file}, which the policy's write rules do not allow (${decision.rule})`);
        }
    }
    return problems;
}


/***/ })

};
