// enhance.js: small extras when JavaScript is on. Every page works
// without it: the print button is only added here, and the present
// screen's arrow keys only follow its own Back and Next links.
(function () {
  'use strict';
  var slot = document.querySelector('[data-print-slot]');
  if (slot && window.print) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary';
    b.textContent = 'Print or save as PDF';
    b.addEventListener('click', function () { window.print(); });
    slot.appendChild(b);
  }
  if (document.querySelector('.present')) {
    document.addEventListener('keydown', function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey) { return; }
      var rel = e.key === 'ArrowRight' ? 'next' :
        e.key === 'ArrowLeft' ? 'prev' : null;
      var a = rel && document.querySelector('.present a[rel="' + rel + '"]');
      if (a) { window.location.href = a.href; }
    });
  }
  // "Leave this site quickly": the link works on its own; here it also
  // replaces this page in the history, so Back does not return to it.
  var exit = document.querySelector('[data-quick-exit]');
  if (exit) {
    exit.addEventListener('click', function (e) {
      e.preventDefault();
      window.location.replace(exit.href);
    });
  }
  // The error summary has autofocus; some browsers skip it on a page
  // reached by a form post, so focus it here too.
  var errs = document.querySelector('[data-error-summary]');
  if (errs && document.activeElement !== errs) { errs.focus(); }
  // The menu is shown open on wide screens by site.css; browsers without
  // ::details-content need it opened here.
  var menu = document.querySelector('details.menu');
  if (menu && window.matchMedia) {
    var wide = window.matchMedia('(min-width: 48rem)');
    var sync = function () { if (wide.matches) { menu.open = true; } };
    sync();
    if (wide.addEventListener) { wide.addEventListener('change', sync); }
  }
}());
