/**
 * A text in plain letters, digits and hyphens ("6 tháng đầu năm 2023" → "6-thang-dau-nam-2023"): for the names of
 * files a pane downloads or saves, which any disk, mail and Drive keep as they are.
 */
export function plainSlug(text: string | null | undefined): string {
  return (text ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
