import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { checkLocale, failedReport, type LocaleReport } from './locale';
import { modelFile } from './samples';

/**
 * Runs checkLocale for many locales over worker threads (one per core by
 * default), the slowest first, and hands the reports back in the order
 * asked for, each as soon as every one before it is done. Each locale's
 * randomness is seeded by its name, so the results do not depend on which
 * worker ran it or when.
 *
 * Workers run this same bundle (build/local/nlu.js). Unbundled (under jest),
 * or with one job, everything runs in this thread instead.
 */

interface WorkerSetup {
  readonly nluWorker: true;
  readonly root: string;
}
type Request = { readonly locale: string };
type Reply = { readonly locale: string; readonly report: LocaleReport } | { readonly locale: string; readonly error: string };

const isSetup = (value: unknown): value is WorkerSetup => typeof value === 'object' && value !== null && (value as { nluWorker?: unknown }).nluWorker === true;

/** True in a worker thread started by checkLocales; it then serves requests until its port closes. */
export function serveIfWorker(): boolean {
  if (isMainThread || !isSetup(workerData) || parentPort === null) return false;
  const { root } = workerData;
  const port = parentPort;
  port.on('message', ({ locale }: Request) => {
    checkLocale(root, locale).then(
      (report) => port.postMessage({ locale, report } satisfies Reply),
      (error: unknown) => port.postMessage({ locale, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Reply),
    );
  });
  return true;
}

const crashed = (locale: string, error: string): LocaleReport => failedReport(locale, `the check crashed: ${error}`);

/**
 * Which locales to start first: those that took longest last time (from
 * build/nlu/report.json, when there is one), else those with the largest
 * models, so that one big locale does not start last and run alone.
 */
function costs(root: string, reportFile: string): (locale: string) => number {
  const previous = new Map<string, number>();
  try {
    const report = JSON.parse(readFileSync(join(root, reportFile), 'utf8')) as { locales?: { locale?: unknown; seconds?: unknown }[] };
    for (const { locale, seconds } of report.locales ?? []) if (typeof locale === 'string' && typeof seconds === 'number') previous.set(locale, seconds);
  } catch {
    // No report yet: model sizes alone.
  }
  return (locale) => {
    try {
      return (previous.get(locale) ?? 0) * 1e9 + statSync(modelFile(root, locale)).size;
    } catch {
      return 0;
    }
  };
}

export async function checkLocales(
  root: string,
  locales: readonly string[],
  jobs: number,
  reportFile: string,
  onReport: (report: LocaleReport) => void,
): Promise<LocaleReport[]> {
  const workers = Math.min(jobs, locales.length);
  if (workers <= 1 || __filename.endsWith('.ts')) {
    const reports: LocaleReport[] = [];
    for (const locale of locales) {
      const report = await checkLocale(root, locale).catch((error: unknown) => crashed(locale, String(error)));
      reports.push(report);
      onReport(report);
    }
    return reports;
  }

  const done = new Map<string, LocaleReport>();
  let shown = 0;
  const show = () => {
    while (shown < locales.length && done.has(locales[shown])) {
      onReport(done.get(locales[shown]) as LocaleReport);
      shown += 1;
    }
  };
  const cost = costs(root, reportFile);
  const queue = [...locales].sort((a, b) => cost(b) - cost(a));
  await Promise.all(
    Array.from(
      { length: workers },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(__filename, { workerData: { nluWorker: true, root } satisfies WorkerSetup });
          const next = () => {
            const locale = queue.shift();
            if (locale === undefined) {
              void worker.terminate().then(() => resolve());
              return;
            }
            worker.postMessage({ locale } satisfies Request);
          };
          worker.on('message', (reply: Reply) => {
            done.set(reply.locale, 'report' in reply ? reply.report : crashed(reply.locale, reply.error));
            show();
            next();
          });
          worker.on('error', reject);
          next();
        }),
    ),
  );
  return locales.map((locale) => done.get(locale) as LocaleReport);
}
