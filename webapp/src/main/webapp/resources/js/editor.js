/*
 * The editor page's behaviour (lint lives in lint.js): saving (button, Ctrl/Cmd-S, and a short pause after typing), and running the open
 * file over a WebSocket with live output, typed input and Stop. Program output is added as text, never as markup.
 */
var Pyroom = window.Pyroom || {};

Pyroom.editor = (function () {
    var AUTOSAVE_PAUSE_MS = 1500;
    var OUTPUT_LIMIT_CHARS = 200000;

    var monacoEditor = null;
    var openFile = null;
    var autosaveTimer = null;
    var savedVersion = null;
    var pendingSave = null;
    var socket = null;
    var outputQueue = [];

    function element(id) {
        return document.getElementById(id);
    }

    function showState(text, kind) {
        var state = element('save-state');
        if (state) {
            state.textContent = text;
            state.className = 'save-state ' + (kind || '');
        }
    }

    function isDirty() {
        return monacoEditor !== null && monacoEditor.getModel().getAlternativeVersionId() !== savedVersion;
    }

    function attach(widget, file) {
        monacoEditor = widget.getMonaco();
        openFile = file;
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
        if (args && args.validationFailed) {
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

    function appendOutput(text, kind) {
        outputQueue.push({text: text, kind: kind});
        if (outputQueue.length === 1) {
            window.requestAnimationFrame(flushOutput);
        }
    }

    function flushOutput() {
        var output = element('output');
        var batch = outputQueue;
        outputQueue = [];
        batch.forEach(function (piece) {
            var span = document.createElement('span');
            span.className = piece.kind;
            span.textContent = piece.text;
            output.appendChild(span);
        });
        while (output.textContent.length > OUTPUT_LIMIT_CHARS && output.firstChild) {
            output.removeChild(output.firstChild);
        }
        output.scrollTop = output.scrollHeight;
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
        element('output').textContent = '';
        var scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
        var workspace = document.querySelector('form.editor').getAttribute('data-workspace');
        var run = new WebSocket(scheme + window.location.host + '/ws/run');
        var ended = false;
        socket = run;
        socket.onopen = function () {
            socket.send(JSON.stringify({type: 'run', workspaceId: Number(workspace), entryFile: openFile}));
        };
        socket.onmessage = function (event) {
            var message = JSON.parse(event.data);
            if (message.type === 'output') {
                appendOutput(message.text, message.stream);
            } else if (message.type === 'end' || message.type === 'error') {
                ended = true;
                appendOutput('\n' + message.text + '\n', 'end-line ' + message.type);
            }
        };
        // The server went away mid-run (a new release, a lost node): the next Run reaches a live server.
        socket.onclose = function () {
            if (!ended && socket === run) {
                appendOutput('\nInterrupted: the connection to the server was lost. Run it again.\n', 'end-line error');
            }
            if (socket === run) {
                socket = null;
            }
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

    window.addEventListener('beforeunload', function (event) {
        if (isDirty()) {
            event.preventDefault();
            event.returnValue = '';
        }
    });

    return {attach: attach, save: save, saved: saved, leaveTo: leaveTo, run: run, stop: stop};
})();
