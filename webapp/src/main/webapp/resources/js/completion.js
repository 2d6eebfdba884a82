/*
 * Completion, signature help and documentation on hover for Python, from the server's Jedi (POST /api/complete):
 * names of the standard library and of the workspace's own saved files. Each request waits a moment and is dropped
 * when the editor cancels it (the student typed on), so only the newest question reaches the server. Documentation
 * is shown as text, never as markup.
 */
var Pyroom = window.Pyroom || {};

Pyroom.completion = (function () {
    var PAUSE_MS = 60;
    var KINDS = {module: 'Module', class: 'Class', function: 'Function', instance: 'Variable', statement: 'Variable',
        param: 'Variable', keyword: 'Keyword', property: 'Property', path: 'File'};

    var file = null;
    var registered = false;

    /** Serves the open file of the editor; the providers are registered once for the page. */
    function attach(monacoEditor, openFile) {
        file = openFile;
        if (registered) {
            return;
        }
        registered = true;
        var languages = window.monaco.languages;
        languages.registerCompletionItemProvider('python', {
            triggerCharacters: ['.'],
            provideCompletionItems: function (model, position, context, token) {
                return ask(model, position, 'completions', token).then(function (answer) {
                    return {suggestions: answer ? suggestions(model, position, answer.suggestions) : []};
                });
            }
        });
        languages.registerSignatureHelpProvider('python', {
            signatureHelpTriggerCharacters: ['(', ','],
            signatureHelpRetriggerCharacters: [','],
            provideSignatureHelp: function (model, position, token) {
                return ask(model, position, 'signatures', token).then(function (answer) {
                    return answer && answer.signatures.length > 0 ? signatureHelp(answer.signatures) : null;
                });
            }
        });
        languages.registerHoverProvider('python', {
            provideHover: function (model, position, token) {
                return ask(model, position, 'hover', token).then(function (answer) {
                    return answer && answer.hover ? hover(model, position, answer.hover) : null;
                });
            }
        });
    }

    /** The server's answer about a position, or null: when cancelled, refused or failed there is nothing to show. */
    function ask(model, position, want, token) {
        var form = document.querySelector('form.editor');
        if (file === null || form === null) {
            return Promise.resolve(null);
        }
        var version = model.getVersionId();
        return new Promise(function (resolve) {
            var aborter = new AbortController();
            var timer = setTimeout(function () {
                fetch('/api/complete', {
                    method: 'POST',
                    credentials: 'same-origin',
                    headers: {'Content-Type': 'application/json'},
                    signal: aborter.signal,
                    body: JSON.stringify({version: version, workspaceId: Number(form.getAttribute('data-workspace')),
                        path: file, source: model.getValue(), line: position.lineNumber, column: position.column,
                        want: [want]})
                }).then(function (response) {
                    return response.ok ? response.json() : null;
                }).then(function (answer) {
                    // An answer for a text typed further still fits: the editor filters it by the word typed since.
                    resolve(answer && !answer.superseded ? answer : null);
                }).catch(function () {
                    resolve(null);
                });
            }, PAUSE_MS);
            token.onCancellationRequested(function () {
                clearTimeout(timer);
                aborter.abort();
                resolve(null);
            });
        });
    }

    function suggestions(model, position, found) {
        var word = model.getWordUntilPosition(position);
        var range = {startLineNumber: position.lineNumber, endLineNumber: position.lineNumber,
            startColumn: word.startColumn, endColumn: word.endColumn};
        var kinds = window.monaco.languages.CompletionItemKind;
        return found.map(function (suggestion, index) {
            return {label: suggestion.label, insertText: suggestion.label, detail: suggestion.kind, range: range,
                kind: kinds[KINDS[suggestion.kind] || 'Text'],
                // Jedi's order (its best guesses first) is kept where Monaco's filter ranks names alike.
                sortText: String(index).padStart(4, '0')};
        });
    }

    function signatureHelp(signatures) {
        return {
            value: {
                signatures: signatures.map(function (signature) {
                    return {label: signature.label, documentation: asText(signature.documentation),
                        parameters: signature.parameters.map(function (parameter) { return {label: parameter}; })};
                }),
                activeSignature: 0,
                activeParameter: Math.max(signatures[0].activeParameter, 0)
            },
            dispose: function () {}
        };
    }

    function hover(model, position, found) {
        var word = model.getWordAtPosition(position);
        var range = word ? {startLineNumber: position.lineNumber, endLineNumber: position.lineNumber,
            startColumn: word.startColumn, endColumn: word.endColumn} : undefined;
        return {range: range, contents: [asText(found.title), asText(found.documentation)]};
    }

    /** Text shown as it is: inside a fence longer than any run of backticks in it, markdown renders nothing of it. */
    function asText(text) {
        var longest = (text.match(/`+/g) || []).reduce(function (most, run) { return Math.max(most, run.length); }, 2);
        var fence = '`'.repeat(longest + 1);
        return {value: fence + 'text\n' + text + '\n' + fence};
    }

    return {attach: attach};
})();
