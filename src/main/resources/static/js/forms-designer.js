/*
 * The form designer's field-by-field builder (forms/designer.html). The definition lives in the page's JSON box
 * (#definition, the advanced view the server reads); the builder renders it as cards from the page's <template>s,
 * writes every change back into the box, and shows the server's problems (data-path = the definition's path, e.g.
 * sections[0].fields[1].options) at the field they concern. No inline script or style: the CSP forbids them.
 */
(function () {
  'use strict';

  var NUMERIC = 'NUMBER INTEGER MONEY PERCENTAGE';
  var box = document.getElementById('definition');
  var builder = document.getElementById('fb-builder');
  var form = document.getElementById('designer-form');
  if (!box || !builder || !form) {
    return;
  }
  var sectionTpl = document.getElementById('fb-section-tpl');
  var fieldTpl = document.getElementById('fb-field-tpl');
  var def = null;

  function shows(type, types) {
    return types.split(' ').indexOf(type) >= 0;
  }

  function text(value) {
    return value === undefined || value === null ? '' : String(value).trim();
  }

  function message(key, n) {
    return (builder.dataset[key] || '').replace('{0}', n);
  }

  // --- reading and writing the JSON box ------------------------------------------------------------

  function load() {
    try {
      var parsed = JSON.parse(box.value || '{}');
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new Error('not an object');
      }
      parsed.sections = Array.isArray(parsed.sections) ? parsed.sections : [];
      parsed.sections.forEach(function (s) {
        s.fields = Array.isArray(s.fields) ? s.fields : [];
      });
      def = parsed;
      return true;
    } catch (e) {
      def = null;
      builder.textContent = builder.dataset.msgBadJson;
      document.getElementById('fb-advanced').open = true;
      return false;
    }
  }

  function number(value) {
    var t = text(value);
    if (t === '') {
      return undefined;
    }
    // plain decimals of up to 15 digits travel as JSON numbers; anything else as typed, for the server to name
    return /^-?\d{1,15}(\.\d{1,6})?$/.test(t) && t.replace(/[-.]/g, '').length <= 15 ? Number(t) : t;
  }

  function options(value) {
    var list = Array.isArray(value) ? value : text(value).split(/\r?\n/);
    return list.map(text).filter(function (o) { return o !== ''; });
  }

  function cleanField(f) {
    var type = f.type || 'NUMBER';
    var out = {code: text(f.code), label: text(f.label), type: type};
    if (text(f.labelEn)) { out.labelEn = text(f.labelEn); }
    if (f.required === true) { out.required = true; }
    if (shows(type, 'NUMBER INTEGER') && text(f.unit)) { out.unit = text(f.unit); }
    if (shows(type, 'NUMBER MONEY') && text(f.scale) && text(f.scale) !== '1') { out.scale = Number(f.scale); }
    if (shows(type, NUMERIC)) {
      if (number(f.min) !== undefined) { out.min = number(f.min); }
      if (number(f.max) !== undefined) { out.max = number(f.max); }
      if (text(f.atMost)) { out.atMost = text(f.atMost); }
      if (text(f.indicator)) { out.indicator = text(f.indicator); }
      if (text(f.city)) { out.city = text(f.city); }
    }
    if (shows(type, 'NUMBER MONEY PERCENTAGE') && text(f.decimals) !== '') { out.decimals = parseInt(f.decimals, 10); }
    if (shows(type, 'CHOICE MULTI_CHOICE')) { out.options = options(f.options); }
    if (text(f.help)) { out.help = text(f.help); }
    if (type === 'TABLE') { out.columns = (f.columns || []).map(cleanField); }
    return out;
  }

  function write() {
    var out = {title: text(def.title)};
    if (text(def.instructions)) { out.instructions = text(def.instructions); }
    out.sections = def.sections.map(function (s) {
      var section = {title: text(s.title)};
      if (text(s.help)) { section.help = text(s.help); }
      section.fields = s.fields.map(cleanField);
      return section;
    });
    box.value = JSON.stringify(out, null, 2);
  }

  // --- paths: sections[0], sections[0].fields[1], sections[0].fields[1].columns[2] --------------------

  function resolve(path) {
    var m = /^sections\[(\d+)\](?:\.fields\[(\d+)\](?:\.columns\[(\d+)\])?)?$/.exec(path);
    var section = def.sections[+m[1]];
    if (m[2] === undefined) {
      return {list: def.sections, index: +m[1], item: section};
    }
    var field = section.fields[+m[2]];
    if (m[3] === undefined) {
      return {list: section.fields, index: +m[2], item: field, siblings: section.fields};
    }
    field.columns = field.columns || [];
    return {list: field.columns, index: +m[3], item: field.columns[+m[3]], siblings: field.columns};
  }

  function idOf(path) {
    return 'fb-' + path.replace(/sections\[(\d+)\]/, 's$1').replace(/\.fields\[(\d+)\]/, '-f$1')
      .replace(/\.columns\[(\d+)\]/, '-c$1');
  }

  function nextCode(list, prefix) {
    var used = {};
    list.forEach(function (f) { used[text(f.code)] = true; });
    var n = list.length + 1;
    while (used[prefix + n]) { n++; }
    return prefix + n;
  }

  function allFields() {
    var all = [];
    def.sections.forEach(function (s) { all = all.concat(s.fields); });
    return all;
  }

  // --- rendering ------------------------------------------------------------------------------------

  function bind(card, path, item) {
    card.dataset.path = path;
    card.querySelectorAll(':scope > .fb-props [data-prop]').forEach(function (el) {
      var prop = el.dataset.prop;
      el.id = idOf(path) + '-' + prop;
      var label = el.parentElement.querySelector('label');
      if (label) { label.htmlFor = el.id; }
      var value = item[prop];
      if (el.type === 'checkbox') {
        el.checked = value === true;
      } else if (prop === 'options') {
        el.value = options(value).join('\n');
      } else if (prop !== 'atMost') {
        el.value = value === undefined || value === null ? '' : String(value);
      }
    });
  }

  function showFor(card, type) {
    card.dataset.type = type;
    card.querySelectorAll(':scope > .fb-props > [data-show], :scope > [data-show]').forEach(function (el) {
      el.hidden = !shows(type, el.dataset.show);
    });
  }

  function fillAtMost(card, item, siblings) {
    var select = card.querySelector(':scope > .fb-props [data-prop="atMost"]');
    while (select.options.length > 1) { select.remove(1); }
    siblings.forEach(function (other) {
      if (other !== item && shows(other.type || 'NUMBER', NUMERIC) && text(other.code)) {
        select.add(new Option(text(other.label) || text(other.code), text(other.code)));
      }
    });
    select.value = text(item.atMost);
  }

  function fieldCard(item, path, siblings, column, n) {
    var card = fieldTpl.content.firstElementChild.cloneNode(true);
    item.type = item.type || (column ? 'TEXT' : 'NUMBER');
    card.querySelector('.fb-number').textContent = message(column ? 'msgColumn' : 'msgField', n);
    if (column) {
      card.classList.add('fb-column');
      card.querySelector(':scope > .fb-columns').remove();
      card.querySelectorAll('[data-prop="type"] option[value="TABLE"], [data-prop="type"] option[value="FILE"]')
        .forEach(function (o) { o.remove(); });
    }
    bind(card, path, item);
    showFor(card, item.type);
    fillAtMost(card, item, siblings);
    if (!column) {
      var list = card.querySelector(':scope > .fb-columns > .fb-list');
      (item.columns || []).forEach(function (c, k) {
        list.appendChild(fieldCard(c, path + '.columns[' + k + ']', item.columns, true, k + 1));
      });
    }
    return card;
  }

  function render() {
    builder.textContent = '';
    document.querySelectorAll('[data-form-prop]').forEach(function (el) {
      el.value = text(def[el.dataset.formProp]);
    });
    def.sections.forEach(function (s, i) {
      var card = sectionTpl.content.firstElementChild.cloneNode(true);
      card.querySelector('.fb-number').textContent = message('msgSection', i + 1);
      bind(card, 'sections[' + i + ']', s);
      var list = card.querySelector(':scope > .fb-list');
      s.fields.forEach(function (f, j) {
        list.appendChild(fieldCard(f, 'sections[' + i + '].fields[' + j + ']', s.fields, false, j + 1));
      });
      if (!s.fields.length) {
        var none = document.createElement('p');
        none.className = 'small text-body-secondary';
        none.textContent = builder.dataset.msgNone;
        list.appendChild(none);
      }
      builder.appendChild(card);
    });
    placeErrors();
  }

  // --- problems at their fields ---------------------------------------------------------------------

  function placeErrors() {
    document.querySelectorAll('.fb-error').forEach(function (e) { e.remove(); });
    document.querySelectorAll('#designer-errors li[data-path], #preview-errors li[data-path]').forEach(function (li) {
      var path = li.dataset.path;
      var control = null;
      var card = null;
      var m = /^(.*\])\.([A-Za-z]+)$/.exec(path);
      if (!m && /^[A-Za-z]+$/.test(path)) {
        control = document.querySelector('[data-form-prop="' + path + '"]');
      } else {
        card = builder.querySelector('[data-path="' + (m ? m[1] : path) + '"]');
        control = m && card ? card.querySelector(':scope > .fb-props [data-prop="' + m[2] + '"]') : null;
      }
      var note = document.createElement('div');
      note.className = 'invalid-feedback d-block fb-error';
      note.textContent = li.textContent;
      if (control) {
        control.classList.add('is-invalid');
        control.setAttribute('aria-invalid', 'true');
        (control.type === 'checkbox' ? control.parentElement.parentElement : control.parentElement).appendChild(note);
      } else if (card) {
        card.querySelector(':scope > .fb-card-errors').appendChild(note);
      }
    });
  }

  function forgetErrorPlaces() {
    // after a field moved or was removed the server's paths no longer point at it: the list stays, the marks go
    document.querySelectorAll('#designer-errors li[data-path], #preview-errors li[data-path]').forEach(function (li) {
      li.removeAttribute('data-path');
    });
  }

  // --- editing --------------------------------------------------------------------------------------

  function edited(event) {
    var el = event.target;
    if (el === box) {
      // the advanced view: read once the person leaves the box, not at every keystroke
      if (event.type === 'change' && load()) { render(); }
      return;
    }
    if (!def) {
      return;
    }
    if (el.dataset.formProp) {
      def[el.dataset.formProp] = el.value;
      write();
      return;
    }
    var card = el.dataset.prop ? el.closest('[data-path]') : null;
    if (!card) {
      return;
    }
    var at = resolve(card.dataset.path);
    at.item[el.dataset.prop] = el.type === 'checkbox' ? el.checked : el.value;
    el.classList.remove('is-invalid');
    el.removeAttribute('aria-invalid');
    if (el.dataset.prop === 'type') {
      showFor(card, el.value);
    }
    if (at.siblings && ['label', 'code', 'type'].indexOf(el.dataset.prop) >= 0) {
      card.parentElement.querySelectorAll(':scope > [data-path]').forEach(function (other) {
        var o = resolve(other.dataset.path);
        fillAtMost(other, o.item, o.siblings);
      });
    }
    write();
  }

  function act(event) {
    var button = event.target.closest('[data-act]');
    if (!button || !def) {
      return;
    }
    var action = button.dataset.act;
    var focus = null;
    if (action === 'add-section') {
      def.sections.push({title: '', fields: []});
      focus = idOf('sections[' + (def.sections.length - 1) + ']') + '-title';
    } else {
      var card = button.closest('[data-path]');
      var at = resolve(card.dataset.path);
      if (action === 'add-field') {
        at.item.fields.push({code: nextCode(allFields(), 'f'), label: '', type: 'NUMBER'});
        focus = idOf(card.dataset.path + '.fields[' + (at.item.fields.length - 1) + ']') + '-label';
      } else if (action === 'add-column') {
        at.item.columns = at.item.columns || [];
        at.item.columns.push({code: nextCode(at.item.columns, 'c'), label: '', type: 'TEXT'});
        focus = idOf(card.dataset.path + '.columns[' + (at.item.columns.length - 1) + ']') + '-label';
      } else if (action === 'remove') {
        at.list.splice(at.index, 1);
      } else if (action === 'up' || action === 'down') {
        var to = at.index + (action === 'up' ? -1 : 1);
        if (to < 0 || to >= at.list.length) {
          return;
        }
        at.list.splice(at.index, 1);
        at.list.splice(to, 0, at.item);
      }
    }
    forgetErrorPlaces();
    render();
    write();
    var target = focus && document.getElementById(focus);
    if (target) {
      target.focus();
    }
  }

  form.addEventListener('input', edited);
  form.addEventListener('change', edited);
  form.addEventListener('click', act);
  document.body.addEventListener('htmx:afterSwap', function (event) {
    if (event.detail.target && event.detail.target.id === 'designer-preview') {
      placeErrors();
    }
  });
  if (load()) {
    render();
    write();
  }
}());
