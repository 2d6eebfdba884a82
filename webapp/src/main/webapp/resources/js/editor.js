/*
 * The editor page's behaviour (lint lives in lint.js): saving (button, Ctrl/Cmd-S, and a short pause after typing), and running the open
 * file over a WebSocket with live output, typed input and Stop. Ctrl/Cmd-Enter runs and Esc stops, in Monaco and
 * anywhere else on the page; Run shows a spinner and the seconds elapsed while the program runs. The page keeps one run connection open from its first
 * run on and sends each run over it; a connection that closed is opened again by the next run. Program output is added
 * as text, never as markup.
 */
var Pyroom = window.Pyroom || {};

Pyroom.editor = (function () {
    var AUTOSAVE_PAUSE_MS = 1500;
    var OUTPUT_MAX_LINES = 2000;
    var FRAME_MS = 16;

    var monacoEditor = null;
    var openFile = null;
    var autosaveTimer = null;
    var savedVersion = null;
    var pendingSave = null;
    var socket = null;
    var currentRun = null;
    var outputQueue = [];
    var flushScheduled = false;
    var lastFlushAt = -Infinity;
    var outputLines = 0;
    var colours = {};
    var runningState = null;

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
        Pyroom.completion.attach(monacoEditor, file);
        monacoEditor.addCommand(window.monaco.KeyMod.CtrlCmd | window.monaco.KeyCode.KeyS, save);
        monacoEditor.addCommand(window.monaco.KeyMod.CtrlCmd | window.monaco.KeyCode.Enter, run);
        // Esc still closes Monaco's own widgets first (suggestions, find, parameter hints).
        monacoEditor.addCommand(window.monaco.KeyCode.Escape, stop,
            '!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !renameInputVisible');
        window.monaco.editor.setTheme(Pyroom.theme.current() === 'dark' ? 'vs-dark' : 'vs');
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

    /**
     * Program output: its colours read per stream, at most the last lines kept. Output after a quiet frame is shown at
     * once; output pouring in is added in one batch per frame, as adding it costs the page a layout each time.
     */
    function appendOutput(text, kind) {
        var pieces = colours[kind] ? colours[kind].pieces(text) : [{text: text, classes: ''}];
        pieces.forEach(function (piece) {
            piece.kind = kind;
            outputQueue.push(piece);
        });
        if (outputQueue.length === 0 || flushScheduled) {
            return;
        }
        if (window.performance.now() - lastFlushAt > FRAME_MS) {
            flushOutput();
        } else {
            flushScheduled = true;
            window.requestAnimationFrame(flushQueuedOutput);
        }
    }

    function flushQueuedOutput() {
        flushScheduled = false;
        flushOutput();
    }

    function flushOutput() {
        if (outputQueue.length === 0) {
            return;
        }
        lastFlushAt = window.performance.now();
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
        if (!isDirty()) {
            startRun();
            return;
        }
        save().then(function (stored) {
            if (stored) {
                startRun();
            }
        });
    }

    /** Tells other scripts of the page (the file tree's watch) that a run started or ended. */
    function announce(running) {
        document.dispatchEvent(new CustomEvent(running ? 'pyroom:busy' : 'pyroom:idle', {detail: 'run'}));
    }

    /**
     * Sends the run before the page shows it running: the server starts the program while the page redraws (its
     * answers are handled only after this function returns, so clearing the output afterwards loses none).
     */
    function startRun() {
        var workspace = document.querySelector('form.editor').getAttribute('data-workspace');
        var previous = currentRun;
        currentRun = {
            request: JSON.stringify({type: 'run', workspaceId: Number(workspace), entryFile: openFile}),
            stopping: null,
            ended: false,
            answered: false,
            retried: false,
            reusedConnection: false
        };
        if (previous !== null && !previous.ended && socket !== null) {
            if (socket.readyState === WebSocket.OPEN) {
                // Run during a run: the program is stopped, and the new run sent once the server says it ended.
                currentRun.stopping = previous;
                socket.send(JSON.stringify({type: 'stop'}));
                showStarted();
                return;
            }
            // Not connected yet: the server stops a program whose connection closes.
            var connecting = socket;
            socket = null;
            connecting.close();
        }
        sendRun(currentRun);
        showStarted();
    }

    function showStarted() {
        clearOutput();
        announce(true);
        if (Pyroom.resultTabs) {
            Pyroom.resultTabs.show('output-panel');
        }
        showRunning(true);
    }

    function sendRun(runState) {
        var runSocket = connection();
        runState.reusedConnection = runSocket.readyState === WebSocket.OPEN;
        if (runState.reusedConnection) {
            runSocket.send(runState.request);
        } else {
            runSocket.addEventListener('open', function () {
                if (socket === runSocket && currentRun === runState) {
                    runSocket.send(runState.request);
                }
            });
        }
    }

    /** The page's run connection: the open one, or a new one when there is none or it closed. */
    function connection() {
        if (socket === null || socket.readyState === WebSocket.CLOSING || socket.readyState === WebSocket.CLOSED) {
            socket = openSocket();
        }
        return socket;
    }

    function openSocket() {
        var scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
        // Handlers use their own socket: a connection given up may still deliver messages, or close, after the next.
        var runSocket = new WebSocket(scheme + window.location.host + '/ws/run');
        runSocket.onmessage = function (event) {
            if (socket !== runSocket || currentRun === null) {
                return;
            }
            var message = JSON.parse(event.data);
            if (currentRun.stopping !== null) {
                // The rest of the stopped run's output, and its end: then the new run goes.
                if (message.type === 'end' || message.type === 'error') {
                    currentRun.stopping = null;
                    sendRun(currentRun);
                }
                return;
            }
            currentRun.answered = true;
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
                currentRun.ended = true;
                announce(false);
                showRunning(false);
                appendOutput('\n' + message.text + '\n', 'end-line ' + message.type);
                flushOutput();
            }
        };
        // The server went away (a new release, a lost node): the next Run opens a new connection to a live server.
        runSocket.onclose = function () {
            if (socket !== runSocket) {
                return;
            }
            socket = null;
            var runState = currentRun;
            if (runState === null || runState.ended) {
                return;
            }
            if (runState.stopping !== null) {
                // The server stopped the previous program with its connection: the new run goes on a new one.
                runState.stopping = null;
                sendRun(runState);
                return;
            }
            if (runState.reusedConnection && !runState.answered && !runState.retried) {
                // A connection kept open between runs closed as this run was sent: once, on a new connection.
                runState.retried = true;
                sendRun(runState);
                return;
            }
            runState.ended = true;
            announce(false);
            showRunning(false);
            appendOutput('\nInterrupted: the connection to the server was lost. Run it again.\n', 'end-line error');
            flushOutput();
        };
        return runSocket;
    }

    function showRunning(running) {
        if (runningState !== null) {
            runningState.stop();
            runningState = null;
        }
        if (running) {
            runningState = new Pyroom.RunningState(document.querySelector('button[id$=":run"]'), 'Running…');
            runningState.start();
        }
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

    /** The shortcuts outside Monaco (Monaco handles its own and marks the event handled). */
    document.addEventListener('keydown', function (event) {
        if (event.defaultPrevented || monacoEditor === null) {
            return;
        }
        var inDialog = event.target.closest && event.target.closest('.ui-dialog, .ui-menu');
        var modified = event.ctrlKey || event.metaKey;
        if (modified && event.key === 'Enter' && !inDialog) {
            event.preventDefault();
            run();
        } else if (modified && (event.key === 's' || event.key === 'S')) {
            event.preventDefault();
            save();
        } else if (event.key === 'Escape' && !inDialog && currentRun !== null && !currentRun.ended) {
            event.preventDefault();
            stop();
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
