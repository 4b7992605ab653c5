// Starts Pagefind's search box on the search page. A file of its own because the page's
// Content-Security-Policy forbids inline scripts. Pagefind picks the index of <html lang>.
window.addEventListener('DOMContentLoaded', function () {
  if (typeof PagefindUI === 'undefined') return;
  new PagefindUI({ element: '#search', showImages: false, showSubResults: true, resetStyles: false });
});
