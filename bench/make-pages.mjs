// Writes the benchmark pages into bench/tmp/site from the exported bank (target/bank.json):
// the same 10 questions as our widget, as quizdown 0.4.1 Markdown, and as static HTML (the
// floor no script can beat); plus a 50-question page for answer latency.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { RESERVE_STYLE } from '../tests/fixtures/snippet.mjs';

const exported = JSON.parse(readFileSync(new URL('../target/bank.json', import.meta.url), 'utf8'));
// The export is an object { categories, topics, questions } (issue 16); a bare array before.
const bank = Array.isArray(exported) ? exported : exported.questions;
const out = new URL('./tmp/site/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });

// Single-choice questions with code: what both widgets render (choices, highlighting).
const singles = bank.filter((q) => q.kind === 'single' || (q.kind === 'output' && q.choices.length));
const ten = singles.filter((q) => q.code).slice(0, 10);
const fifty = singles.slice(0, 50);
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const head = (title, extra = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="icon" href="data:,">${extra}</head>`;
// The documented hint (docs/getting-started.md): the release quiz-widget.js is one module, so
// only the wasm is worth announcing.
const hints = `
<link rel="preload" href="/widget/quiz_web_bg.wasm" as="fetch" type="application/wasm" crossorigin>`;
const ours = (ids, dir = 'widget', preload = true, suffix = '') => `${head('ours', (preload ? hints.replaceAll('/widget/', `/${dir}/`) : '') +
  `<script type="module" src="/${dir}/quiz-widget.js"></script>`)}
<body><main style="max-width:40rem;margin:auto"><quiz-widget filters="hidden" seed="1" ids="${ids.map((q) => q.id + suffix).join(',')}"></quiz-widget></main></body></html>`;

writeFileSync(`${out}/ours.html`, ours(ten));
writeFileSync(`${out}/ours-nohints.html`, ours(ten, 'widget', false));
// A blog post with the quiz between paragraphs: how far the text below moves when the quiz
// appears (layout shift).
const prose = (n) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} of the post. Python's data model decides what len(), iteration and comparison do for an object, so reading it pays off.</p>`).join('');
const post = ours(ten).replace('<main style="max-width:40rem;margin:auto">',
  `<main style="max-width:40rem;margin:auto"><h1>A post</h1>${prose(1)}`).replace('</quiz-widget></main>', `</quiz-widget>${prose(12)}</main>`);
writeFileSync(`${out}/ours-post.html`, post);
// The same post with README's whole snippet: its page rule keeps the quiz's space until the
// script runs.
writeFileSync(`${out}/ours-post-reserve.html`, post.replace('</head>', `${RESERVE_STYLE}</head>`));
writeFileSync(`${out}/ours-50.html`, ours(fifty));
// The generated bank renames every question `<id>-<copy>` (bench/gen-bank.py).
writeFileSync(`${out}/ours-10k.html`, ours(ten, 'widget10k', true, '-0'));
writeFileSync(`${out}/ids.json`, JSON.stringify({ ten: ten.map((q) => q.id), fifty: fifty.map((q) => q.id) }));

// quizdown: its Markdown dialect, `- [x]` marks the right answer.
const md = ten.map((q) => {
  const code = q.code ? `\n\`\`\`python\n${q.code}\n\`\`\`\n` : '';
  const choices = q.choices.map((c) => `1. [${c.correct ? 'x' : ' '}] ${q.kind === 'output' ? '`' + c.text.replace(/\n/g, ' ⏎ ') + '`' : c.text}`).join('\n');
  return `#### ${q.prompt.replace(/\n/g, ' ')}\n${code}\n${choices}\n\n> ${q.explanation.replace(/\n/g, ' ')}\n`;
}).join('\n');
writeFileSync(`${out}/quizdown.html`, `${head('quizdown', `
<script src="/qd/quizdown.js"></script><script src="/qd/extensions/quizdownHighlight.js"></script>
<script src="/quizdown-init.js"></script>`)}
<body><main style="max-width:40rem;margin:auto"><div class="quizdown">
---
shuffleAnswers: false
---
${esc(md)}
</div></main></body></html>`);
// The whole bank as quizdown Markdown: what a quizdown page with the same questions ships
// (issue 21's whole-page budget compares against its gzip plus quizdown's code). A choice's
// "why" is a quizdown answer comment (an indented blockquote under the answer).
const asMarkdown = (q) => {
  const code = q.code ? `\n\`\`\`python\n${q.code}\n\`\`\`\n` : '';
  const answer = q.choices?.length
    ? q.choices.map((c) => `- [${c.correct ? 'x' : ' '}] ${c.text.replace(/\n/g, ' ')}` +
        (c.why ? `\n    > ${c.why.replace(/\n/g, ' ')}` : '')).join('\n')
    : `> ${[q.output, q.answer, ...(q.accept ?? []), ...(q.items ?? [])].filter((x) => x != null).map(String).join(' / ')}`;
  return `#### ${q.prompt.replace(/\n/g, ' ')}\n${code}\n${answer}\n\n> ${q.explanation.replace(/\n/g, ' ')}\n`;
};
writeFileSync(`${out}/bank-quizdown.md`, bank.map(asMarkdown).join('\n'));
writeFileSync(`${out}/quizdown-init.js`, 'quizdown.register(quizdownHighlight).init();\n');

// The floor: the first question as plain markup.
const q = ten[0];
writeFileSync(`${out}/floor.html`, `${head('floor')}
<body><main style="max-width:40rem;margin:auto;font-family:system-ui"><h2>Question 1 of 10</h2>
<p>${esc(q.prompt)}</p>${q.code ? `<pre><code>${esc(q.code)}</code></pre>` : ''}
<form><fieldset>${q.choices.map((c, i) => `<label><input type="radio" name="q" value="${i}"> ${esc(c.text)}</label><br>`).join('')}
</fieldset><button type="submit">Check answer</button></form></main></body></html>`);
console.log(`bench pages: ${ten.length} questions in ours/quizdown/floor, ${fifty.length} for answer latency`);
