import { execFileSync } from 'node:child_process';

/**
 * Builds the browser client once before the run when browser tests are part of it, so they exercise
 * exactly what `npm start` serves.
 */
export default function setup() {
  if (process.env.LIANDONG_SKIP_BUILD === '1') return;
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
}
