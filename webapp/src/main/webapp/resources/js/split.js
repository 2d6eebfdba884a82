/*
 * The separator between the code and the output: dragged with the mouse or moved with the arrow keys (Home and End
 * for the limits), remembered per browser. theme.js applies the remembered split before the page is painted.
 * Monaco follows its container's size (automaticLayout); it is also told to lay out at once, so it never lags a drag.
 */
var Pyroom = window.Pyroom || {};

Pyroom.split = (function () {
    var KEY = 'pyroom.split';
    var MIN = 20;
    var MAX = 80;
    var STEP = 2;
    var DEFAULT = 58;

    var separator = null;

    function clamp(share) {
        return Math.max(MIN, Math.min(MAX, Math.round(share)));
    }

    function current() {
        var value = Number(separator.getAttribute('aria-valuenow'));
        return value >= MIN && value <= MAX ? value : DEFAULT;
    }

    function apply(share, remember) {
        var root = document.documentElement;
        root.style.setProperty('--pyroom-code-share', share + 'fr');
        root.style.setProperty('--pyroom-output-share', (100 - share) + 'fr');
        separator.setAttribute('aria-valuenow', String(share));
        separator.setAttribute('aria-valuetext', 'Code ' + share + ' %, output ' + (100 - share) + ' %');
        if (remember) {
            try {
                window.localStorage.setItem(KEY, String(share));
            } catch (e) {
                // No storage: the split holds for this page only.
            }
        }
        var widget = window.PrimeFaces && window.PrimeFaces.widgets.code;
        if (widget && widget.getMonaco && widget.getMonaco()) {
            widget.getMonaco().layout();
        }
    }

    /** The share of the code column when the separator sits at {@code x} (a position in the window). */
    function shareAt(x) {
        var code = document.querySelector('.editor > .code').getBoundingClientRect();
        var output = document.querySelector('.editor > .run-panel').getBoundingClientRect();
        return clamp(100 * (x - code.left) / (output.right - code.left));
    }

    function startDrag(event) {
        if (event.button !== 0) {
            return;
        }
        event.preventDefault();
        separator.setPointerCapture(event.pointerId);
        separator.classList.add('dragging');
        var move = function (moved) {
            apply(shareAt(moved.clientX), false);
        };
        var end = function () {
            separator.classList.remove('dragging');
            separator.removeEventListener('pointermove', move);
            separator.removeEventListener('pointerup', end);
            separator.removeEventListener('pointercancel', end);
            apply(current(), true);
        };
        separator.addEventListener('pointermove', move);
        separator.addEventListener('pointerup', end);
        separator.addEventListener('pointercancel', end);
    }

    function onKey(event) {
        var keys = {ArrowLeft: -STEP, ArrowDown: -STEP, ArrowRight: STEP, ArrowUp: STEP};
        var share = null;
        if (keys[event.key] !== undefined) {
            share = current() + keys[event.key];
        } else if (event.key === 'Home') {
            share = MIN;
        } else if (event.key === 'End') {
            share = MAX;
        }
        if (share !== null) {
            event.preventDefault();
            apply(clamp(share), true);
        }
    }

    function init() {
        separator = document.getElementById('split');
        if (separator === null) {
            return;
        }
        var stored = null;
        try {
            stored = Number(window.localStorage.getItem(KEY));
        } catch (e) {
            stored = null;
        }
        apply(stored >= MIN && stored <= MAX ? stored : DEFAULT, false);
        separator.addEventListener('pointerdown', startDrag);
        separator.addEventListener('keydown', onKey);
    }

    init();

    return {current: function () { return current(); }};
})();
