// The app's compute worker: every heavy computation runs here, off the UI thread (see api.ts).
import { expose } from 'comlink';
import { plannerApi } from './api';

expose(plannerApi);
