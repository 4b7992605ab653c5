// Live character counts for the summary and the SMS text. Everything else works without it: the
// server counts too, and refuses a text that is too long.
(() => {
  const lang = document.documentElement.lang;
  const say = (n, max) =>
    lang === 'sv'
      ? `${n} av ${max} tecken${n > max ? `: ${n - max} för många` : ''}`
      : `${n} of ${max} characters${n > max ? `: ${n - max} too many` : ''}`;
  for (const out of document.querySelectorAll('[data-count-for]')) {
    const field = document.getElementById(out.dataset.countFor);
    if (!field) continue;
    const max = Number(field.dataset.max);
    const update = () => {
      const n = [...field.value.replace(/\r\n/g, '\n')].length;
      out.textContent = say(n, max);
      out.classList.toggle('over', n > max);
    };
    field.addEventListener('input', update);
  }
})();
