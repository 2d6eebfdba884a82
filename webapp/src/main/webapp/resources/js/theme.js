/*
 * The light or dark theme, for the page and Monaco together, and the editor's split: each browser remembers its
 * choice (localStorage). Runs in the head, before the page is painted. The theme is mirrored into a cookie so the
 * server renders the next page, and Monaco, in it already.
 */
var Pyroom = window.Pyroom || {};

Pyroom.theme = (function () {
    var KEY = 'pyroom.theme';
    var root = document.documentElement;

    function stored() {
        try {
            return window.localStorage.getItem(KEY);
        } catch (e) {
            return null;
        }
    }

    function apply(name) {
        root.setAttribute('data-theme', name);
        document.cookie = 'pyroom-theme=' + name + '; path=/; max-age=31536000; SameSite=Lax';
        var toggle = document.getElementById('theme-toggle');
        if (toggle) {
            toggle.setAttribute('aria-pressed', String(name === 'dark'));
        }
        if (window.monaco && window.monaco.editor) {
            window.monaco.editor.setTheme(name === 'dark' ? 'vs-dark' : 'vs');
        }
    }

    function current() {
        return root.getAttribute('data-theme') === 'dark' ? 'dark' : 'light';
    }

    function toggle() {
        var next = current() === 'dark' ? 'light' : 'dark';
        try {
            window.localStorage.setItem(KEY, next);
        } catch (e) {
            // Private windows may refuse storage: the cookie still carries the choice.
        }
        apply(next);
    }

    var chosen = stored();
    if ((chosen === 'dark' || chosen === 'light') && chosen !== current()) {
        apply(chosen);
    }

    // The toggle was rendered from the cookie: it shows the remembered choice once it exists.
    document.addEventListener('DOMContentLoaded', function () {
        var button = document.getElementById('theme-toggle');
        if (button) {
            button.setAttribute('aria-pressed', String(current() === 'dark'));
        }
    });

    document.addEventListener('click', function (event) {
        if (event.target.closest && event.target.closest('#theme-toggle')) {
            toggle();
        }
    });

    return {current: current, toggle: toggle};
})();

/* The editor's split between code and output, as the share of the code in percent (split.js moves it). */
(function () {
    try {
        var share = Number(window.localStorage.getItem('pyroom.split'));
        if (share >= 20 && share <= 80) {
            document.documentElement.style.setProperty('--pyroom-code-share', share + 'fr');
            document.documentElement.style.setProperty('--pyroom-output-share', (100 - share) + 'fr');
        }
    } catch (e) {
        // No storage: the default split.
    }
})();
