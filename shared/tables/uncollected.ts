import { TableSpec } from './schema';

/**
 * Tables staff keep in their reports that the product does not collect (no family, no annex): seed 003 §2,
 * digital signatures. Recognised by their labels so that validation says it saw them ("Bảng chữ ký số:
 * chưa thu thập") instead of passing over them without a word.
 */
export const UNCOLLECTED: Array<{ spec: TableSpec; name: string }> = [
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
];
