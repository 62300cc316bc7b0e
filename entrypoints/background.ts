import { startBackground } from '@/lib/background/start';

// The services and their wiring live in lib/background (start.ts composes them with the browser's APIs).
export default defineBackground(() => startBackground());
