/*
 * The editor's terminal: xterm.js attached to a shell in the workspace's sandbox over a WebSocket. The panel's size
 * follows its box; after a network blip it reconnects to a fresh shell (the workspace's files are unchanged).
 */
var Pyroom = window.Pyroom || {};

Pyroom.terminal = (function () {
    var RECONNECT_DELAYS_MS = [500, 1000, 2000, 4000, 8000];

    var term = null;
    var fit = null;
    var socket = null;
    var workspace = null;
    var attempts = 0;
    var closing = false;
    // Keystrokes typed while the shell is still connecting: sent as soon as it is there.
    var typedWhileConnecting = [];

    function open(container, workspaceId) {
        workspace = workspaceId;
        if (term === null) {
            term = new window.Terminal({cursorBlink: true, fontSize: 13, convertEol: false});
            fit = new window.FitAddon.FitAddon();
            term.loadAddon(fit);
            term.open(container);
            term.onData(function (data) {
                send({type: 'input', data: data});
            });
            new ResizeObserver(resize).observe(container);
        }
        fit.fit();
        connect();
        term.focus();
    }

    function connect() {
        closing = false;
        if (socket !== null) {
            socket.close();
        }
        var scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
        var query = '?workspace=' + encodeURIComponent(workspace) + '&cols=' + term.cols + '&rows=' + term.rows;
        // Handlers use their own socket: a replaced socket may report its close after the new one opened.
        var shellSocket = new WebSocket(scheme + window.location.host + '/ws/terminal' + query);
        socket = shellSocket;
        shellSocket.binaryType = 'arraybuffer';
        shellSocket.onopen = function () {
            attempts = 0;
            document.dispatchEvent(new CustomEvent('pyroom:busy', {detail: 'terminal'}));
            typedWhileConnecting.splice(0).forEach(function (message) {
                shellSocket.send(JSON.stringify(message));
            });
        };
        shellSocket.onmessage = function (event) {
            if (socket === shellSocket) {
                term.write(new Uint8Array(event.data));
            }
        };
        shellSocket.onclose = function (event) {
            if (socket !== shellSocket) {
                return;
            }
            socket = null;
            document.dispatchEvent(new CustomEvent('pyroom:idle', {detail: 'terminal'}));
            if (closing) {
                return;
            }
            if (event.code === 1000) {
                term.write('\r\n[the shell ended: press Enter for a new one]\r\n');
                return;
            }
            if (attempts < RECONNECT_DELAYS_MS.length) {
                term.write('\r\n[connection lost: reconnecting…]\r\n');
                setTimeout(connect, RECONNECT_DELAYS_MS[attempts++]);
            } else {
                term.write('\r\n[could not reconnect: reload the page]\r\n');
            }
        };
    }

    function send(message) {
        if (socket !== null && socket.readyState === WebSocket.OPEN) {
            socket.send(JSON.stringify(message));
        } else if (socket !== null && socket.readyState === WebSocket.CONNECTING && message.type === 'input') {
            typedWhileConnecting.push(message);
        } else if (socket === null && message.type === 'input' && message.data === '\r') {
            connect();
        }
    }

    function resize() {
        if (term === null) {
            return;
        }
        fit.fit();
        send({type: 'resize', cols: term.cols, rows: term.rows});
    }

    window.addEventListener('beforeunload', function () {
        closing = true;
    });

    return {open: open};
})();
