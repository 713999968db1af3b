// A React 19 app under StrictMode, one scene per test (?scene=): <Quiz> (quiz), its props changing
// (quiz), a custom bank as a prop (bank), mounting and unmounting it (toggle), and the raw
// <quiz-widget> element with an `onquiz-complete` prop (element). The questions come from ?ids=.
// Whatever the widget reports reaches React state and is shown in the page.
import { StrictMode, startTransition, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Quiz } from 'python-quiz-widget/react';
import week3 from '../../../fixtures/banks/week3.json';

const params = new URLSearchParams(location.search);
const ids = params.get('ids') ?? '';

// Counts this app's own effect runs: 2 for one mount shows StrictMode's development double run.
window.__effectRuns = 0;
function useEffectProbe() {
  useEffect(() => { window.__effectRuns += 1; }, []);
}

function QuizScene() {
  useEffectProbe();
  const [theme, setTheme] = useState('light');
  const [questions, setQuestions] = useState(ids);
  const [label, setLabel] = useState('A');
  const [renders, setRenders] = useState(0);
  const [starts, setStarts] = useState(0);
  const [answers, setAnswers] = useState(0);
  const [completes, setCompletes] = useState(0);
  const [score, setScore] = useState('none');
  const [errors, setErrors] = useState([]);
  return (
    <>
      {/* ids as a new array on every render: equal values must not start a new quiz */}
      <Quiz
        id="lesson"
        className="lesson-quiz"
        style={{ maxWidth: '40em' }}
        ids={questions.split(',')}
        filters="hidden"
        theme={theme}
        onStart={() => setStarts((n) => n + 1)}
        onAnswer={() => setAnswers((n) => n + 1)}
        onComplete={(detail) => {
          setCompletes((n) => n + 1);
          setScore(`${label}: ${detail.score} / ${detail.total}`);
        }}
        onError={(detail) => setErrors((e) => [...e, `${detail.stage}: ${detail.message}`])}
      />
      <button type="button" onClick={() => setTheme('dark')}>Dark theme</button>
      <button type="button" onClick={() => setQuestions(params.get('other') ?? '')}>Other questions</button>
      <button type="button" onClick={() => setRenders((n) => n + 1)}>Re-render</button>
      <button type="button" onClick={() => setLabel('B')}>Switch callback</button>
      <p>
        Starts <output id="starts">{starts}</output>, answers <output id="answers">{answers}</output>,
        completes <output id="completes">{completes}</output>, renders <output id="renders">{renders}</output>.
      </p>
      <p>Score: <output id="score">{score}</output></p>
      <p>Errors: <output id="errors">{errors.length}</output> <output id="error">{errors.join(' | ')}</output></p>
    </>
  );
}

function BankScene() {
  const [short, setShort] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [renders, setRenders] = useState(0);
  const [starts, setStarts] = useState([]);
  // A new object on every render, with the same questions unless "Shorter bank" was clicked.
  const bank = { ...week3, questions: short ? week3.questions.slice(0, 2) : [...week3.questions] };
  return (
    <>
      <Quiz key={generation} id="bank-quiz" bank={bank} count="all" filters="hidden" persist={false}
        onStart={(detail) => setStarts((s) => [...s, detail.total])} />
      <button type="button" onClick={() => setRenders((n) => n + 1)}>Re-render</button>
      <button type="button" onClick={() => setShort(true)}>Shorter bank</button>
      {/* In a transition, as a router would: React runs its effects later, after the widget started. */}
      <button type="button" onClick={() => startTransition(() => setGeneration((n) => n + 1))}>Remount</button>
      <p>Quizzes started (their totals): <output id="starts">{starts.join(',')}</output>; renders <output id="renders">{renders}</output></p>
    </>
  );
}

function ToggleScene() {
  const [shown, setShown] = useState(true);
  return (
    <>
      <button type="button" onClick={() => setShown((s) => !s)}>Toggle quiz</button>
      {shown && <Quiz id="toggled" ids={ids} filters="hidden" />}
    </>
  );
}

function ElementScene() {
  const [score, setScore] = useState('none');
  return (
    <>
      <quiz-widget id="raw" ids={ids} filters="hidden"
        onquiz-complete={(e) => setScore(`${e.detail.score} / ${e.detail.total}`)}>
        <p>This quiz needs JavaScript.</p>
      </quiz-widget>
      <p>Score: <output id="score">{score}</output></p>
    </>
  );
}

const scenes = { quiz: QuizScene, bank: BankScene, toggle: ToggleScene, element: ElementScene };
const Scene = scenes[params.get('scene') ?? 'quiz'];
// The raw element needs the package's main entry to define <quiz-widget>; <Quiz> loads it itself.
if (Scene === ElementScene) await import('python-quiz-widget');
createRoot(document.getElementById('root')).render(<StrictMode><Scene /></StrictMode>);
