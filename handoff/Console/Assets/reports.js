// The report pages' charts (Chart.js, embedded at build time). Each <canvas data-chart="bar|line" data-table="id"
// data-columns="0,3,5"> draws the named columns of the table beside it: the numbers come from the table the reader
// also sees, so the chart and the table cannot disagree, and the page needs no inline script (strict CSP).
(function () {
    'use strict';
    var colours = ['#1f5fa8', '#2e7d32', '#c62828', '#6a1b9a', '#ef6c00'];

    function number(text) {
        var value = parseFloat(text.replace(/[,%\s]/g, ''));
        return isNaN(value) ? null : value;
    }

    function draw(canvas) {
        var table = document.getElementById(canvas.dataset.table);
        if (!table || typeof Chart === 'undefined') {
            return;
        }

        var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (cell) { return cell.textContent.trim(); });
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        var labels = rows.map(function (row) { return row.cells[0].textContent.trim(); });
        var datasets = canvas.dataset.columns.split(',').map(function (index, i) {
            var column = parseInt(index, 10) + 1;
            return {
                label: headers[column],
                data: rows.map(function (row) { return number(row.cells[column].textContent); }),
                backgroundColor: colours[i % colours.length],
                borderColor: colours[i % colours.length],
                tension: 0.2
            };
        });
        new Chart(canvas, {
            type: canvas.dataset.chart,
            data: { labels: labels, datasets: datasets },
            options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } }
        });
    }

    document.querySelectorAll('canvas[data-chart]').forEach(draw);
})();
