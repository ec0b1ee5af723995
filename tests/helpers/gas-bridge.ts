import { Page } from 'playwright-core';
import { gasCall } from './gas-run-rules';

/**
 * Answers the sidebar's google.script.run calls in a real browser page with the
 * built Apps Script bundle running in Node: the same path a click takes in
 * Google Sheets, minus Google.
 */
export async function bridgeGoogleScriptRun(
  page: Page,
  server: Record<string, (...a: unknown[]) => unknown>,
): Promise<void> {
  await page.exposeFunction('__gasCall', (name: string, args: unknown[]) => {
    try {
      // Plain data only, as google.script.run serialises it.
      return { ok: gasCall(server, name, args) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  });
  await page.addInitScript(() => {
    const make = (ok?: (v: unknown) => void, fail?: (e: Error) => void): unknown =>
      new Proxy(
        {},
        {
          get: (_t, prop: string) => {
            if (prop === 'withSuccessHandler') return (f: (v: unknown) => void) => make(f, fail);
            if (prop === 'withFailureHandler') return (f: (e: Error) => void) => make(ok, f);
            return (...args: unknown[]) => {
              void (
                window as unknown as {
                  __gasCall: (n: string, a: unknown[]) => Promise<{ ok?: unknown; error?: string }>;
                }
              )
                .__gasCall(prop, args)
                .then((r) => (r.error !== undefined ? fail?.(new Error(r.error)) : ok?.(r.ok)));
            };
          },
        },
      );
    (window as unknown as { google: unknown }).google = {
      script: {
        get run() {
          return make();
        },
      },
    };
  });
}
