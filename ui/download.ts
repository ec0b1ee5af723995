import { el } from './dom';

/** What a download link says, and the line under it for a second try. */
export const DOWNLOAD_TEXT = {
  link: (name: string) => `Tải về ${name}`,
  again: 'Nếu tệp chưa tải về, bấm vào liên kết.',
} as const;

/**
 * Bytes made in the pane as a download, as the report's (report-section.ts): a Blob behind an object URL, an
 * <a download> clicked once and left on screen for a second try. Returns the URL, for the caller to revoke when
 * a new file replaces it.
 */
export function offerDownload(
  into: HTMLElement,
  file: { id: string; name: string; bytes: Uint8Array | string; mime: string },
): string {
  const part = typeof file.bytes === 'string' ? file.bytes : (file.bytes as Uint8Array<ArrayBuffer>);
  const href = URL.createObjectURL(new Blob([part], { type: file.mime }));
  const a = el('a', { id: file.id, href, download: file.name }, DOWNLOAD_TEXT.link(file.name));
  into.append(el('p', {}, a), el('p', { class: 'help' }, DOWNLOAD_TEXT.again));
  a.click();
  return href;
}

/** A Google Drive address as a link, only if it is one (the text comes from the server: never markup). */
export function driveLink(into: HTMLElement, id: string, href: string, label: string): boolean {
  if (!/^https:\/\/(drive|docs)\.google\.com\//.test(href)) return false;
  // The sidebar's links open outside its frame (HtmlService IFRAME mode: target _blank or _top,
  // https://developers.google.com/apps-script/migration/iframe).
  into.appendChild(el('p', {}, el('a', { id, href, target: '_blank', rel: 'noopener' }, label)));
  return true;
}
