/*
 * Lint as you type: a fast check (syntax, pyflakes) a moment after each change and a deep one (pylint) a little
 * later; answers become editor markers and a problems list whose entries explain themselves. Texts are added as
 * text, never as markup.
 */
var Pyroom = window.Pyroom || {};

Pyroom.lint = (function () {
    var FAST_LINT_PAUSE_MS = 250;
    var DEEP_LINT_PAUSE_MS = 1200;
    var MARKER_SEVERITY = {error: 8, warning: 4, info: 2};

    var editor = null;
    var file = null;
    var fastLintTimer = null;
    var deepLintTimer = null;
    var shownLint = {version: -1, tier: null};

    function element(id) {
        return document.getElementById(id);
    }

    function attach(monacoEditor, openFile) {
        editor = monacoEditor;
        file = openFile;
        editor.onDidChangeModelContent(scheduleLint);
        scheduleLint();
    }

    function scheduleLint() {
        clearTimeout(fastLintTimer);
        clearTimeout(deepLintTimer);
        fastLintTimer = setTimeout(function () { lint('fast'); }, FAST_LINT_PAUSE_MS);
        deepLintTimer = setTimeout(function () { lint('deep'); }, DEEP_LINT_PAUSE_MS);
    }

    /** Asks the server to check the current text; an answer for an older version of the text is dropped. */
    function lint(tier) {
        var model = editor.getModel();
        var form = document.querySelector('form.editor');
        var request = {tier: tier, version: model.getVersionId(), filename: file, source: model.getValue(),
            workspaceId: form ? Number(form.getAttribute('data-workspace')) : undefined, path: file};
        fetch('/api/lint', {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Content-Type': 'application/json'},
            body: JSON.stringify(request)
        }).then(function (response) {
            if (response.ok) {
                return response.json();
            }
            if (response.status === 503 && response.headers.has('Retry-After')) {
                retryLater(tier, request.version, Number(response.headers.get('Retry-After')));
                return null;
            }
            return response.json().then(showRefusal, function () { return null; }).then(function () { return null; });
        }).then(function (result) {
            // A superseded version was not checked: the answer to the newer one is on its way.
            if (result !== null && !result.superseded && isNewest(result)) {
                element('lint-status').hidden = true;
                showProblems(model, result);
            }
        }).catch(function () {
            // Lint is advice: a failed check leaves the last markers until the next one.
        });
    }

    /** A busy server asks to be asked again in a moment: quietly, and only if the text has not changed since. */
    function retryLater(tier, version, seconds) {
        setTimeout(function () {
            if (editor.getModel().getVersionId() === version) {
                lint(tier);
            }
        }, Math.max(seconds, 1) * 1000);
    }

    /** A check the server refused says why in plain words ("Too many lint requests: slow down."): show it. */
    function showRefusal(answer) {
        if (answer && typeof answer.error === 'string') {
            var status = element('lint-status');
            status.textContent = answer.error;
            status.hidden = false;
        }
    }

    function isNewest(result) {
        if (result.version !== editor.getModel().getVersionId()) {
            return false;
        }
        return !(result.version === shownLint.version && shownLint.tier === 'deep' && result.tier === 'fast');
    }

    function showProblems(model, result) {
        shownLint = {version: result.version, tier: result.tier};
        var markers = result.diagnostics.map(function (d) {
            var wholeWord = d.endLine === d.line && d.endColumn === d.column;
            return {
                startLineNumber: d.line,
                startColumn: d.column,
                endLineNumber: d.endLine,
                endColumn: wholeWord ? model.getLineMaxColumn(d.line) : d.endColumn,
                severity: MARKER_SEVERITY[d.severity] || MARKER_SEVERITY.info,
                message: d.explanation.title + ': ' + d.message,
                code: d.symbol
            };
        });
        window.monaco.editor.setModelMarkers(model, 'pyroom', markers);
        var list = element('problems');
        list.textContent = '';
        result.diagnostics.forEach(function (d) {
            var item = document.createElement('li');
            item.className = d.severity;
            item.textContent = 'Line ' + d.line + ': ' + d.explanation.title + ' (' + d.symbol + ')';
            item.addEventListener('click', function () { explain(d); });
            list.appendChild(item);
        });
        if (result.diagnostics.length === 0) {
            element('explanation').hidden = true;
        }
    }

    function explain(diagnostic) {
        element('explanation-title').textContent = diagnostic.explanation.title;
        element('explanation-text').textContent = diagnostic.explanation.text + ' (' + diagnostic.message + ')';
        element('explanation-before').textContent = diagnostic.explanation.before;
        element('explanation-after').textContent = diagnostic.explanation.after;
        element('explanation').hidden = false;
        editor.revealLineInCenter(diagnostic.line);
        editor.setPosition({lineNumber: diagnostic.line, column: diagnostic.column});
        editor.focus();
    }

    return {attach: attach};
})();
