// The case console's small helps (/console/cases, /console/cases/new, /console/cases/{id}). The pages work without it:
// every form posts to the server. With it, 「住所を検索」 fills the address from /api/postal/{code}, a reply template fills
// subject and body from /api/cases/{id}/templates/{templateId} without a round trip, and an error summary takes focus.
// Labels come from the page (#cases-texts); this file holds no display text.
(() => {
  'use strict';

  const island = document.getElementById('cases-texts');
  const texts = island ? JSON.parse(island.textContent || '{}') : {};
  const t = (key) => texts[key] ?? key;
  const $ = (id) => document.getElementById(id);

  // An error summary (a refused save or query) is read out first and its links lead to the fields.
  const summary = document.querySelector('.error-summary');
  if (summary) {
    summary.focus();
  }

  // ---- 住所を検索 -------------------------------------------------------------------------------------------------
  const lookup = $('postal-lookup');
  const postal = $('f-postalCode');
  const address = $('f-address');
  const status = $('postal-status');
  const pick = $('postal-pick');
  const choices = $('postal-choices');
  if (lookup && postal && address && status && pick && choices) {
    lookup.hidden = false;
    let candidates = [];

    const fill = (candidate) => {
      address.value = candidate.address || [candidate.prefecture, candidate.city, candidate.town].filter(Boolean).join('');
      status.textContent = t('CasesUi_Js_PostalFilled');
    };

    choices.addEventListener('change', () => {
      const candidate = candidates[Number(choices.value)];
      if (candidate) {
        fill(candidate);
      }
    });

    lookup.addEventListener('click', async () => {
      pick.hidden = true;
      candidates = [];
      const digits = postal.value.normalize('NFKC').replace(/[^0-9]/g, '');
      if (digits.length !== 7) {
        status.textContent = t('CasesUi_Js_PostalInvalid');
        return;
      }

      status.textContent = t('CasesUi_Js_PostalSearching');
      lookup.disabled = true;
      try {
        const response = await fetch('/api/postal/' + encodeURIComponent(digits), { headers: { Accept: 'application/json' } });
        if (response.status === 404) {
          status.textContent = t('CasesUi_Js_PostalNotFound');
        } else if (response.status === 400) {
          status.textContent = t('CasesUi_Js_PostalInvalid');
        } else if (!response.ok) {
          status.textContent = t('CasesUi_Js_PostalError');
        } else {
          const found = await response.json();
          candidates = Array.isArray(found) ? found : [];
          if (candidates.length === 0) {
            status.textContent = t('CasesUi_Js_PostalNotFound');
          } else if (candidates.length === 1) {
            fill(candidates[0]);
          } else {
            choices.replaceChildren(new Option(t('CasesUi_Js_PostalPick'), ''),
              ...candidates.map((c, i) => new Option(c.address || [c.prefecture, c.city, c.town].filter(Boolean).join(''), String(i))));
            pick.hidden = false;
            status.textContent = t('CasesUi_Js_PostalMany').replace('{0}', String(candidates.length));
            choices.focus();
          }
        }
      } catch (error) {
        status.textContent = t('CasesUi_Js_PostalError');
      } finally {
        lookup.disabled = false;
      }
    });
  }

  // ---- reply templates ----------------------------------------------------------------------------------------------
  const root = $('case');
  const template = $('reply-template');
  const templateFill = $('reply-template-fill');
  const subject = $('reply-subject');
  const body = $('reply-body');
  const templateStatus = $('reply-template-status');
  if (root && template && templateFill && subject && body && templateStatus) {
    templateFill.addEventListener('click', async (event) => {
      if (!template.value) {
        return; // The server answers with its message.
      }

      event.preventDefault();
      try {
        const response = await fetch(`/api/cases/${root.dataset.caseId}/templates/${encodeURIComponent(template.value)}`, { headers: { Accept: 'application/json' } });
        if (!response.ok) {
          throw new Error(String(response.status));
        }

        const filled = await response.json();
        subject.value = filled.subject;
        body.value = filled.body;
        templateStatus.textContent = t('CasesUi_Js_TemplateFilled');
        body.focus();
      } catch (error) {
        templateStatus.textContent = t('CasesUi_Js_TemplateError');
      }
    });
  }

  // ---- FAQ提案 ------------------------------------------------------------------------------------------------------
  // Proposes an FAQ from this case to the FAQ editors. The FAQ module owns proposals; the browser posts to its API.
  const proposal = $('faq-proposal');
  const proposalForm = $('faq-proposal-form');
  const proposalStatus = $('faq-proposal-status');
  if (root && proposal && proposalForm && proposalStatus) {
    proposal.hidden = false;
    proposalForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      proposalStatus.textContent = '';
      try {
        const response = await fetch('/api/faq/proposals', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({
            question: $('faq-proposal-question').value,
            answer: $('faq-proposal-answer').value,
            citizenQuestion: $('faq-proposal-citizen').value,
            source: 'case',
            caseId: root.dataset.caseId,
          }),
        });
        if (!response.ok) {
          const problem = await response.json().catch(() => null);
          const messages = problem && problem.errors ? Object.values(problem.errors).flat() : [];
          proposalStatus.textContent = messages.length ? messages.join(' ') : t('CasesUi_Js_FaqProposalRefused');
          return;
        }
        $('faq-proposal-answer').value = '';
        proposalStatus.textContent = t('CasesUi_Js_FaqProposalSent');
      } catch {
        proposalStatus.textContent = t('CasesUi_Js_FaqProposalRefused');
      }
    });
  }
})();
