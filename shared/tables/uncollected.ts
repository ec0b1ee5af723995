import type { TableLayout } from './read';
import { TableSpec } from './schema';

/** A table seen and not collected: its spec, its name, and whether the product itself makes it. */
export interface Uncollected {
  spec: TableSpec;
  /** How users call it: "Bảng chữ ký số". */
  name: string;
  /** An annex the product lays out from the units' reports (seed 001 Annex II, III): not a unit's report. */
  made?: true;
}

const STT = { key: 'stt', label: 'STT', variants: ['T T', 'TT'], kind: 'stt' } as const;
const UNIT = {
  key: 'unit',
  label: 'Tên cơ quan, địa phương',
  variants: ['Tên cơ quan, đơn vị, địa phương', 'Tên cơ quan, đơn vị', 'Cơ quan, đơn vị'],
  kind: 'text',
} as const;

/** Annex II's month columns: a quarter's annex has three, a month's one (only the first is required). */
const REPORTED = (key: string, optional: boolean) => ({
  key,
  label: 'Thực hiện báo cáo chuyển đổi số tháng …',
  variants: ['Báo cáo chuyển đổi số tháng …', 'Thực hiện báo cáo tháng …'],
  kind: 'mark' as const,
  optional,
});

/**
 * Tables staff keep in their reports that the product does not collect (no family, no annex): seed 003 §2,
 * digital signatures. Recognised by their labels so that validation says it saw them ("Bảng chữ ký số:
 * chưa thu thập") instead of passing over them without a word. So are the secretariat's own annexes (seed
 * 001 Annex II and III, as typed or as the product prints them) when someone sends one as a report.
 */
export const UNCOLLECTED: Uncollected[] = [
  {
    name: 'Bảng chữ ký số',
    spec: TableSpec.parse({
      id: 'ChuKySo',
      title: 'Chữ ký số, chứng thư số',
      rows: 'unit',
      generate: false,
      columns: [
        { key: 'stt', label: 'STT', variants: ['T T', 'TT'], kind: 'stt' },
        { key: 'unit', label: 'Tên cơ quan, đơn vị', variants: ['Đơn vị', 'Cơ quan, đơn vị'], kind: 'text' },
        { key: 'personIssued', group: 'CKS-CTS của cá nhân', label: 'Đã cấp', kind: 'count' },
        { key: 'personUsed', group: 'CKS-CTS của cá nhân', label: 'Sử dụng', kind: 'count' },
        { key: 'orgIssued', group: 'CKS-CTS của tổ chức', label: 'Đã cấp', kind: 'count' },
        { key: 'orgUsed', group: 'CKS-CTS của tổ chức', label: 'Sử dụng', kind: 'count' },
        {
          key: 'signed',
          group: 'Số lượng VB được ký số',
          groupVariants: ['Số lượng văn bản được ký số', 'Văn bản được ký số'],
          label: 'Cá nhân và Tổ chức',
          kind: 'count',
          optional: true,
        },
        {
          key: 'signedCopies',
          group: 'Số lượng VB được ký số',
          groupVariants: ['Số lượng văn bản được ký số', 'Văn bản được ký số'],
          label: 'Tổ chức hoặc ký Sao y',
          kind: 'count',
          optional: true,
        },
      ],
    }),
  },
  {
    name: 'Phụ lục II (danh sách đơn vị thực hiện báo cáo)',
    made: true,
    spec: TableSpec.parse({
      id: 'PhuLucBaoCao',
      title: 'Danh sách cơ quan, đơn vị, địa phương thực hiện báo cáo',
      rows: 'unit',
      generate: false,
      columns: [STT, UNIT, REPORTED('month1', false), REPORTED('month2', true), REPORTED('month3', true)],
    }),
  },
  {
    name: 'Phụ lục III (kế hoạch đã ban hành của các đơn vị)',
    made: true,
    spec: TableSpec.parse({
      id: 'PhuLucKeHoach',
      title: 'Kết quả ban hành kế hoạch của các cơ quan, đơn vị, địa phương',
      rows: 'unit',
      generate: false,
      columns: [
        STT,
        UNIT,
        { key: 'plan', label: 'Kế hoạch chuyển đổi số năm …', kind: 'mark' },
        { key: 'response', label: 'Kế hoạch ứng phó sự cố …', kind: 'mark' },
      ],
    }),
  },
];

/**
 * Enough of an uncollected table's columns to say it is there: four (fewer, a unit's name and a number, are
 * in many tables), or all it requires when that is fewer (a month's Phụ lục II: STT, the unit, one month).
 */
export function enoughSeen(spec: TableSpec, l: TableLayout): boolean {
  const found = Object.keys(l.columns).length;
  return found >= 4 || (l.missing.length === 0 && found >= spec.columns.filter((c) => !c.optional).length);
}
