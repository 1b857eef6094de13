/* global document */
// Progressive enhancement of the bid's forms. Without this script every part of them is shown and works; with it:
// - a group of fields that belongs to one answer of a question (the members of a consortium, the figures for each
//   year or each quarter) is shown only while that answer is chosen;
// - on a commitment page, the social value of the commitment and of the whole offer is worked out on the server as
//   the quantity is typed, and shown in the page's polite live region.

for (const group of document.querySelectorAll('[data-shown-for][data-shown-value]')) {
  const radios = [...(group.closest('form')?.querySelectorAll(`input[type="radio"][name="${group.dataset.shownFor}"]`) ?? [])];
  const sync = () => {
    group.hidden = !radios.some((radio) => radio.checked && radio.value === group.dataset.shownValue);
  };
  for (const radio of radios) radio.addEventListener('change', sync);
  sync();
}

const form = document.querySelector('form[data-value-url][data-measure-id]');
const quantity = form?.querySelector('input[name="quantity"]');
const outputs = {
  measure: document.querySelector('[data-bid-value="measure"]'),
  total: document.querySelector('[data-bid-value="total"]'),
  basis: document.querySelector('[data-bid-value="basis"]'),
};

let timer;
let latest = 0;

async function refresh() {
  const asked = ++latest;
  try {
    const response = await fetch(form.dataset.valueUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'x-csrf-token': form.querySelector('input[name="_csrf"]').value,
      },
      body: JSON.stringify({ measureId: form.dataset.measureId, quantity: quantity.value }),
    });
    if (!response.ok || asked !== latest) return;
    const value = await response.json();
    outputs.measure.textContent = value.measure.text;
    outputs.total.textContent = value.total.text;
    outputs.basis.textContent = 'From what you have typed. Save to keep it.';
  } catch {
    // The figures stay as they were; saving the form still shows the value worked out from the saved bid.
  }
}

if (form && quantity && outputs.measure && outputs.total && outputs.basis) {
  quantity.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
}
