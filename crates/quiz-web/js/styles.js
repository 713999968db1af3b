// The widget's stylesheet, adopted by every shadow root (one parsed copy per page).
// Theming: the --quiz-* custom properties and the ::part() names documented in README.md.
// One size source (issue 22): :host takes the reader's default font size (`medium`) or
// --quiz-font-size, and every length inside that follows text is in em, never rem (rem is the
// host page's <html> size, 62.5 % or 125 % on many sites). An em is the element's own font size,
// so where an element sets one, its other lengths are divided by it, rounded up in the 4th
// decimal: on a 1.15em heading, .75 / 1.15 = .6522em (a quotient a hair under 12px would lose
// 1/64 px to layout rounding). With a 16px default every size is the px it was before. Borders,
// outlines, radii and the 44px touch targets stay in px.
export const css = String.raw`
:host {
  all: initial;
  display: block;
  contain: content;
  --_font: var(--quiz-font, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
  --_mono: var(--quiz-font-mono, ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace);
  --_radius: var(--quiz-radius, 10px);
  --_bg: var(--quiz-background, #ffffff);
  --_fg: var(--quiz-text, #1a1d23);
  --_muted: var(--quiz-muted, #4d5563);
  --_border: var(--quiz-border, #c9ced6);
  --_accent: var(--quiz-accent, #1f56c4);
  --_on-accent: var(--quiz-on-accent, #ffffff);
  --_surface: var(--quiz-surface, #f4f5f7);
  --_right: var(--quiz-right, #136c2e);
  --_right-bg: #e6f4ea;
  --_wrong: var(--quiz-wrong, #b3261e);
  --_wrong-bg: #fbeae9;
  --_focus: var(--quiz-focus, #1f56c4);
  --_tok-kw: #7a1fa2; --_tok-str: #0b6b3a; --_tok-num: #9a4a00; --_tok-com: #5f6672; --_tok-bi: #1f56c4; --_tok-dec: #8a5300;
  font-family: var(--_font);
  font-size: var(--quiz-font-size, medium);
  /* Inherited properties a page sets on body, reset once: a page rule matching this element beats all: initial. */
  line-height: 1.5;
  letter-spacing: normal;
  word-spacing: normal;
  text-transform: none;
  text-align: start;
  white-space: normal;
  direction: ltr;
  color: var(--_fg);
}
/* A dir attribute on the element still sets its direction (the UA's own rule, which :host beats). */
:host([dir]:dir(rtl)) { direction: rtl; }
:host([hidden]) { display: none; }
.root[data-scheme="dark"] {
  --_bg: var(--quiz-background, #16181d);
  --_fg: var(--quiz-text, #e8eaed);
  --_muted: var(--quiz-muted, #b4bac4);
  --_border: var(--quiz-border, #4a505b);
  --_accent: var(--quiz-accent, #8fb3ff);
  --_on-accent: var(--quiz-on-accent, #0b1220);
  --_surface: var(--quiz-surface, #22252c);
  --_right: var(--quiz-right, #7ddc98);
  --_right-bg: #183522;
  --_wrong: var(--quiz-wrong, #ff9a90);
  --_wrong-bg: #3d1c1a;
  --_focus: var(--quiz-focus, #8fb3ff);
  --_tok-kw: #dcb0ff; --_tok-str: #9be3a8; --_tok-num: #ffc482; --_tok-com: #a9b1bb; --_tok-bi: #a8c8ff; --_tok-dec: #ffd27a;
}
* , *::before, *::after { box-sizing: border-box; }
.root {
  background: var(--_bg);
  color: var(--_fg);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  padding: clamp(.75em, 4vw, 1.5em);
  min-width: 0;
  max-width: 100%;
  overflow-wrap: anywhere;
}
h2 { font-size: 1.15em; line-height: 1.3; margin: 0 0 .6522em; }
h3 { font-size: 1em; line-height: 1.3; margin: 1.25em 0 .75em; }
p { margin: 0 0 .75em; }
ul, ol { margin: 0 0 .75em; padding-inline-start: 1.4em; }
code { font-family: var(--_mono); font-size: .9em; background: var(--_surface); padding: .05em .3em; border-radius: 4px; }
pre.code {
  font-family: var(--_mono); font-size: .875em; line-height: 1.45;
  background: var(--_surface); border: 1px solid var(--_border); border-radius: calc(var(--_radius) * .6);
  padding: .8572em 1.0286em; margin: 0 0 1.1429em; overflow-x: auto; white-space: pre; tab-size: 4;
}
pre.code code { background: none; padding: 0; font-size: inherit; }
.tok-kw { color: var(--_tok-kw); font-weight: 600; } .tok-str { color: var(--_tok-str); } .tok-num { color: var(--_tok-num); }
.tok-com { color: var(--_tok-com); font-style: italic; } .tok-bi { color: var(--_tok-bi); } .tok-dec { color: var(--_tok-dec); }
:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
[tabindex="-1"]:focus { outline: none; }
[tabindex="-1"]:focus-visible { outline: 3px solid var(--_focus); }
.btn {
  font: inherit; font-weight: 600; cursor: pointer; min-height: 44px; padding: .55em 1.1em;
  border-radius: calc(var(--_radius) * .8); border: 2px solid var(--_accent);
  background: transparent; color: var(--_accent); margin: .25em .5em .25em 0;
}
.btn-primary { background: var(--_accent); color: var(--_on-accent); }
.btn:hover { filter: brightness(1.08); }
.setup .field-row { display: flex; flex-wrap: wrap; gap: .75em 1.25em; margin-bottom: .5em; }
.field { display: flex; flex-direction: column; gap: .25em; margin-bottom: .75em; min-width: 0; }
.field-label { font-weight: 600; font-size: .9em; color: var(--_muted); }
.chips { display: flex; flex-wrap: wrap; gap: .5em; }
.chip {
  font: inherit; cursor: pointer; min-height: 44px; padding: .4em .9em; border-radius: 999px;
  border: 2px solid var(--_border); background: var(--_bg); color: var(--_fg); display: inline-flex; align-items: center; gap: .4em;
}
.chip[aria-pressed="true"] { border-color: var(--_accent); background: var(--_accent); color: var(--_on-accent); }
.chip-check:empty { display: none; }
.chip-count { opacity: .9; }
.select, .typed {
  font: inherit; color: var(--_fg); background: var(--_bg); border: 2px solid var(--_border);
  border-radius: calc(var(--_radius) * .6); padding: .45em .6em; min-height: 44px; max-width: 100%;
}
.typed { width: 100%; font-family: var(--_mono); }
.matching { color: var(--_muted); }
.question-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25em .75em; }
.question-head h2 { margin: 0; font-size: 1em; color: var(--_muted); }
.badge { font-size: .8em; font-weight: 700; padding: .125em .6875em; border-radius: 999px; border: 1px solid var(--_border); }
.badge-python { font-weight: 400; font-family: var(--_mono); }
.seed { font-size: .8em; color: var(--_muted); margin-inline-start: auto; }
p.seed { margin-bottom: .9375em; }
.progress {
  display: block; width: 100%; height: 6px; margin: .5em 0 1em; border: 0; border-radius: 999px;
  background: var(--_surface); color: var(--_accent); overflow: hidden; -webkit-appearance: none; appearance: none;
}
.progress::-webkit-progress-bar { background: var(--_surface); border-radius: 999px; }
.progress::-webkit-progress-value { background: var(--_accent); border-radius: 999px; transition: width .25s ease; }
.progress::-moz-progress-bar { background: var(--_accent); border-radius: 999px; }
/* The prompt's text at 1.05em; its code blocks stay at .875em of the widget's size. */
.prompt > p, .prompt > ul, .prompt > ol { font-size: 1.05em; margin-bottom: .7143em; }
.prompt > ul, .prompt > ol { padding-inline-start: 1.3334em; }
fieldset { border: 0; padding: 0; margin: 0; min-width: 0; }
.choices { list-style: none; padding: 0; margin: 0 0 1em; display: grid; gap: .5em; }
.choice label, .order-item {
  display: flex; align-items: center; gap: .65em; padding: .6em .8em; min-height: 44px;
  border: 2px solid var(--_border); border-radius: calc(var(--_radius) * .8); cursor: pointer; background: var(--_bg);
}
.choice input { font-size: inherit; width: 1.15em; height: 1.15em; margin: 0; flex: none; accent-color: var(--_accent); }
.choice-text { flex: 1; min-width: 0; }
.choice.is-right label, .order-item.is-right { border-color: var(--_right); background: var(--_right-bg); }
.choice.is-wrong label, .order-item.is-wrong { border-color: var(--_wrong); background: var(--_wrong-bg); }
.why { display: block; font-size: .9em; color: var(--_fg); padding: .3889em .8889em 0 2.8889em; }
code.out { white-space: pre-wrap; background: none; padding: 0; }
.mark { font-weight: 800; flex: none; }
.mark-right { color: var(--_right); } .mark-wrong { color: var(--_wrong); }
.hint { color: var(--_muted); font-size: .9em; }
p.hint { margin-bottom: .8334em; }
.order { list-style: none; padding: 0; display: grid; gap: .5em; }
.order-pos { font-weight: 700; color: var(--_muted); min-width: 1.2em; }
.order-text { flex: 1; min-width: 0; }
.order-buttons { display: flex; gap: .35em; }
.icon-btn {
  font: inherit; font-weight: 700; min-width: 44px; min-height: 44px; cursor: pointer; border-radius: 8px;
  border: 2px solid var(--_border); background: var(--_surface); color: var(--_fg);
}
.icon-btn:disabled { opacity: .45; cursor: default; }
.feedback { border-inline-start: 4px solid; padding: .6em .9em; margin: 0 0 1em; border-radius: 6px; background: var(--_surface); }
.feedback.is-right { border-color: var(--_right); } .feedback.is-wrong { border-color: var(--_wrong); }
.feedback.is-right .verdict { color: var(--_right); } .feedback.is-wrong .verdict { color: var(--_wrong); }
.right-answer .label, .label { font-weight: 600; }
.right-list { margin-top: .25em; }
.out-block { margin-top: .4em; }
.warn { color: var(--_wrong); font-weight: 600; }
.notice { padding: .6em .9em; border-radius: 6px; background: var(--_surface); border: 1px solid var(--_border); }
.score { font-size: 1.2em; margin-bottom: .625em; }
.breakdown { display: flex; flex-wrap: wrap; gap: 1em 2em; }
table { border-collapse: collapse; min-width: 12em; }
caption { text-align: start; font-weight: 700; padding-bottom: .25em; }
th, td { text-align: start; padding: .25em .75em .25em 0; border-bottom: 1px solid var(--_border); font-weight: normal; }
td { text-align: end; font-variant-numeric: tabular-nums; }
.review { padding-inline-start: 0; list-style: none; }
.review-item { border: 1px solid var(--_border); border-radius: 8px; margin-bottom: .5em; }
.review-item summary { cursor: pointer; padding: .6em .8em; min-height: 44px; }
.review-body { padding: 0 .8em .6em; }
.actions { margin-top: 1em; }
.notice-store { font-size: .9em; color: var(--_muted); margin: 0 0 .8334em; padding: .6667em 1em; }
.again { margin: .5em 0 0; font-weight: 600; }
.dashboard .title { margin: 0 0 .6522em; font-size: 1.15em; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(8em, 1fr)); gap: .5em; margin: 0 0 1em; }
.stats div { border: 1px solid var(--_border); border-radius: 8px; padding: .5em .75em; }
.stats dt { font-size: .85em; color: var(--_muted); }
.stats dd { margin: 0; font-size: 1.4em; font-weight: 700; font-variant-numeric: tabular-nums; }
.nothing-due { color: var(--_muted); }
.own-data { margin-top: 1.25em; padding-top: .75em; border-top: 1px solid var(--_border); }
.own-data .btn {
  font-size: .9em; min-height: 44px;
  padding: .6112em 1.2223em; margin: .2778em .5556em .2778em 0;
}
.file-btn { display: inline-flex; align-items: center; position: relative; }
.file-btn:focus-within { outline: 3px solid var(--_focus); outline-offset: 2px; }
.btn-danger { border-color: var(--_wrong); color: var(--_wrong); }
.confirm { margin-top: .5em; padding: .6em .9em; border: 2px solid var(--_wrong); border-radius: 6px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.message { padding: .75em 1em; border-radius: 6px; border: 2px solid var(--_wrong); background: var(--_wrong-bg); color: var(--_fg); }
.message strong { color: var(--_wrong); }
/* While the engine loads, the card keeps the space the quiz will take (--quiz-loading-height,
   the same value as the page rule in the embed snippet), so the text below does not jump. */
.root:has(> .loading) {
  display: flex; align-items: center; justify-content: center;
  min-height: var(--quiz-loading-height, 30em);
}
.loading { color: var(--_muted); margin: 0; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; scroll-behavior: auto !important; } }
@media (forced-colors: active) {
  .root, .choice label, .order-item, .chip, .btn, .icon-btn, .select, .typed, .feedback, .notice { border-color: CanvasText; }
  .chip[aria-pressed="true"], .btn-primary { background: Highlight; color: HighlightText; forced-color-adjust: none; }
  .progress { forced-color-adjust: auto; }
  .choice.is-right label, .choice.is-wrong label { border-style: double; border-width: 4px; }
}
`;
