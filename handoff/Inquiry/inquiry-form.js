// The inquiry form's small helps (/inquiry): the error summary takes focus, the description's counter counts down,
// and 送信 goes once. The form works without it. Texts come from the page (data-*); this file holds no display text.
(function () {
    var summary = document.getElementById('error-summary');
    if (summary) { summary.focus(); }
    var area = document.getElementById('description');
    var counter = document.getElementById('description-counter');
    if (area && counter) {
        var max = parseInt(area.getAttribute('data-max'), 10);
        var update = function () {
            var left = max - area.value.length;
            counter.textContent = (left >= 0 ? counter.getAttribute('data-template') : counter.getAttribute('data-over-template')).replace('{0}', String(Math.abs(left)));
            counter.classList.toggle('over', left < 0);
        };
        area.addEventListener('input', update);
        update();
    }
    // One 送信 per page: a second click while the first is on its way does nothing (the server also returns the
    // first case for a repeated submission).
    document.querySelectorAll('button[data-once]').forEach(function (button) {
        button.form.addEventListener('submit', function (event) {
            if (event.submitter !== button) { return; }
            if (button.getAttribute('aria-disabled') === 'true') { event.preventDefault(); return; }
            button.setAttribute('aria-disabled', 'true');
        });
    });
})();
