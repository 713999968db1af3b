// Progress a learner keeps (issue 18): a quiz resumes after a reload; storage that is
// disabled, full, corrupt, old, newer or shared by two tabs never breaks the quiz; study mode
// brings answered questions back when they are due (time moved with page.clock, no sleeps);
// a wrong answer anywhere on the site shows up in mode="mistakes"; export, forget and import
// restore the same history; the shapes of getProgress() and the quiz-review event.
import AxeBuilder from '@axe-core/playwright';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../fixtures/server.mjs';
import { launch, watchErrors } from '../fixtures/browser.mjs';
import { QuizWidget } from '../fixtures/quiz.mjs';
import { bank, shown } from '../fixtures/bank.mjs';

const PROGRESS_KEY = 'quiz-widget:v1:progress';
const quizKey = (id) => `quiz-widget:v1:quiz:#${id}`;
const DAY = 86_400_000;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
// Monday 2 March 2026, 10:00 in the browser's time zone (Berlin, fixed by newContext()).
const T0 = '2026-03-02T10:00:00+01:00';
const NOTICES = {
  unavailable: 'This browser does not let the quiz save, so progress lasts until you leave the page.',
  full: /^The browser's storage is full/,
  corrupt: 'Saved progress could not be read and was reset.',
  old: 'Progress saved by an older version of this quiz was dropped.',
  newer: /newer version/,
};

// True-false questions: their right answer is known, so a test can answer right or wrong.
const tf = bank.filter((q) => q.kind === 'true-false');
const tfIds = (n, from = 0) => tf.slice(from, from + n).map((q) => q.id);
const byId = new Map(bank.map((q) => [q.id, q]));

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A fresh browser profile (its own localStorage) in a fixed time zone. */
function newContext() {
  return browser.newContext({ timezoneId: 'Europe/Berlin', acceptDownloads: true });
}

/**
 * A page of `context` at `path`, recording page errors; `clock` installs page.clock at that
 * time first, `init` runs before the page's scripts.
 */
async function open(context, path, { clock, init, initArg, selector = 'quiz-widget' } = {}) {
  const page = await context.newPage();
  const errors = watchErrors(page);
  if (clock) await page.clock.install({ time: new Date(clock) });
  if (init) await page.addInitScript(init, initArg);
  await page.goto(server.url + path);
  return { page, errors, quiz: new QuizWidget(page, selector) };
}

const storage = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
const progress = (page) => page.evaluate(() => window.quiz.getProgress());
const events = async (page, type) => (await page.evaluate(() => window.__events)).filter((e) => e.type === type);

/** Answers the true-false question on screen right or wrong, checks it and waits for feedback. */
async function answerTf(quiz, right) {
  const start = (await events(quiz.page, 'quiz-start')).at(-1);
  const heading = await quiz.host.locator('.question-count').textContent();
  const n = Number(heading.match(/Question (\d+)/)[1]);
  // The question on screen: from quiz-start, or (after a reload) from the prompt text.
  let q = start ? byId.get(start.detail.questionIds[n - 1]) : undefined;
  if (!q) {
    const prompt = shown(await quiz.host.locator('.prompt').innerText());
    q = tf.find((c) => shown(c.prompt) === prompt);
  }
  assert.ok(q && q.kind === 'true-false', `a true-false question on screen (${heading})`);
  await quiz.answerTrueFalse(right ? q.answer : !q.answer);
  await quiz.check();
  await quiz.feedback().waitFor();
  assert.equal(await quiz.feedback().locator('.verdict').textContent(), right ? 'Correct!' : 'Not quite.');
  return q.id;
}

/** Gives some answer (right or wrong) to the question on screen and waits for feedback. */
async function answerSome(quiz) {
  await quiz.answerAnything();
  await quiz.check();
  await quiz.feedback().waitFor();
}

// ---- 1. resume -----------------------------------------------------------------------------

/**
 * Answers questions 1..n of a 5-question quiz (n checked; the first n-1 also left), the
 * learner taking `think` ms over each.
 */
async function answerUpTo(quiz, n, think = 0) {
  for (let i = 1; i <= n; i++) {
    await quiz.host.getByText(`Question ${i} of 5`).waitFor();
    if (think) await quiz.page.clock.fastForward(think);
    await answerSome(quiz);
    if (i < n) await quiz.next();
  }
}

test('a reload in the middle of a quiz resumes at the same question with the same answers and time', async () => {
  const path = '/fixtures/progress.html?id=w&count=5&seed=7&filters=hidden';
  // The same quiz answered the same way without any reload: what the results must look like.
  const reference = await newContext();
  const ref = await open(reference, path, { clock: T0 });
  await answerUpTo(ref.quiz, 5);
  await ref.quiz.next();
  await ref.quiz.host.getByRole('heading', { name: 'Results' }).waitFor();
  const expected = await ref.quiz.host.locator('.results').innerText();
  await reference.close();

  const context = await newContext();
  const { page, errors, quiz } = await open(context, path, { clock: T0 });
  await answerUpTo(quiz, 2, 60_000); // a minute over each question
  const given = (await events(page, 'quiz-answer')).map((e) => e.detail);
  await quiz.next();
  await quiz.host.getByText('Question 3 of 5').waitFor();
  const seed = await quiz.seedLine().textContent();
  assert.equal(seed, 'Quiz #7');
  const third = await quiz.host.locator('.prompt').textContent();

  await page.reload();
  await quiz.host.getByText('Question 3 of 5').waitFor();
  assert.equal(await quiz.seedLine().textContent(), seed);
  assert.equal(await quiz.host.locator('.prompt').textContent(), third, 'the same third question');
  assert.equal(await quiz.feedback().count(), 0, 'question 3 not answered yet');

  // Checked but not left: a reload keeps its feedback.
  await answerSome(quiz);
  const verdict = await quiz.feedback().locator('.verdict').textContent();
  await page.reload();
  await quiz.host.getByText('Question 3 of 5').waitFor();
  await quiz.feedback().waitFor();
  assert.equal(await quiz.feedback().locator('.verdict').textContent(), verdict);
  await quiz.next();
  for (const i of [4, 5]) {
    await quiz.host.getByText(`Question ${i} of 5`).waitFor();
    await answerSome(quiz);
    await quiz.next();
  }
  await quiz.host.getByRole('heading', { name: 'Results' }).waitFor();
  assert.equal(await quiz.host.locator('.results').innerText(), expected, 'the same results as without reloads');
  const done = (await events(page, 'quiz-complete'))[0].detail;
  assert.deepEqual(done.results.slice(0, 2).map((r) => [r.questionId, r.correct]),
    given.map((a) => [a.questionId, a.correct]), 'the first two answers as given before the reload');
  assert.ok(done.durationMs >= 120_000, `the two minutes before the reload count (${done.durationMs} ms)`);

  // A finished quiz shows its results again.
  await page.reload();
  await quiz.host.getByRole('heading', { name: 'Results' }).waitFor();
  assert.equal(await quiz.host.locator('.results').innerText(), expected);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the time spent on the question on screen survives a reload too', async () => {
  const context = await newContext();
  const { page, errors, quiz } = await open(context, '/fixtures/progress.html?id=t&count=5&seed=7&filters=hidden', { clock: T0 });
  await quiz.host.getByText('Question 1 of 5').waitFor();
  await page.clock.fastForward(120_000); // two minutes reading question 1, then the tab reloads
  await page.reload();
  await quiz.host.getByText('Question 1 of 5').waitFor();
  await answerUpTo(quiz, 5);
  await quiz.next();
  await quiz.host.getByRole('heading', { name: 'Results' }).waitFor();
  const done = (await events(page, 'quiz-complete'))[0].detail;
  assert.ok(done.durationMs >= 120_000, `the two minutes before the reload count (${done.durationMs} ms)`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without an id the quiz is saved under the page and its options; persist="off" starts over', async () => {
  const context = await newContext();
  const { page, errors, quiz } = await open(context, '/fixtures/progress.html?count=5&seed=9&filters=hidden');
  await answerUpTo(quiz, 1);
  await quiz.next();
  await quiz.host.getByText('Question 2 of 5').waitFor();
  await page.reload();
  await quiz.host.getByText('Question 2 of 5').waitFor();
  // Other options on the same page are another quiz…
  await page.goto(`${server.url}/fixtures/progress.html?count=5&seed=10&filters=hidden`);
  await quiz.host.getByText('Question 1 of 5').waitFor();
  assert.equal(await quiz.seedLine().textContent(), 'Quiz #10');
  // …and the first one is still there.
  await page.goto(`${server.url}/fixtures/progress.html?count=5&seed=9&filters=hidden`);
  await quiz.host.getByText('Question 2 of 5').waitFor();
  assert.ok(Object.keys(await storage(page)).some((k) => k.startsWith('quiz-widget:v1:quiz:/fixtures/progress.html|')),
    'saved under the page path');

  const off = await newContext();
  const b = await open(off, '/fixtures/progress.html?id=p&count=5&seed=7&filters=hidden&persist=off');
  await answerUpTo(b.quiz, 2);
  await b.quiz.next();
  await b.quiz.host.getByText('Question 3 of 5').waitFor();
  await b.page.reload();
  await b.quiz.host.getByText('Question 1 of 5').waitFor();
  assert.equal(await b.quiz.feedback().count(), 0);
  assert.deepEqual(await storage(b.page), {}, 'persist="off" stores nothing');
  assert.equal(await b.quiz.storeNotice().count(), 0);
  assert.deepEqual([...errors, ...b.errors], []);
  await off.close();
  await context.close();
});

// ---- 2. storage failures -------------------------------------------------------------------

/**
 * The widget still works: a question answered with feedback, the next one reached, a
 * quiz-review sent and the answer in getProgress() (in memory at least); at most one notice.
 */
async function stillWorks({ page, quiz, errors }, notice) {
  await quiz.host.getByText('Question 1 of 2').waitFor();
  const id = await answerTf(quiz, true);
  await quiz.next();
  await quiz.host.getByText('Question 2 of 2').waitFor();
  assert.equal((await events(page, 'quiz-review')).length, 1);
  assert.ok((await progress(page)).questions[id], 'the answer is in getProgress()');
  assert.ok(await quiz.storeNotice().count() <= 1, 'at most one storage notice');
  if (notice === undefined) {
    assert.equal(await quiz.storeNotice().count(), 0, 'no notice');
  } else {
    assert.equal(await quiz.storeNotice().count(), 1, 'a notice');
    const text = await quiz.storeNotice().textContent();
    if (typeof notice === 'string') assert.equal(text, notice);
    else assert.match(text, notice);
  }
  assert.deepEqual(errors, []);
  return id;
}

const twoTf = `/fixtures/progress.html?id=w&filters=hidden&ids=${tfIds(2).join(',')}`;

test('storage disabled (localStorage throws): the quiz works in memory with one notice', async () => {
  const context = await newContext();
  const opened = await open(context, twoTf, {
    init: () => Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('denied', 'SecurityError'); },
    }),
  });
  await stillWorks(opened, NOTICES.unavailable);
  await context.close();
});

test('storage full (setItem throws QuotaExceededError): the quiz goes on with one notice', async () => {
  const context = await newContext();
  const opened = await open(context, twoTf, {
    init: () => {
      Storage.prototype.setItem = function setItem() { throw new DOMException('full', 'QuotaExceededError'); };
    },
  });
  await stillWorks(opened, NOTICES.full);
  assert.deepEqual(await storage(opened.page), {});
  await context.close();
});

/** Puts `items` into localStorage before the page's scripts run (first load only). */
function seed(items) {
  return {
    init: (entries) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      for (const [k, v] of entries) localStorage.setItem(k, v);
    },
    initArg: Object.entries(items),
  };
}

for (const [name, items, notice] of [
  ['corrupt JSON in the history', { [PROGRESS_KEY]: '{"version":1,"questions":{' }, NOTICES.corrupt],
  ['corrupt JSON in the saved quiz', { [quizKey('w')]: 'not json at all' }, NOTICES.corrupt],
  ['a history of the wrong shape', { [PROGRESS_KEY]: JSON.stringify({ version: 1, questions: { x: 'nonsense' } }) }, NOTICES.corrupt],
  ['a saved quiz of the wrong shape', { [quizKey('w')]: JSON.stringify({ version: 1, seed: -1, ids: 3 }) }, NOTICES.corrupt],
  ['an old schema (version 0)', {
    [PROGRESS_KEY]: JSON.stringify({ version: 0, questions: {} }),
    [quizKey('w')]: JSON.stringify({ version: 0, seed: 1 }),
  }, NOTICES.old],
]) {
  test(`${name}: reset, the quiz starts and saves again, one notice`, async () => {
    const context = await newContext();
    const opened = await open(context, twoTf, seed(items));
    await stillWorks(opened, notice);
    // What is stored now is readable, of this version, and holds the new answer.
    const stored = await storage(opened.page);
    const history = JSON.parse(stored[PROGRESS_KEY]);
    assert.equal(history.version, 1);
    assert.equal(Object.keys(history.questions).length, 1);
    const saved = JSON.parse(stored[quizKey('w')]);
    assert.equal(saved.version, 1);
    assert.deepEqual(saved.ids, tfIds(2));
    assert.equal(saved.position, 1);
    // Reloaded, the quiz resumes and the notice is gone (nothing is wrong any more).
    await opened.page.reload();
    await opened.quiz.host.getByText('Question 2 of 2').waitFor();
    assert.equal(await opened.quiz.storeNotice().count(), 0);
    assert.deepEqual(opened.errors, []);
    await context.close();
  });
}

test('a saved quiz edited by hand (position, answers, orders, ids out of range) is dropped as corrupt, never breaks the widget', async () => {
  for (const change of [
    { position: 99 },
    { answers: [null] },
    { orders: [[0, 0]] },
    { ids: ['no-such-question', tfIds(1)[0]] },
    { answers: [[['c', 7], 10], null] },
    { answers: [[['o', [5, 5, 5]], -1], null] },
    { elapsed: -5 },
  ]) {
    const context = await newContext();
    const first = await open(context, twoTf);
    await first.quiz.host.getByText('Question 1 of 2').waitFor();
    // The real saved quiz (its bank version and orders); the page is closed, then the edit
    // is written before the next page's scripts run (an open page would save over it).
    const real = JSON.parse((await storage(first.page))[quizKey('w')]);
    await first.page.close();
    const { page, errors, quiz } = await open(context, twoTf, seed({ [quizKey('w')]: JSON.stringify({ ...real, ...change }) }));
    await quiz.host.getByText('Question 1 of 2').waitFor();
    // Data that does not fit is corrupt: dropped with the one notice, and a fresh quiz starts.
    await quiz.storeNotice().filter({ hasText: NOTICES.corrupt }).waitFor();
    assert.equal(await quiz.storeNotice().count(), 1, JSON.stringify(change));
    assert.equal(await quiz.feedback().count(), 0, `nothing kept from ${JSON.stringify(change)}`);
    await answerTf(quiz, true);
    await quiz.next();
    await quiz.host.getByText('Question 2 of 2').waitFor();
    assert.deepEqual(errors, [], JSON.stringify(change));
    await page.close();
    await context.close();
  }
});

test('a history of a newer version is left untouched; the quiz works in memory with one notice', async () => {
  const context = await newContext();
  const newer = JSON.stringify({ version: 2, questions: { 'from-the-future': { anything: true } } });
  const opened = await open(context, twoTf, seed({ [PROGRESS_KEY]: newer }));
  await stillWorks(opened, NOTICES.newer);
  assert.equal((await storage(opened.page))[PROGRESS_KEY], newer, 'the newer data is not overwritten');
  await context.close();
});

test('two tabs answering different questions at the same time: no answer is lost', async () => {
  const context = await newContext();
  const [a, b] = [tfIds(1, 0), tfIds(1, 1)];
  // Both tabs open (and read the store) before either answers.
  const tabA = await open(context, `/fixtures/progress.html?id=a&filters=hidden&ids=${a}`);
  const tabB = await open(context, `/fixtures/progress.html?id=b&filters=hidden&ids=${b}`);
  await tabA.quiz.host.getByText('Question 1 of 1').waitFor();
  await tabB.quiz.host.getByText('Question 1 of 1').waitFor();
  await answerTf(tabA.quiz, false);
  await answerTf(tabB.quiz, true);
  for (const tab of [tabA, tabB]) {
    const p = await progress(tab.page);
    assert.deepEqual(Object.keys(p.questions).sort(), [a[0], b[0]].sort(), 'both tabs see both answers');
    assert.equal(p.questions[a[0]].missed, true);
    assert.equal(p.questions[b[0]].missed, false);
  }
  const stored = JSON.parse((await storage(tabA.page))[PROGRESS_KEY]);
  assert.deepEqual(Object.keys(stored.questions).sort(), [a[0], b[0]].sort());
  // The same question answered in both tabs: the later answer wins everywhere.
  await tabA.page.goto(`${server.url}/fixtures/progress.html?id=c&filters=hidden&ids=${b}`);
  await tabA.quiz.host.getByText('Question 1 of 1').waitFor();
  await answerTf(tabA.quiz, false);
  for (const tab of [tabA, tabB]) assert.equal((await progress(tab.page)).questions[b[0]].missed, true);
  assert.equal(await tabA.quiz.storeNotice().count(), 0);
  assert.deepEqual([...tabA.errors, ...tabB.errors], []);
  await context.close();
});

test('"Forget everything" in one tab is not undone by another tab that still had the old answers', async () => {
  const context = await newContext();
  const [x, y] = tfIds(2, 80);
  const tab = await open(context, `/fixtures/progress.html?id=a&filters=hidden&ids=${x},${y}`);
  await tab.quiz.host.getByText('Question 1 of 2').waitFor();
  const first = await answerTf(tab.quiz, false);
  await tab.quiz.next();
  await tab.quiz.host.getByText('Question 2 of 2').waitFor();
  const study = await open(context, '/fixtures/progress-other.html?id=s&mode=study');
  await study.quiz.host.getByRole('button', { name: 'Forget everything' }).click();
  await study.quiz.host.getByRole('button', { name: 'Yes, forget everything' }).click();
  await study.quiz.host.getByText('All progress on this site was forgotten.').waitFor();
  // The first tab answers its next question: only that one is remembered, everywhere.
  const second = await answerTf(tab.quiz, true);
  assert.notEqual(first, second);
  for (const page of [tab.page, study.page]) {
    assert.deepEqual(Object.keys((await progress(page)).questions), [second]);
  }
  await study.page.reload();
  await study.quiz.stat('Learned').filter({ hasText: /^1$/ }).waitFor();
  assert.deepEqual([...tab.errors, ...study.errors], []);
  await context.close();
});

// ---- 3. study ------------------------------------------------------------------------------

test('study: 3 new questions answered; nothing due until the clock moves 3 days; then they come back first', async () => {
  const context = await newContext();
  const five = tfIds(5, 10);
  const path = `/fixtures/progress.html?id=s&mode=study&new-per-day=3&ids=${five.join(',')}`;
  const { page, errors, quiz } = await open(context, path, { clock: T0 });
  await quiz.host.getByRole('heading', { name: 'Study' }).waitFor();
  assert.equal(await quiz.stat('Due now').textContent(), '0');
  assert.equal(await quiz.stat('Learned').textContent(), '0');
  assert.equal(await quiz.reviewStart().textContent(), 'Study 3 questions');
  await quiz.reviewStart().click();
  await quiz.host.getByText('Question 1 of 3').waitFor();
  const first = (await events(page, 'quiz-start'))[0].detail.questionIds;
  assert.equal(first.length, 3);
  assert.ok(first.every((id) => five.includes(id)), 'only the questions the filters allow');
  const answered = [];
  for (let i = 1; i <= 3; i++) {
    await quiz.host.getByText(`Question ${i} of 3`).waitFor();
    answered.push(await answerTf(quiz, i !== 2)); // the second one wrong
    const review = (await events(page, 'quiz-review')).at(-1).detail;
    // When it comes back, said in words that match the scheduled date.
    const days = Math.round((new Date(review.due) - new Date(T0)) / DAY);
    const when = days === 1 ? 'tomorrow' : `in ${days} days`;
    assert.equal(await quiz.feedback().locator('.again').textContent(), `You will see this question again ${when}.`);
    if (i === 2) assert.equal(when, 'tomorrow', 'a wrong answer comes back tomorrow');
    else assert.ok(days >= 2, `a right first answer waits longer (${days} days)`);
    assert.ok(days <= 3, 'every one is due within 3 days');
    await quiz.next();
  }
  await quiz.host.getByRole('heading', { name: 'Results' }).waitFor();
  await quiz.host.getByRole('button', { name: 'New quiz' }).click();
  await quiz.host.getByRole('heading', { name: 'Study' }).waitFor();
  assert.equal(await quiz.host.locator('.nothing-due').textContent(),
    'Nothing is due right now. Next review tomorrow.');
  assert.equal(await quiz.reviewStart().count(), 0);
  assert.equal(await quiz.stat('Learned').textContent(), '3');
  assert.equal(await quiz.stat('Due now').textContent(), '0');
  assert.equal(await quiz.stat('Due this week').textContent(), '3');

  await page.clock.fastForward(3 * DAY);
  await page.reload();
  // The finished session shows its results until the learner leaves it.
  const results = quiz.host.getByRole('heading', { name: 'Results' });
  if (await results.count()) await quiz.host.getByRole('button', { name: 'New quiz' }).click();
  await quiz.host.getByRole('heading', { name: 'Study' }).waitFor();
  assert.equal(await quiz.stat('Due now').textContent(), '3');
  // 3 due + the 2 questions never asked (a new day, 3 new allowed).
  assert.equal(await quiz.reviewStart().textContent(), 'Study 5 questions');
  await quiz.reviewStart().click();
  await quiz.host.getByText('Question 1 of 5').waitFor();
  const again = (await events(page, 'quiz-start')).at(-1).detail.questionIds;
  assert.deepEqual(again.slice(0, 3).sort(), [...answered].sort(), 'the due ones first');
  assert.equal(again[0], answered[1], 'the forgotten one (lowest recall) first');
  // A review now has a retrievability, and the wrong answer counted a lapse only if wrong again.
  await answerTf(quiz, true);
  const review = (await events(page, 'quiz-review')).at(-1).detail;
  assert.equal(typeof review.retrievability, 'number');
  assert.ok(review.retrievability > 0 && review.retrievability < 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('study: a reload after checking an answer still says when the question comes back', async () => {
  const context = await newContext();
  const path = `/fixtures/progress.html?id=s&mode=study&ids=${tfIds(2, 90).join(',')}`;
  const { page, errors, quiz } = await open(context, path, { clock: T0 });
  await quiz.reviewStart().click();
  await quiz.host.getByText('Question 1 of 2').waitFor();
  await answerTf(quiz, false);
  const again = quiz.feedback().locator('.again');
  assert.equal(await again.textContent(), 'You will see this question again tomorrow.');
  await page.reload();
  await quiz.feedback().waitFor();
  assert.equal(await again.count(), 1, 'the line is still there after the reload');
  assert.equal(await again.textContent(), 'You will see this question again tomorrow.');
  assert.deepEqual(errors, []);
  await context.close();
});

test('retention: a higher desired retention brings a question back sooner', async () => {
  const [id] = tfIds(1, 95);
  const due = {};
  for (const retention of ['0.7', '0.9', '0.97']) {
    const context = await newContext();
    const { page, errors, quiz } = await open(context,
      `/fixtures/progress.html?id=r&filters=hidden&retention=${retention}&ids=${id}`, { clock: T0 });
    await quiz.host.getByText('Question 1 of 1').waitFor();
    await answerTf(quiz, true);
    due[retention] = Date.parse((await events(page, 'quiz-review'))[0].detail.due);
    assert.deepEqual(errors, []);
    await context.close();
  }
  assert.ok(due['0.7'] > due['0.9'] && due['0.9'] > due['0.97'], JSON.stringify(due));
  assert.ok(due['0.97'] - Date.parse(T0) >= DAY, 'never sooner than a day');
});

test('study: the daily limit of new questions starts again at local midnight, not at UTC midnight', async () => {
  const context = await newContext();
  const four = tfIds(4, 20);
  // 23:30 in Berlin is 22:30 UTC: the learner's new day starts in 30 minutes, UTC's in 90.
  const path = `/fixtures/progress.html?id=s&mode=study&new-per-day=2&ids=${four.join(',')}`;
  const { page, errors, quiz } = await open(context, path, { clock: '2026-03-02T23:30:00+01:00' });
  await quiz.reviewStart().click();
  for (const i of [1, 2]) {
    await quiz.host.getByText(`Question ${i} of 2`).waitFor();
    await answerTf(quiz, true);
    await quiz.next();
  }
  await quiz.host.getByRole('button', { name: 'New quiz' }).click();
  await quiz.host.getByText('Nothing is due right now.', { exact: false }).waitFor();
  await page.clock.fastForward(40 * 60_000);
  await page.reload();
  const results = quiz.host.getByRole('heading', { name: 'Results' });
  await quiz.host.locator('.results, .dashboard').waitFor();
  if (await results.count()) await quiz.host.getByRole('button', { name: 'New quiz' }).click();
  assert.equal(await quiz.reviewStart().textContent(), 'Study 2 questions', 'a new day, 2 new questions again');
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- 4. mistakes ---------------------------------------------------------------------------

test('a wrong answer in a quiz on one page is retried in mode="mistakes" on another page until answered right', async () => {
  const context = await newContext();
  const [wrong, right] = tfIds(2, 30);
  const a = await open(context, `/fixtures/progress.html?id=a&filters=hidden&ids=${wrong},${right}`);
  await a.quiz.host.getByText('Question 1 of 2').waitFor();
  const order = (await events(a.page, 'quiz-start'))[0].detail.questionIds;
  for (const id of order) {
    await answerTf(a.quiz, id === right);
    await a.quiz.next();
  }
  await a.quiz.host.getByRole('heading', { name: 'Results' }).waitFor();
  const answers = await events(a.page, 'quiz-answer');
  assert.equal(answers.find((e) => e.detail.questionId === wrong).detail.correct, false);

  const b = await open(context, '/fixtures/progress-other.html?id=m&mode=mistakes');
  await b.quiz.host.getByRole('heading', { name: 'Your mistakes' }).waitFor();
  assert.match(await b.quiz.reviewStart().textContent(), /^Retry 1 questions?$/);
  await b.quiz.reviewStart().click();
  await b.quiz.host.getByText('Question 1 of 1').waitFor();
  assert.deepEqual((await events(b.page, 'quiz-start'))[0].detail.questionIds, [wrong]);
  await answerTf(b.quiz, true);
  assert.match(await b.quiz.feedback().locator('.again').textContent(), /^You will see this question again (tomorrow|in \d+ days)\.$/);
  await b.quiz.next();
  await b.quiz.host.getByRole('heading', { name: 'Results' }).waitFor();
  await b.quiz.host.getByRole('button', { name: 'New quiz' }).click();
  await b.quiz.host.getByRole('heading', { name: 'Your mistakes' }).waitFor();
  assert.match(await b.quiz.host.locator('.nothing-due').textContent(), /^No mistakes to retry\./);
  assert.equal(await b.quiz.reviewStart().count(), 0);
  assert.equal((await progress(a.page)).questions[wrong].missed, false, 'page A sees it answered right');
  assert.deepEqual([...a.errors, ...b.errors], []);
  await context.close();
});

// ---- 5. export, forget, import -------------------------------------------------------------

test('export, then forget everything, then import restores the same getProgress(); a bad file changes nothing', async () => {
  const context = await newContext();
  const dir = await mkdtemp(join(tmpdir(), 'quiz-progress-'));
  const ids = tfIds(3, 40);
  const q = await open(context, `/fixtures/progress.html?id=q&filters=hidden&ids=${ids.join(',')}`, { clock: T0 });
  for (let i = 1; i <= 3; i++) {
    await q.quiz.host.getByText(`Question ${i} of 3`).waitFor();
    await answerTf(q.quiz, i !== 1);
    await q.quiz.next();
  }
  await q.quiz.host.getByRole('heading', { name: 'Results' }).waitFor();

  const { page, errors, quiz } = await open(context, '/fixtures/progress-other.html?id=s&mode=study', { clock: T0 });
  await quiz.host.getByRole('heading', { name: 'Study' }).waitFor();
  const before = await progress(page);
  assert.deepEqual(Object.keys(before.questions).sort(), [...ids].sort());
  assert.equal(await quiz.stat('Learned').textContent(), '3');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    quiz.host.getByRole('button', { name: 'Export progress' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^quiz-progress-\d{4}-\d\d-\d\d\.json$/);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  assert.deepEqual(exported, before, 'the file is what getProgress() returns');

  await quiz.host.getByRole('button', { name: 'Forget everything' }).click();
  const dialog = quiz.host.getByRole('alertdialog');
  await dialog.waitFor();
  // Cancel keeps everything.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.deepEqual(await progress(page), before);
  await quiz.host.getByRole('button', { name: 'Forget everything' }).click();
  await quiz.host.getByRole('button', { name: 'Yes, forget everything' }).click();
  await quiz.host.getByText('All progress on this site was forgotten.').waitFor();
  await quiz.stat('Learned').filter({ hasText: /^0$/ }).waitFor();
  assert.deepEqual(await progress(page), { version: 1, questions: {} });
  // The saved quiz of the other page is forgotten too.
  assert.deepEqual(Object.keys(await storage(page)).filter((k) => k.startsWith('quiz-widget:v1:quiz:')), []);

  // A bad file: refused with a message, nothing changes.
  const broken = structuredClone(exported);
  broken.questions[ids[0]].difficulty = 42;
  const bad = join(dir, 'bad.json');
  await writeFile(bad, JSON.stringify(broken));
  const input = quiz.host.locator('input[type=file]');
  await input.setInputFiles(bad);
  const status = quiz.host.locator('.own-data p[role=status]');
  await status.getByText(/^Nothing was imported: /).waitFor();
  assert.match(await status.textContent(), new RegExp(ids[0]), 'the message names the question');
  assert.deepEqual(await progress(page), { version: 1, questions: {} });
  const notJson = join(dir, 'not.json');
  await writeFile(notJson, 'hello');
  await input.setInputFiles(notJson);
  await status.getByText(/^Nothing was imported: .*JSON/).waitFor();
  assert.deepEqual(await progress(page), { version: 1, questions: {} });

  await input.setInputFiles(file);
  await status.getByText('Imported progress for 3 questions.').waitFor();
  assert.deepEqual(await progress(page), before, 'import restores the same progress');
  await quiz.stat('Learned').filter({ hasText: /^3$/ }).waitFor(); // the dashboard shows it
  // It stays restored: after a reload, and in the other tab.
  await page.reload();
  await quiz.host.getByRole('heading', { name: 'Study' }).waitFor();
  assert.deepEqual(await progress(page), before, 'still there after a reload');
  assert.deepEqual(await progress(q.page), before, 'and in the other tab');
  assert.deepEqual([...errors, ...q.errors], []);
  await context.close();
  await rm(dir, { recursive: true, force: true });
});

test('importProgress() and clearProgress() from JS: a bad object is rejected and changes nothing', async () => {
  const context = await newContext();
  const { page, errors } = await open(context, '/fixtures/progress.html?id=s&mode=study');
  const good = {
    version: 1,
    questions: {
      [tfIds(1)[0]]: {
        due: '2026-03-05T09:00:00.000Z', stability: 3.1, difficulty: 5.2, reps: 2, lapses: 0,
        lastReview: '2026-03-02T09:00:00.000Z', firstReview: '2026-02-28T09:00:00.000Z', missed: false,
      },
    },
  };
  assert.equal(await page.evaluate((p) => window.quiz.importProgress(p), good), 1);
  assert.deepEqual(await progress(page), good);
  assert.equal(await page.evaluate((p) => window.quiz.importProgress(JSON.stringify(p)), good), 1, 'JSON text too');
  for (const bad of [
    { ...good, version: 2 },
    { version: 1, questions: { x: { ...good.questions[tfIds(1)[0]], difficulty: 42 } } },
    { version: 1, questions: { x: { ...good.questions[tfIds(1)[0]], stability: -1 } } },
    { version: 1, questions: { x: { ...good.questions[tfIds(1)[0]], due: 'soon' } } },
    { version: 1, questions: [] },
    '{"version":1,',
  ]) {
    const message = await page.evaluate((p) => window.quiz.importProgress(p).then(() => null, (e) => String(e.message)), bad);
    assert.ok(message, `refused: ${JSON.stringify(bad)}`);
    assert.match(message, /cannot be imported/);
    assert.deepEqual(await progress(page), good, 'nothing changed');
  }
  await page.evaluate(() => window.quiz.clearProgress());
  assert.deepEqual(await progress(page), { version: 1, questions: {} });
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- 6. shapes -----------------------------------------------------------------------------

test('getProgress() and the quiz-review event have the documented shape, with ISO dates', async () => {
  const context = await newContext();
  const [id] = tfIds(1, 50);
  const { page, errors, quiz } = await open(context, `/fixtures/progress.html?id=r&filters=hidden&ids=${id}`, { clock: T0 });
  await quiz.host.getByText('Question 1 of 1').waitFor();
  await answerTf(quiz, false);
  const [review] = (await events(page, 'quiz-review')).map((e) => e.detail);
  assert.deepEqual(Object.keys(review).sort(),
    ['difficulty', 'due', 'grade', 'questionId', 'retrievability', 'stability', 'type'].sort());
  assert.equal(review.questionId, id);
  assert.equal(review.grade, 1, 'wrong is Again');
  assert.equal(review.retrievability, null, 'no retrievability the first time');
  assert.match(review.due, ISO);
  assert.ok(review.stability > 0 && review.difficulty >= 1 && review.difficulty <= 10);
  const answer = (await events(page, 'quiz-answer'))[0];
  const reviewAt = (await page.evaluate(() => window.__events)).findIndex((e) => e.type === 'quiz-review');
  const answerAt = (await page.evaluate(() => window.__events)).findIndex((e) => e.type === 'quiz-answer');
  assert.ok(answer && reviewAt > answerAt, 'quiz-review follows its quiz-answer');

  const p = await progress(page);
  assert.deepEqual(Object.keys(p).sort(), ['questions', 'version']);
  assert.equal(p.version, 1);
  const card = p.questions[id];
  assert.deepEqual(Object.keys(card).sort(),
    ['difficulty', 'due', 'firstReview', 'lapses', 'lastReview', 'missed', 'reps', 'stability'].sort());
  for (const k of ['due', 'lastReview', 'firstReview']) assert.match(card[k], ISO, k);
  assert.equal(card.due, review.due);
  assert.equal(card.stability, review.stability);
  assert.equal(card.difficulty, review.difficulty);
  assert.equal(card.reps, 1);
  assert.equal(card.lapses, 0);
  assert.equal(card.missed, true);
  const interval = (Date.parse(card.due) - Date.parse(card.lastReview)) / DAY;
  assert.ok(Number.isInteger(interval) && interval >= 1, `whole days (${interval})`);

  // Three days later, right: Good, a retrievability, a longer interval, no longer missed.
  await page.clock.fastForward(3 * DAY);
  await page.goto(`${server.url}/fixtures/progress.html?id=r2&filters=hidden&ids=${id}`);
  await quiz.host.getByText('Question 1 of 1').waitFor();
  await answerTf(quiz, true);
  const [second] = (await events(page, 'quiz-review')).map((e) => e.detail);
  assert.equal(second.grade, 3, 'right is Good');
  assert.ok(second.retrievability > 0 && second.retrievability < 1, `retrievability ${second.retrievability}`);
  const after = (await progress(page)).questions[id];
  assert.equal(after.reps, 2);
  assert.equal(after.missed, false);
  assert.equal(after.firstReview, card.firstReview);
  assert.ok(Date.parse(after.due) - Date.parse(after.lastReview) > interval * DAY, 'a longer interval after a success');
  // Then wrong again: a lapse.
  await page.clock.fastForward(10 * DAY);
  await page.goto(`${server.url}/fixtures/progress.html?id=r3&filters=hidden&ids=${id}`);
  await quiz.host.getByText('Question 1 of 1').waitFor();
  await answerTf(quiz, false);
  const third = (await progress(page)).questions[id];
  assert.equal(third.lapses, 1);
  assert.equal(third.reps, 3);
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- 7. accessibility of the new screens ------------------------------------------------------

for (const theme of ['light', 'dark']) {
  test(`study dashboard, "again" feedback and the forget confirmation: axe finds no violations (${theme}), all by keyboard`, async () => {
    const context = await newContext();
    const { page, errors, quiz } = await open(context, `/fixtures/progress.html?mode=study&new-per-day=2&theme=${theme}`);
    await page.emulateMedia({ colorScheme: theme });
    const check = async (where) => {
      const result = await new AxeBuilder({ page }).include('quiz-widget').analyze();
      assert.deepEqual(result.violations.map((x) => `${where}: ${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(' | ')}`), []);
    };
    await quiz.host.getByRole('heading', { name: 'Study' }).waitFor();
    await check('dashboard');
    // Keyboard only: Tab to "Study 2 questions" and press Enter.
    const study = quiz.host.getByRole('button', { name: 'Study 2 questions' });
    for (let i = 0; i < 10 && !(await study.evaluate((b) => b.getRootNode().activeElement === b)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await quiz.host.getByText('Question 1 of 2').waitFor();
    await answerSome(quiz);
    await quiz.host.locator('.again').waitFor();
    await check('feedback with the again line');
    await quiz.next();
    await answerSome(quiz);
    await quiz.next();
    await quiz.host.getByRole('heading', { name: 'Results' }).waitFor();
    await quiz.host.getByRole('button', { name: 'New quiz' }).click();
    await quiz.host.getByRole('button', { name: 'Forget everything' }).click();
    await quiz.host.getByRole('button', { name: 'Yes, forget everything' }).waitFor();
    await check('forget confirmation');
    assert.deepEqual(errors, []);
    await context.close();
  });
}
