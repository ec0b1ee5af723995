import { runFn } from './fn';
import { runDemo } from './demo';

const USAGE = `dx-report — báo cáo chuyển đổi số (Digital-transformation reporting)

Cách dùng:
  dx-report fn TÊN_HÀM ĐỐI_SỐ... [--json]   tính một hàm DX_ (ví dụ: dx-report fn DX_RATE 103.223 311.736)
  dx-report demo                            chạy các hàm trên số liệu mẫu từ các báo cáo
  dx-report help                            hướng dẫn này

Một vùng ô viết dạng JSON: dx-report fn DX_SUMRATE '[10,6]' '[16,10]'
`;

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const json = argv.includes('--json');
  const args = argv.filter((a) => a !== '--json');
  const [command, ...rest] = args;
  switch (command) {
    case 'fn': {
      const r = runFn(rest, json);
      out(r.stdout);
      return r.code;
    }
    case 'demo':
      out(runDemo());
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      out(`Lệnh không rõ: ${command}\n\n${USAGE}`);
      return 2;
  }
}
