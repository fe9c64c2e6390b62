// The search box of the HTML reference (errors.html), inlined into the page: it shows the
// statuses and error codes that hold the typed text and hides the others. Without this script
// the page shows everything and the box stays hidden. Plain JavaScript (no modules), no network.
(function filterReference() {
  'use strict';
  const search = document.getElementById('search');
  const input = document.getElementById('filter');
  const count = document.getElementById('filter-count');
  if (search === null || input === null || count === null) return;
  search.hidden = false;

  /**
   * The statuses and their code rows with the text each is found by, in lower case: a status by
   * its heading and description, a row by its code, message and details (not its example body,
   * whose member names every row shares). Read once, on first use.
   */
  let index = null;
  function buildIndex() {
    const sections = document.querySelectorAll('section.status');
    const entries = [];
    for (let i = 0; i < sections.length; i += 1) {
      const section = sections[i];
      const heading = section.querySelector('h3');
      const about = section.querySelector('.about');
      const rows = section.querySelectorAll('tbody > tr');
      const found = [];
      for (let j = 0; j < rows.length; j += 1) {
        const cells = rows[j].cells;
        let text = '';
        for (let k = 0; k < cells.length; k += 1) {
          if (!cells[k].classList.contains('body')) text += cells[k].textContent + '\n';
        }
        found.push({ row: rows[j], text: text.toLowerCase() });
      }
      const own = (heading === null ? '' : heading.textContent) + '\n' + (about === null ? '' : about.textContent);
      entries.push({ section: section, text: own.toLowerCase(), rows: found });
    }
    return entries;
  }

  /** The link of the first status or code shown: where Enter goes. */
  let first = null;

  /** Shows what holds the query (a status that does, with all its codes), hides the rest; says how much is shown. */
  function apply() {
    const query = input.value.trim().toLowerCase();
    if (index === null) index = buildIndex();
    first = null;
    let statuses = 0;
    let codes = 0;
    let allCodes = 0;
    for (let i = 0; i < index.length; i += 1) {
      const entry = index[i];
      const whole = query === '' || entry.text.indexOf(query) !== -1;
      let any = false;
      for (let j = 0; j < entry.rows.length; j += 1) {
        const row = entry.rows[j];
        const shown = whole || row.text.indexOf(query) !== -1;
        // Only what changes is touched: 10,000 rows re-laid out on every key would be slow.
        if (row.row.hidden === shown) row.row.hidden = !shown;
        if (shown) {
          if (first === null && !whole) first = row.row.querySelector('a');
          any = true;
          codes += 1;
        }
      }
      allCodes += entry.rows.length;
      if (first === null && whole) first = entry.section.querySelector('h3 a');
      const sectionShown = whole || any;
      if (entry.section.hidden === sectionShown) entry.section.hidden = !sectionShown;
      if (sectionShown) statuses += 1;
    }
    count.textContent =
      query === '' ? '' : statuses + ' of ' + index.length + ' statuses and ' + codes + ' of ' + allCodes + ' codes shown';
  }

  // One filtering per frame, however fast the keys come.
  let pending = 0;
  input.addEventListener('input', function () {
    if (pending === 0) {
      pending = requestAnimationFrame(function () {
        pending = 0;
        apply();
      });
    }
  });

  input.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && input.value !== '') {
      // Escape empties the box (before the browser does it for a search box): everything shows again.
      event.preventDefault();
      input.value = '';
      apply();
    } else if (event.key === 'Enter') {
      // Enter goes to the first status or code shown.
      event.preventDefault();
      apply();
      if (first !== null) first.focus();
    }
  });

  // "/" anywhere but in a text field goes to the search box, as on many documentation sites.
  document.addEventListener('keydown', function (event) {
    const target = event.target;
    const typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });

  // Following a link to a status or code the filter hides shows everything again, then goes there.
  window.addEventListener('hashchange', function () {
    let id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // Not percent-encoded text: the id as it is.
    }
    const target = document.getElementById(id);
    if (target !== null && target.closest('[hidden]') !== null) {
      input.value = '';
      apply();
      target.scrollIntoView();
    }
  });
})();
