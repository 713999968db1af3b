// The app's one opt-in line for the template types of <quiz-widget> (src/app.d.ts in SvelteKit).
import type {} from 'python-quiz-widget/types/svelte';
