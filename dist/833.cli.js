export const id = 833;
export const ids = [833];
export const modules = {

/***/ 3833:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   policyCheck: () => (/* binding */ policyCheck),
/* harmony export */   policyExplain: () => (/* binding */ policyExplain)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _policy_decide_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var _policy_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8164);
/* harmony import */ var _policy_rules_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1821);
/* harmony import */ var _policy_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3943);
/**
 * `claw policy check` and `claw policy explain`: pure functions returning what to print and the
 * exit code (0 done, 1 invalid or unreadable policy, 2 bad input), so they test without a process.
 */






/** Validates a policy file: one OK line, or one `FILE:LINE:COL: message` line per problem. */
function policyCheck(file) {
    const loaded = load(file);
    if ('exitCode' in loaded)
        return loaded;
    const policy = loaded;
    const tasks = Object.keys(policy.tasks);
    const summary = [
        `version ${policy.version}`,
        `task overrides: ${tasks.length > 0 ? tasks.join(', ') : 'none'}`,
        `limits: ${policy.limits['max-turns']} turns, $${policy.limits['max-cost-usd']}, ${policy.limits['timeout-minutes']} min`,
        `digest ${(0,_policy_load_js__WEBPACK_IMPORTED_MODULE_2__/* .policyDigest */ .p1)(policy).slice(0, 12)}`
    ];
    return { exitCode: 0, stdout: `${file}: OK (${summary.join('; ')})\n`, stderr: '' };
}
/** Prints the decision for one tool call as one JSON line `{"decision","rule","reason"}`. */
function policyExplain(options) {
    let task;
    if (options.task !== undefined) {
        if (!_policy_types_js__WEBPACK_IMPORTED_MODULE_3__/* .TASK_NAMES */ .T.includes(options.task)) {
            return usage(`unknown task "${options.task}" (expected ${_policy_types_js__WEBPACK_IMPORTED_MODULE_3__/* .TASK_NAMES */ .T.join(', ')})`);
        }
        task = options.task;
    }
    let input;
    try {
        input = JSON.parse(options.input);
    }
    catch (error) {
        return usage(`--input is not valid JSON: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)}`);
    }
    let policy = _policy_load_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_POLICY */ .zj;
    if (options.policyFile !== undefined) {
        const loaded = load(options.policyFile);
        if ('exitCode' in loaded)
            return loaded;
        policy = loaded;
    }
    const rules = task ? (0,_policy_rules_js__WEBPACK_IMPORTED_MODULE_5__/* .rulesFor */ .N)(policy, task) : policy.defaults;
    const decision = (0,_policy_decide_js__WEBPACK_IMPORTED_MODULE_1__/* .decideWithRules */ .K6)(rules, { tool: options.tool, input }, (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(options.workspace));
    const line = JSON.stringify({
        decision: decision.decision,
        rule: decision.rule,
        reason: decision.reason
    });
    return { exitCode: 0, stdout: `${line}\n`, stderr: '' };
}
function load(file) {
    try {
        return (0,_policy_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadPolicyFile */ .n$)(file);
    }
    catch (error) {
        if (error instanceof _policy_load_js__WEBPACK_IMPORTED_MODULE_2__/* .PolicyError */ .pn || error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y) {
            return { exitCode: 1, stdout: '', stderr: `${error.message}\n` };
        }
        return { exitCode: 1, stdout: '', stderr: `${file}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(error)}\n` };
    }
}
function usage(message) {
    return { exitCode: 2, stdout: '', stderr: `${message}\n` };
}


/***/ })

};
