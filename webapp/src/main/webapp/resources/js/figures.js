/*
 * Figures in program output: a figure the program showed (matplotlib's plt.show()) arrives on the run's socket as
 * {type: 'image', mediaType: 'image/png', figure: N, data: base64}. Only a PNG becomes an image, and only through the
 * element's src: nothing a program sends is ever read as markup.
 */
var Pyroom = window.Pyroom || {};

Pyroom.Figures = (function () {
    var BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

    /** Adds the figure to the output as an image, alt text "Figure N"; ignores anything that is not a PNG. */
    function append(output, message) {
        if (message.mediaType !== 'image/png' || typeof message.data !== 'string' || !BASE64.test(message.data)) {
            return;
        }
        var image = document.createElement('img');
        image.className = 'figure';
        image.alt = 'Figure ' + Number(message.figure);
        image.src = 'data:image/png;base64,' + message.data;
        output.appendChild(image);
        output.scrollTop = output.scrollHeight;
        image.addEventListener('load', function () {
            output.scrollTop = output.scrollHeight;
        });
    }

    return {append: append};
})();
