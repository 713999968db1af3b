// Generated from quiz-core's option schema (crates/quiz-core/src/options.rs); do not edit.
// Regenerate: UPDATE_GENERATED=1 cargo test -p quiz-core --test generated
/** Every option of <quiz-widget> and mount(): JS key, attribute, type, valid values, default. */
export const OPTIONS = Object.freeze([
  Object.freeze({ key: 'difficulty', attribute: 'difficulty', type: 'list', values: Object.freeze(['easy', 'medium', 'hard']), default: '' }),
  Object.freeze({ key: 'topics', attribute: 'topics', type: 'list', values: Object.freeze([]), default: '' }),
  Object.freeze({ key: 'count', attribute: 'count', type: 'count', values: Object.freeze([]), default: '10' }),
  Object.freeze({ key: 'seed', attribute: 'seed', type: 'seed', values: Object.freeze([]), default: '' }),
  Object.freeze({ key: 'ids', attribute: 'ids', type: 'list', values: Object.freeze([]), default: '' }),
  Object.freeze({ key: 'filters', attribute: 'filters', type: 'enum', values: Object.freeze(['visible', 'hidden']), default: 'visible' }),
  Object.freeze({ key: 'theme', attribute: 'theme', type: 'enum', values: Object.freeze(['page', 'light', 'dark', 'auto']), default: 'page' }),
  Object.freeze({ key: 'lang', attribute: 'lang', type: 'enum', values: Object.freeze(['en', 'de', 'es']), default: '' }),
  Object.freeze({ key: 'mode', attribute: 'mode', type: 'enum', values: Object.freeze(['quiz', 'study', 'mistakes']), default: 'quiz' }),
  Object.freeze({ key: 'persist', attribute: 'persist', type: 'flag', values: Object.freeze(['on', 'off']), default: 'on' }),
  Object.freeze({ key: 'retention', attribute: 'retention', type: 'number', values: Object.freeze(['0.70', '0.97']), default: '0.9' }),
  Object.freeze({ key: 'newPerDay', attribute: 'new-per-day', type: 'number', values: Object.freeze(['0', '1000']), default: '10' }),
  Object.freeze({ key: 'activityId', attribute: 'activity-id', type: 'text', values: Object.freeze([]), default: '' }),
  Object.freeze({ key: 'bank', attribute: '', type: 'bank', values: Object.freeze([]), default: '' }),
  Object.freeze({ key: 'bankSrc', attribute: 'bank-src', type: 'text', values: Object.freeze([]), default: '' }),
  Object.freeze({ key: 'includeBuiltin', attribute: 'include-builtin', type: 'flag', values: Object.freeze(['true', 'false']), default: 'false' }),
]);
