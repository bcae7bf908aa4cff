import '../../lambda/local/quiet';
import { exitWith } from '../../lambda/local/exit';
import { PROJECT_ROOT } from '../../lambda/local/projectRoot';
import { soakEndpoint } from './endpoint';
import type { Figure } from './figure';
import { buildWriter, killRounds, races } from './store';

/**
 * `npm run soak`: the stores and the endpoint under crashes, races and
 * hostile clients, on loopback only, in about two minutes. Prints each
 * figure with its target, as the README's Reliability table, and exits 1 if
 * any misses.
 */

const KILL_ROUNDS = Number(process.env.SOAK_KILL_ROUNDS ?? 20);
const RACE_TURNS = Number(process.env.SOAK_RACE_TURNS ?? 400);

async function main(): Promise<number> {
  const started = Date.now();
  const progress = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
  progress('building the writer');
  const writer = buildWriter(PROJECT_ROOT);
  const figures: Figure[] = [];
  progress(`kill -9 rounds on the file store (${KILL_ROUNDS})`);
  figures.push(...(await killRounds(writer, KILL_ROUNDS, progress)));
  progress(`one user, two processes (${RACE_TURNS} turns each), file store and DynamoDB`);
  figures.push(...(await races(writer, RACE_TURNS, progress)));
  progress('the endpoint under hostile requests, slow clients and SIGTERM');
  figures.push(...(await soakEndpoint(progress)));

  console.log(`\n| figure | value | target | |\n|---|---|---|---|`);
  for (const f of figures) console.log(`| ${f.name} | ${f.value} | ${f.target} | ${f.ok ? 'ok' : 'MISSED'} |`);
  const missed = figures.filter((f) => !f.ok).length;
  console.log(`\nnpm run soak: ${figures.length - missed} of ${figures.length} figures at target, in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return missed === 0 ? 0 : 1;
}

exitWith(main());
