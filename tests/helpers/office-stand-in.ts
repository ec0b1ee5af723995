/**
 * What the built task pane finds in place of office.js in a browser test: Office.onReady saying "Excel",
 * Excel.run over the Excel stand-in (fake-excel.ts) running in the page, and CustomFunctions.associate for the
 * functions bundle that rides in the same page. Built for the page by buildOfficeStandIn (office-stand-in-build.ts).
 *
 * - Office.onReady(callback?) calls back with, and resolves to, { host, platform }
 *   (https://learn.microsoft.com/javascript/api/office#office-office-onready-function(1)); office.js gives the
 *   enums' names as their values (Office.HostType.Excel is "Excel", Office.PlatformType.Mac is "Mac",
 *   https://learn.microsoft.com/javascript/api/office/office.platformtype).
 * - The platform is OfficeOnline (Excel on the web) unless the test set window.__officePlatform first.
 */
import { FakeExcel } from './fake-excel';

interface StandInWindow {
  __officePlatform?: string;
  __excel: FakeExcel;
  Office: unknown;
  Excel: unknown;
  CustomFunctions: unknown;
}

const w = window as unknown as StandInWindow;
const names = (...xs: string[]) => Object.fromEntries(xs.map((x) => [x, x]));
const HostType = names('Word', 'Excel', 'PowerPoint', 'Outlook', 'OneNote', 'Project', 'Access');
const PlatformType = names('PC', 'OfficeOnline', 'Mac', 'iOS', 'Android', 'Universal');
const platform = w.__officePlatform ?? 'OfficeOnline';
const excel = new FakeExcel({ platform: platform === 'OfficeOnline' ? 'web' : 'desktop' });

w.__excel = excel;
w.Office = {
  HostType,
  PlatformType,
  context: { platform, diagnostics: { host: 'Excel', platform, version: '16.0' } },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: HostType.Excel, platform };
    return Promise.resolve(info).then((i) => {
      callback?.(i);
      return i;
    });
  },
};
w.Excel = { run: excel.run };
w.CustomFunctions = {
  associate: () => undefined,
  Error: class {},
  ErrorCode: {},
};
