// The app's one opt-in line for the template types of <quiz-widget>.
import type {} from 'python-quiz-widget/types/vue';
