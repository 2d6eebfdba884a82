/*
 * The tabs above the editor's results (program output, check results), following the WAI-ARIA tabs pattern: one tab
 * in the page's tab order, arrow keys, Home and End move between tabs and show the chosen panel.
 */
var Pyroom = window.Pyroom || {};

Pyroom.resultTabs = (function () {
    function tabs() {
        return Array.prototype.slice.call(document.querySelectorAll('.result-tabs [role="tab"]'));
    }

    /** Shows the panel of the tab whose panel has this id; does nothing on a page without these tabs. */
    function show(panelId, focus) {
        tabs().forEach(function (tab) {
            var chosen = tab.getAttribute('aria-controls') === panelId;
            tab.setAttribute('aria-selected', chosen ? 'true' : 'false');
            tab.tabIndex = chosen ? 0 : -1;
            document.getElementById(tab.getAttribute('aria-controls')).hidden = !chosen;
            if (chosen && focus) {
                tab.focus();
            }
        });
    }

    function init() {
        var all = tabs();
        all.forEach(function (tab, index) {
            var panel = document.getElementById(tab.getAttribute('aria-controls'));
            panel.setAttribute('role', 'tabpanel');
            panel.setAttribute('aria-labelledby', tab.id);
            panel.tabIndex = 0;
            tab.addEventListener('click', function () {
                show(tab.getAttribute('aria-controls'), true);
            });
            tab.addEventListener('keydown', function (event) {
                var next = {ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: all.length - 1}[event.key];
                if (next !== undefined) {
                    event.preventDefault();
                    show(all[(next + all.length) % all.length].getAttribute('aria-controls'), true);
                }
            });
        });
    }

    init();

    return {show: show};
})();
