// A Vue 3 app: the package's main entry defines <quiz-widget>; App.vue uses the element.
import { createApp } from 'vue';
import 'python-quiz-widget';
import App from './App.vue';

createApp(App).mount('#app');
