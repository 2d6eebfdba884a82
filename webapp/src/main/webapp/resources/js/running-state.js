/*
 * A button that shows its work is under way: a spinner instead of its icon and the seconds elapsed in its label
 * ("Running… 3 s"), until the work ends. Used by Run and Check.
 */
var Pyroom = window.Pyroom || {};

Pyroom.RunningState = function (button, busyLabel) {
    this.button = button;
    this.busyLabel = busyLabel;
    this.icon = button ? button.querySelector('.ui-icon') : null;
    this.text = button ? button.querySelector('.ui-button-text') : null;
    this.idleLabel = this.text ? this.text.textContent : '';
    this.idleIcon = this.icon ? this.icon.className : '';
    this.timer = null;
};

Pyroom.RunningState.prototype.start = function () {
    if (!this.button) {
        return;
    }
    this.stop();
    var started = Date.now();
    var self = this;
    var show = function () {
        var seconds = Math.floor((Date.now() - started) / 1000);
        self.text.textContent = self.busyLabel + ' ' + seconds + ' s';
    };
    this.button.classList.add('running');
    this.button.setAttribute('aria-busy', 'true');
    if (this.icon) {
        this.icon.className = this.idleIcon.replace(/\bpi-[a-z-]+/g, '') + ' pi-spinner pi-spin';
    }
    show();
    this.timer = window.setInterval(show, 1000);
};

Pyroom.RunningState.prototype.stop = function () {
    if (!this.button || this.timer === null) {
        return;
    }
    window.clearInterval(this.timer);
    this.timer = null;
    this.button.classList.remove('running');
    this.button.removeAttribute('aria-busy');
    this.text.textContent = this.idleLabel;
    if (this.icon) {
        this.icon.className = this.idleIcon;
    }
};
