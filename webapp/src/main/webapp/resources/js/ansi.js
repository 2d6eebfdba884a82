/*
 * Colours in program output: a small reader of ANSI "select graphic rendition" sequences (ESC [ ... m) that cuts
 * output into pieces of plain text, each with CSS classes (and a colour for 256-colour and RGB codes). Other escape
 * sequences (cursor moves, clearing the screen) are dropped. It builds no markup: callers put a piece's text into an
 * element as text. A sequence split between two chunks of output is kept until the rest arrives.
 */
var Pyroom = window.Pyroom || {};

Pyroom.Ansi = (function () {
    var SEQUENCE = /\x1b(?:\[([0-9;?]*)([@-~])|[@-Z\\-_])/g;
    var UNFINISHED = /\x1b(\[[0-9;?]*)?$/;
    var CUBE = [0, 95, 135, 175, 215, 255];

    function Ansi() {
        this.pending = '';
        this.reset();
    }

    Ansi.prototype.reset = function () {
        this.fg = null;
        this.bg = null;
        this.bold = false;
        this.faint = false;
        this.italic = false;
        this.underline = false;
    };

    /** Pieces {text, classes, color, background} of a chunk of output, escape sequences taken out. */
    Ansi.prototype.pieces = function (chunk) {
        var text = this.pending + chunk;
        var unfinished = UNFINISHED.exec(text);
        this.pending = unfinished ? unfinished[0] : '';
        if (unfinished) {
            text = text.substring(0, unfinished.index);
        }
        var pieces = [];
        var from = 0;
        var match;
        SEQUENCE.lastIndex = 0;
        while ((match = SEQUENCE.exec(text)) !== null) {
            this.add(pieces, text.substring(from, match.index));
            if (match[2] === 'm') {
                this.apply(match[1] === '' ? [0] : match[1].split(';').map(Number));
            }
            from = SEQUENCE.lastIndex;
        }
        this.add(pieces, text.substring(from));
        return pieces;
    };

    Ansi.prototype.add = function (pieces, text) {
        if (text === '') {
            return;
        }
        var classes = [];
        if (typeof this.fg === 'number') { classes.push('ansi-fg-' + this.fg); }
        if (typeof this.bg === 'number') { classes.push('ansi-bg-' + this.bg); }
        if (this.bold) { classes.push('ansi-bold'); }
        if (this.faint) { classes.push('ansi-faint'); }
        if (this.italic) { classes.push('ansi-italic'); }
        if (this.underline) { classes.push('ansi-underline'); }
        pieces.push({
            text: text,
            classes: classes.join(' '),
            color: typeof this.fg === 'string' ? this.fg : null,
            background: typeof this.bg === 'string' ? this.bg : null
        });
    };

    Ansi.prototype.apply = function (codes) {
        for (var i = 0; i < codes.length; i++) {
            var code = codes[i];
            if (code === 0) { this.reset(); }
            else if (code === 1) { this.bold = true; }
            else if (code === 2) { this.faint = true; }
            else if (code === 3) { this.italic = true; }
            else if (code === 4) { this.underline = true; }
            else if (code === 22) { this.bold = false; this.faint = false; }
            else if (code === 23) { this.italic = false; }
            else if (code === 24) { this.underline = false; }
            else if (code >= 30 && code <= 37) { this.fg = code - 30; }
            else if (code >= 90 && code <= 97) { this.fg = code - 90 + 8; }
            else if (code === 39) { this.fg = null; }
            else if (code >= 40 && code <= 47) { this.bg = code - 40; }
            else if (code >= 100 && code <= 107) { this.bg = code - 100 + 8; }
            else if (code === 49) { this.bg = null; }
            else if (code === 38 || code === 48) {
                var colour = extended(codes, i);
                i = colour.next;
                if (code === 38) { this.fg = colour.value; } else { this.bg = colour.value; }
            }
        }
    };

    /** 38;5;n (256 colours) or 38;2;r;g;b: the first 16 of the 256 are the classic ones, the rest become RGB. */
    function extended(codes, at) {
        if (codes[at + 1] === 5 && codes[at + 2] !== undefined) {
            var n = codes[at + 2];
            return {value: n < 16 ? n : rgb256(n), next: at + 2};
        }
        if (codes[at + 1] === 2 && codes[at + 4] !== undefined) {
            return {value: 'rgb(' + clamp(codes[at + 2]) + ',' + clamp(codes[at + 3]) + ',' + clamp(codes[at + 4]) + ')',
                next: at + 4};
        }
        return {value: null, next: codes.length};
    }

    function rgb256(n) {
        if (n >= 232) {
            var grey = 8 + (n - 232) * 10;
            return 'rgb(' + grey + ',' + grey + ',' + grey + ')';
        }
        var index = n - 16;
        return 'rgb(' + CUBE[Math.floor(index / 36) % 6] + ',' + CUBE[Math.floor(index / 6) % 6] + ',' + CUBE[index % 6] + ')';
    }

    function clamp(value) {
        return Math.max(0, Math.min(255, value | 0));
    }

    return Ansi;
})();
