// The retraining console (/console/faq/ranking/models): while a training run is queued or running, polls its status
// and updates the progress bar and the live message; the page works without this script (reload to see progress).
(function () {
  'use strict';
  var section = document.getElementById('training-run');
  if (!section) {
    return;
  }
  var status = section.getAttribute('data-run-status');
  if (status !== 'queued' && status !== 'running') {
    return;
  }
  var api = section.getAttribute('data-api');
  var bar = document.getElementById('training-progress');
  var text = document.getElementById('training-progress-text');
  var link = document.getElementById('training-result-link');
  var shown = text.textContent;

  function format(template, values) {
    return template.replace(/\{(\d+)\}/g, function (_, i) { return String(values[Number(i)]); });
  }

  // Only a changed message is written, so screen readers announce each step once.
  function show(message) {
    if (message && message !== shown) {
      text.textContent = message;
      shown = message;
    }
  }

  function update(run) {
    var done = run.progress.length;
    var of = done > 0 ? run.progress[done - 1].of : Number(bar.getAttribute('max'));
    bar.max = of;
    bar.value = done;
    bar.textContent = done + '/' + of;
    if (run.status === 'queued') {
      show(section.getAttribute('data-text-queued'));
      return true;
    }
    if (run.status === 'running') {
      if (done === 0) {
        show(section.getAttribute('data-text-started'));
      } else {
        var last = run.progress[done - 1];
        show(format(section.getAttribute('data-text-running'), [done, of, last.trees, last.validationNdcg.toFixed(3)]));
      }
      return true;
    }
    section.setAttribute('data-run-status', run.status);
    show(section.getAttribute(run.status === 'succeeded' ? 'data-text-succeeded' : 'data-text-failed'));
    link.hidden = false;
    return false;
  }

  function poll() {
    fetch(api, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (run) {
        if (update(run)) {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }

  window.setTimeout(poll, 1000);
})();
