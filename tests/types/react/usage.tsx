// <quiz-widget> in React 19 JSX, as an app writes it once it opts into the types. Each
// `@ts-expect-error` proves a check bites: if the types accepted that line, tsc would fail with
// "Unused '@ts-expect-error' directive".
import type {} from 'python-quiz-widget/types/react';
import { useRef, useState } from 'react';
import type { QuizAnswerDetail, QuizWidgetElement } from 'python-quiz-widget';
import type { QuizWidgetJsxProps } from 'python-quiz-widget/types/react';

export function Quizzes() {
  const ref = useRef<QuizWidgetElement>(null);
  const [score, setScore] = useState<number | null>(null);
  const [answers, setAnswers] = useState<QuizAnswerDetail[]>([]);
  return (
    <>
      {/* Every attribute, the HTML props React gives every element, and every event. */}
      <quiz-widget
        ref={ref} id="week-3" className="quiz" class="quiz" hidden={false} aria-label="Week 3 quiz"
        style={{ '--quiz-accent': '#0b57d0', '--quiz-radius': '4px', maxWidth: '40rem' }}
        difficulty="easy,medium" topics="closures,asyncio" count={5} seed={42} ids="a,b"
        filters="hidden" theme="dark" lang="de" mode="quiz" persist="off" retention={0.85}
        new-per-day={20} activity-id="https://lms.example/quiz/3" bank-src="/week3.json" include-builtin
        onquiz-start={(e) => console.log(e.detail.seed, e.detail.questionIds)}
        onquiz-answer={(e) => setAnswers((a) => [...a, e.detail])}
        onquiz-review={(e) => console.log(e.detail.due)}
        onquiz-complete={(e) => setScore(e.detail.score)}
        onquiz-error={(e) => console.error(e.detail.stage, e.detail.message)}
      >
        <p>This quiz needs JavaScript.</p>
      </quiz-widget>
      {/* The other accepted forms of the values. */}
      <quiz-widget difficulty="hard,easy" count="all" seed="7" theme="auto" lang="es-MX" include-builtin={false} />
      <quiz-widget count="easy:5,medium:3,hard:2" retention="0.9" new-per-day="0" persist="on" theme={null} />
      <quiz-widget count="12" mode="mistakes" filters={undefined} />

      {/* @ts-expect-error: a misspelt theme */}
      <quiz-widget theme="drak" />
      {/* @ts-expect-error: a misspelt difficulty */}
      <quiz-widget difficulty="easy,hrad" />
      {/* @ts-expect-error: a difficulty twice */}
      <quiz-widget difficulty="easy,easy" />
      {/* @ts-expect-error: a count that is none of a number, all, or a mix */}
      <quiz-widget count="some" />
      {/* @ts-expect-error: a language the widget does not have */}
      <quiz-widget lang="fr" />
      {/* @ts-expect-error: persist is on by default, so only "off" turns it off (false would drop the attribute) */}
      <quiz-widget persist={false} />
      {/* @ts-expect-error: a misspelt custom property */}
      <quiz-widget style={{ '--quiz-acent': 'red' }} />
      {/* @ts-expect-error: a property of the wrong event's detail */}
      <quiz-widget onquiz-complete={(e) => setScore(e.detail.questionId)} />
      {/* @ts-expect-error: a misspelt detail property */}
      <quiz-widget onquiz-answer={(e) => e.detail.corect} />
      <p>{score ?? '–'} after {answers.length} answers</p>
    </>
  );
}

// The props type, for wrappers of the raw element.
export const props: QuizWidgetJsxProps = { theme: 'light', 'new-per-day': 5, children: null };
