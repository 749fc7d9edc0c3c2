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
  // Never lose a child's words. If the connection drops as Send is
  // pressed, the phone shows its own error page, and Back brings the form
  // back empty. So what is typed is kept in this tab (sessionStorage: it
  // ends with the tab, and phones are shared) until the server says it
  // got it, and put back into the same form if that comes back empty.
  // Never kept: a form with a password in it, a field that says
  // autocomplete="off" (sign-in names, codes), hidden fields.
  var box = null;
  try { box = window.sessionStorage; } catch (e) { box = null; }
  if (box && window.JSON && window.URL) {
    var read = function (key) {
      try { return JSON.parse(box.getItem('words:' + key)); } catch (e) { return null; }
    };
    var write = function (key, value) {
      try {
        if (value === null) { box.removeItem('words:' + key); }
        else { box.setItem('words:' + key, JSON.stringify(value)); }
      } catch (e) {
        // Full: better no copy than an older one put back as the newest.
        try { box.removeItem('words:' + key); } catch (e2) { /* turned off */ }
      }
    };
    var forget = function () {
      try {
        for (var i = box.length - 1; i >= 0; i--) {
          if (String(box.key(i)).indexOf('words:') === 0) { box.removeItem(box.key(i)); }
        }
      } catch (e) { /* nothing kept */ }
    };
    // Kept words are only for the person who typed them: if someone else
    // signs in on this tab, they go.
    if (document.querySelector('.site-header')) {
      var me = document.querySelector('.signed-in-as strong');
      var who = me ? me.textContent : '';
      if (read('who') !== who) { forget(); write('who', who); }
    }
    var fieldsOf = function (form) {
      if (form.querySelector('input[type="password"]')) { return []; }
      return Array.prototype.filter.call(
        form.querySelectorAll('textarea, input[type="text"]'), function (t) {
          return (t.id || t.name) && !t.readOnly && !t.disabled &&
            t.getAttribute('autocomplete') !== 'off';
        });
    };
    var nameOf = function (t) { return t.id || t.name; };
    // Kept by the path the form is sent to. (getAttribute: a field named
    // "action" hides form.action.)
    var pathOf = function (form) {
      return new URL(form.getAttribute('action') || '', location.href).pathname;
    };
    // A paste far longer than any field takes (5,000 characters at most)
    // is not kept: copying it at every key would stall a cheap phone.
    var keep = function (form) {
      var kept = read(pathOf(form)) || {};
      fieldsOf(form).forEach(function (t) {
        if (t.value.trim() && t.value.length <= 20000) { kept[nameOf(t)] = t.value; }
        else { delete kept[nameOf(t)]; }
      });
      write(pathOf(form), Object.keys(kept).length ? kept : null);
    };
    var drop = function (path, names) {
      var kept = read(path) || {};
      names.forEach(function (n) { delete kept[n]; });
      write(path, Object.keys(kept).length ? kept : null);
    };
    // The page a send led to. The server got it unless this page is an
    // error, or the form again with what to fix; and only if this page
    // really is the answer to it: not reached by Back, and asked for by
    // the page the form was on (a link pressed while sending is not).
    var sent = read('sent');
    write('sent', null);
    var nav = window.performance && performance.getEntriesByType ?
      performance.getEntriesByType('navigation')[0] : null;
    if (sent && document.referrer === sent.from &&
        !(nav && (nav.type === 'back_forward' || nav.responseStatus >= 400)) &&
        !document.querySelector('[data-error-summary], .error-page')) {
      drop(sent.path, sent.names);
    }
    document.addEventListener('click', function (e) {
      if (e.target.closest && e.target.closest('a[href]')) { write('sent', null); }
    });
    // A page Back shows as it was left: nothing was answered.
    window.addEventListener('pageshow', function (e) {
      if (e.persisted) { write('sent', null); }
    });
    // "Sending…" on the button pressed, and a second press does nothing,
    // until the page is left. Back (pageshow) makes it a button again, and
    // so do 30 seconds, for a send the browser gave up on or was stopped.
    var sending = function (form, button) {
      var label = button ? Array.prototype.slice.call(button.childNodes) : [];
      form.setAttribute('data-sending', '');
      if (button) { button.textContent = 'Sending\u2026'; }
      var done = function () {
        if (!form.hasAttribute('data-sending')) { return; }
        form.removeAttribute('data-sending');
        if (button) {
          button.textContent = '';
          label.forEach(function (n) { button.appendChild(n); });
        }
      };
      window.addEventListener('pageshow', done);
      setTimeout(done, 30000);
    };
    document.querySelectorAll('form[method="post"]').forEach(function (form) {
      var fields = fieldsOf(form);
      if (!fields.length) { return; }
      // Back again, and empty: put the words back, never over words the
      // server filled in (a form it refused comes back with them).
      var kept = read(pathOf(form));
      var empty = fields.every(function (t) { return t.value === ''; });
      var back = false;
      if (kept && empty) {
        fields.forEach(function (t) {
          if (kept[nameOf(t)]) { t.value = kept[nameOf(t)]; back = true; }
        });
      }
      if (back) {
        var note = document.createElement('div');
        note.className = 'notice';
        note.setAttribute('role', 'status');
        note.setAttribute('data-words-back', '');
        form.parentNode.insertBefore(note, form);
        // Filled once it is on the page, so that a screen reader says it.
        setTimeout(function () {
          var p = document.createElement('p');
          p.textContent = 'We put back what you typed before. Check it, ' +
            'then press Send again.';
          note.appendChild(p);
        }, 100);
      }
      var timer = null;
      var now = function () { clearTimeout(timer); timer = null; keep(form); };
      form.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(now, 300);
      });
      // Typed just before a link was pressed: kept as the page goes.
      window.addEventListener('pagehide', function () { if (timer) { now(); } });
      form.addEventListener('submit', function (e) {
        if (e.defaultPrevented) { return; }
        if (form.hasAttribute('data-sending')) { e.preventDefault(); return; }
        now();
        write('sent', { path: pathOf(form), names: fields.map(nameOf),
          from: location.href.split('#')[0] });
        sending(form, e.submitter || form.querySelector('button[type="submit"]'));
      });
    });
    // Signing out, or leaving quickly: nothing typed stays on the phone.
    var out = document.querySelector('form[action="/logout"]');
    if (out) { out.addEventListener('submit', forget); }
    var quick = document.querySelector('[data-quick-exit]');
    if (quick) { quick.addEventListener('click', forget); }
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
