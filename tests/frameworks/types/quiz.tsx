// Type-checked, never run: `tsc -p tests/frameworks/types` (scripts/test). Uses <Quiz> the way
// a React app would, with no casts. Each `@ts-expect-error` line proves a check bites: if the
// types stopped rejecting it, tsc would fail with "Unused '@ts-expect-error' directive".
import { StrictMode, useRef, useState, type SyntheticEvent } from 'react';
import type { QuizCompleteDetail, QuizWidgetElement } from 'python-quiz-widget';
import { Quiz, type QuizCallback, type QuizProps } from 'python-quiz-widget/react';

export function Lesson() {
  const [score, setScore] = useState<QuizCompleteDetail | null>(null);
  const ref = useRef<QuizWidgetElement>(null);
  const onComplete: QuizCallback<QuizCompleteDetail> = (detail, event) => {
    setScore(detail);
    const target: EventTarget | null = event.target;
    void target;
  };
  const props: QuizProps = { difficulty: ['easy', 'medium'], count: { easy: 3, hard: 1 }, theme: 'dark' };
  return (
    <StrictMode>
      <Quiz
        {...props}
        ref={ref}
        id="lesson-3"
        className="quiz"
        style={{ maxWidth: '40em' }}
        data-testid="quiz"
        aria-label="Closures quiz"
        topics="closures,asyncio"
        ids={['nan-not-equal-to-itself']}
        seed={42}
        filters="hidden"
        lang="de-AT"
        mode="study"
        persist={false}
        retention={0.85}
        newPerDay="20"
        activityId="https://lms.example/course/3/quiz"
        bank={{ categories: [], topics: [], questions: [] }}
        bankSrc="/week3.json"
        includeBuiltin
        onStart={(d) => console.log(d.seed, d.questionIds.length, d.total, d.bankVersion)}
        onAnswer={(d) => console.log(d.questionId, d.correct, d.kind, d.index)}
        onReview={(d) => console.log(d.grade, d.due, d.retrievability)}
        onComplete={onComplete}
        onError={(d) => console.log(d.message, d.stage, d.errors?.length)}
        onClick={() => ref.current?.handle?.restart()}
      >
        <p>Loading the closures quiz…</p>
      </Quiz>
      <Quiz count="all">{null}</Quiz>
      <Quiz />
      <output>{score ? `${score.score} / ${score.total}` : ''}</output>
      {/* @ts-expect-error a misspelt option */}
      <Quiz dificulty="easy" />
      {/* @ts-expect-error a difficulty that does not exist */}
      <Quiz difficulty={['impossible']} />
      {/* @ts-expect-error a value outside the union */}
      <Quiz theme="neon" />
      {/* @ts-expect-error an unsupported language */}
      <Quiz lang="fr" />
      {/* @ts-expect-error quiz-complete's detail has no questionId */}
      <Quiz onComplete={(d) => console.log(d.questionId)} />
      {/* @ts-expect-error quiz-answer's detail carries no score */}
      <Quiz onAnswer={(d) => console.log(d.score)} />
      {/* @ts-expect-error onError gets the quiz-error detail, not a React media event */}
      <Quiz onError={(e: SyntheticEvent) => console.log(e)} />
    </StrictMode>
  );
}
