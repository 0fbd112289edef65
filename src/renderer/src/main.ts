import { mount } from 'svelte';
import App from './App.svelte';
import { getApi } from './api';
import { setupI18n } from './i18n';
import './ui/theme.css';

setupI18n();

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

mount(App, { target, props: { api: getApi() } });
