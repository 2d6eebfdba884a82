/*
 * The editor page's behaviour (lint lives in lint.js): saving (button, Ctrl/Cmd-S, and a short pause after typing), and running the open
 * file over a WebSocket with live output, typed input and Stop. Program output is added as text, never as markup.
 */
var Pyroom = window.Pyroom || {};

Pyroom.editor = (function () {
    var AUTOSAVE_PAUSE_MS = 1500;
    var OUTPUT_MAX_LINES = 2000;

    var monacoEditor = null;
    var openFile = null;
    var autosaveTimer = null;
    var savedVersion = null;
    var pendingSave = null;
    var socket = null;
    var outputQueue = [];
    var flushScheduled = false;
    var outputLines = 0;
    var colours = {};

    function element(id) {
        return document.getElementById(id);
    }

    function showState(text, kind) {
        var state = element('save-state');
        if (state) {
            state.textContent = text;
            state.className = 'save-state ' + (kind || '');
        }
        Pyroom.tabs.markUnsaved(kind === 'unsaved' || kind === 'saving' || kind === 'failed');
    }

    function isDirty() {
        return monacoEditor !== null && monacoEditor.getModel().getAlternativeVersionId() !== savedVersion;
    }

    function attach(widget, file) {
        monacoEditor = widget.getMonaco();
        openFile = file;
        Pyroom.tabs.show(file);
        savedVersion = monacoEditor.getModel().getAlternativeVersionId();
        showState('Saved', 'saved');
        monacoEditor.onDidChangeModelContent(function () {
            showState('Unsaved changes', 'unsaved');
            clearTimeout(autosaveTimer);
            autosaveTimer = setTimeout(save, AUTOSAVE_PAUSE_MS);
        });
        Pyroom.lint.attach(monacoEditor, file);
        monacoEditor.addCommand(window.monaco.KeyMod.CtrlCmd | window.monaco.KeyCode.KeyS, save);
    }

    /** Saves the open file; the promise settles once the server has stored it (or refused). */
    function save() {
        clearTimeout(autosaveTimer);
        if (monacoEditor === null || !isDirty()) {
            return Promise.resolve(true);
        }
        if (pendingSave !== null) {
            return pendingSave.promise.then(save);
        }
        var version = monacoEditor.getModel().getAlternativeVersionId();
        var resolve;
        var promise = new Promise(function (r) { resolve = r; });
        pendingSave = {version: version, resolve: resolve, promise: promise};
        showState('Saving…', 'saving');
        pyroomSave();
        return promise;
    }

    function saved(args) {
        var finished = pendingSave;
        pendingSave = null;
        if (finished === null) {
            return;
        }
        // No args: the request itself failed (the server or the network), so nothing was stored either.
        if (!args || args.validationFailed) {
            showState('Not saved', 'failed');
            finished.resolve(false);
            return;
        }
        savedVersion = finished.version;
        if (isDirty()) {
            showState('Unsaved changes', 'unsaved');
            autosaveTimer = setTimeout(save, AUTOSAVE_PAUSE_MS);
        } else {
            showState('Saved', 'saved');
        }
        finished.resolve(true);
    }

    /** Opens another page (another file) once the open file is saved; stays when saving failed. */
    function leaveTo(event, href) {
        event.preventDefault();
        save().then(function (stored) {
            if (stored) {
                window.location.href = href;
            }
        });
        return false;
    }

    /** Program output: its colours read per stream, added in batches once per frame, at most the last lines kept. */
    function appendOutput(text, kind) {
        var pieces = colours[kind] ? colours[kind].pieces(text) : [{text: text, classes: ''}];
        pieces.forEach(function (piece) {
            piece.kind = kind;
            outputQueue.push(piece);
        });
        if (outputQueue.length > 0 && !flushScheduled) {
            flushScheduled = true;
            window.requestAnimationFrame(flushOutput);
        }
    }

    function flushOutput() {
        flushScheduled = false;
        var output = element('output');
        var batch = outputQueue;
        outputQueue = [];
        var fragment = document.createDocumentFragment();
        batch.forEach(function (piece) {
            var span = document.createElement('span');
            span.className = piece.kind + (piece.classes ? ' ' + piece.classes : '');
            span.textContent = piece.text;
            if (piece.color) {
                span.style.color = piece.color;
            }
            if (piece.background) {
                span.style.backgroundColor = piece.background;
            }
            outputLines += lineBreaks(piece.text);
            fragment.appendChild(span);
        });
        output.appendChild(fragment);
        keepLastLines(output);
        output.scrollTop = output.scrollHeight;
    }

    /** A long-running program can print without end: the page keeps only its last lines, and says so. */
    function keepLastLines(output) {
        while (outputLines > OUTPUT_MAX_LINES && output.firstChild) {
            var first = output.firstChild;
            var excess = outputLines - OUTPUT_MAX_LINES;
            var breaks = lineBreaks(first.textContent);
            if (breaks <= excess) {
                output.removeChild(first);
                outputLines -= breaks;
            } else {
                var text = first.textContent;
                var cut = 0;
                for (var i = 0; i < excess; i++) {
                    cut = text.indexOf('\n', cut) + 1;
                }
                first.textContent = text.substring(cut);
                outputLines -= excess;
            }
            element('output-trimmed').hidden = false;
        }
    }

    function lineBreaks(text) {
        var count = 0;
        for (var at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
            count++;
        }
        return count;
    }

    function clearOutput() {
        element('output').textContent = '';
        element('output-trimmed').hidden = true;
        outputQueue = [];
        outputLines = 0;
        colours = {stdout: new Pyroom.Ansi(), stderr: new Pyroom.Ansi()};
    }

    function run() {
        if (openFile === null) {
            return;
        }
        save().then(function (stored) {
            if (stored) {
                startRun();
            }
        });
    }

    function startRun() {
        if (socket !== null) {
            socket.close();
        }
        clearOutput();
        if (Pyroom.resultTabs) {
            Pyroom.resultTabs.show('output-panel');
        }
        var scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
        var workspace = document.querySelector('form.editor').getAttribute('data-workspace');
        // Handlers use their own socket: the previous run's socket may close after this one opened.
        var runSocket = new WebSocket(scheme + window.location.host + '/ws/run');
        var ended = false;
        socket = runSocket;
        runSocket.onopen = function () {
            runSocket.send(JSON.stringify({type: 'run', workspaceId: Number(workspace), entryFile: openFile}));
        };
        runSocket.onmessage = function (event) {
            if (socket !== runSocket) {
                return;
            }
            var message = JSON.parse(event.data);
            if (message.type === 'output') {
                appendOutput(message.text, message.stream);
            } else if (message.type === 'explanation') {
                Pyroom.runExplanation.show(message, monacoEditor, openFile);
            } else if (message.type === 'image') {
                flushOutput();
                Pyroom.Figures.append(element('output'), message);
            } else if (message.type === 'notice') {
                appendOutput('\n' + message.text + '\n', 'end-line notice');
            } else if (message.type === 'end' || message.type === 'error') {
                ended = true;
                appendOutput('\n' + message.text + '\n', 'end-line ' + message.type);
            }
        };
        // The server went away mid-run (a new release, a lost node): the next Run reaches a live server.
        runSocket.onclose = function () {
            if (socket !== runSocket) {
                return;
            }
            if (!ended) {
                appendOutput('\nInterrupted: the connection to the server was lost. Run it again.\n', 'end-line error');
            }
            socket = null;
        };
    }

    function stop() {
        if (socket !== null && socket.readyState === WebSocket.OPEN) {
            socket.send(JSON.stringify({type: 'stop'}));
        }
    }

    function sendInput(line) {
        if (socket !== null && socket.readyState === WebSocket.OPEN) {
            socket.send(JSON.stringify({type: 'input', text: line + '\n'}));
            appendOutput(line + '\n', 'stdin');
        }
    }

    document.addEventListener('keydown', function (event) {
        if (event.target && event.target.id === 'stdin' && event.key === 'Enter') {
            event.preventDefault();
            sendInput(event.target.value);
            event.target.value = '';
        }
    });

    document.addEventListener('click', function (event) {
        var folder = event.target.closest && event.target.closest('.tree-folder');
        var from = document.querySelector('input[id$=":moveFrom"]');
        if (folder && from) {
            from.value = folder.getAttribute('data-path');
            document.querySelector('input[id$=":moveTo"]').focus();
        }
    });

    window.addEventListener('beforeunload', function (event) {
        if (isDirty()) {
            event.preventDefault();
            event.returnValue = '';
        }
    });

    return {attach: attach, save: save, saved: saved, leaveTo: leaveTo, run: run, stop: stop};
})();
