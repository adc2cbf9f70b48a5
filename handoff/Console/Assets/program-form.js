// Program forms in the console (代行入力): the 住所を検索 button fills a postal field's address from /api/postal, and the
// error summary takes focus. The page works without it (the read-back step fills the address on the server).
(function () {
    var summary = document.getElementById('form-errors');
    if (summary) { summary.focus(); }
    document.querySelectorAll('button.postal-lookup').forEach(function (button) {
        var code = document.getElementById(button.getAttribute('data-code'));
        var address = document.getElementById(button.getAttribute('data-address'));
        if (!code || !address) { return; }
        button.hidden = false;
        button.addEventListener('click', function () {
            fetch('/api/postal/' + encodeURIComponent(code.value.trim()), { headers: { Accept: 'application/json' } })
                .then(function (response) { return response.ok ? response.json() : []; })
                .then(function (candidates) {
                    if (candidates.length > 0 && !address.value) { address.value = candidates[0].prefecture + candidates[0].city + candidates[0].town; }
                    address.focus();
                })
                .catch(function () { address.focus(); });
        });
    });
})();
