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
  // A form longer than the server takes (kore.conf's http_body_max) is
  // refused by Kore with a blank page, before the portal can keep the
  // words. So it is stopped here instead: nothing is sent, the words stay
  // in the form, and the page says how much to cut.
  var bodyMax = parseInt(document.body.getAttribute('data-body-max'), 10);
  // As sent: the browser sends each line break as CR LF ("%0D%0A"),
  // where URLSearchParams writes LF alone ("%0A").
  var sizeOf = function (form) {
    var s = new URLSearchParams(new FormData(form)).toString();
    return s.length + 3 * (s.split('%0A').length - 1);
  };
  var tooLong = function (form) {
    var over = sizeOf(form) - bodyMax + 1024;
    if (over <= 0) { return null; }
    var longest = null;
    form.querySelectorAll('textarea, input[type="text"]').forEach(function (t) {
      if (!longest || t.value.length > longest.value.length) { longest = t; }
    });
    var perChar = 1;
    if (longest && longest.value.length > 0) {
      perChar = new URLSearchParams({ w: longest.value }).toString().length /
        longest.value.length;
    }
    var cut = over / perChar;
    // A field's own limit, if it says one: the server holds it to that.
    var max = longest ? parseInt(longest.getAttribute('data-max'), 10) : 0;
    if (max > 0 && longest.value.length - max > cut) { cut = longest.value.length - max; }
    return { field: longest, cut: Math.ceil(cut / 100) * 100 };
  };
  if (bodyMax > 0 && window.URLSearchParams && window.FormData) {
    document.querySelectorAll('form[method="post"]').forEach(function (form) {
      form.addEventListener('submit', function (e) {
        var t = tooLong(form);
        var old = form.querySelector('.too-long');
        if (old) { old.remove(); }
        if (!t) { return; }
        e.preventDefault();
        var p = document.createElement('p');
        p.className = 'error-message too-long';
        p.setAttribute('role', 'alert');
        p.textContent = 'This is too long to send in one go, so nothing ' +
          'was sent. Your words are still here. Please cut about ' +
          t.cut.toLocaleString('en-GB') + ' characters, or send it in ' +
          'two parts.';
        // Just above the words to cut, where the focus takes the reader.
        var at = t.field || form.querySelector('button[type="submit"], button:not([type])');
        if (at) { at.parentNode.insertBefore(p, at); }
        else { form.appendChild(p); }
        if (t.field) { t.field.focus(); p.scrollIntoView({ block: 'center' }); }
      });
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
