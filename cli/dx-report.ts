import { describeError } from '../shared/errors/describe';
import { isDxError } from '../shared/errors/errors';
import { parseArgs, UsageError } from './args';
import { runDemo } from './demo';
import { runFn } from './fn';
import { runCatalogue, runRegistry } from './lists';
import { runMap, runTables } from './tables';
import { runTemplate } from './template';
import { runValidate } from './validate';
import { runConsolidate } from './consolidate';

const USAGE =
  `dx-report — báo cáo chuyển đổi số (Digital-transformation reporting)

Cách dùng:
  dx-report fn TÊN_HÀM ĐỐI_SỐ... [--json]   tính một hàm DX_ (ví dụ: dx-report fn DX_RATE 103.223 311.736)
  dx-report template --unit TÊN --period YYYY-MM --out TỆP.xlsx [--preparer TÊN] [--config CẤU_HÌNH.xlsx]
                                            tạo phiếu báo cáo của một đơn vị
  dx-report validate TỆP_HOẶC_THƯ_MỤC... [--json] [--period YYYY-MM]
                                            kiểm tra phiếu báo cáo (0: không lỗi, 1: có lỗi, 2: không đọc được tệp)
  dx-report consolidate TỆP_HOẶC_THƯ_MỤC... --out PHU_LUC.xlsx [--html BAO_CAO.html]` +
  ` [--registry DANH_MUC.xlsx|.json] [--period YYYY-MM] [--include-errors] [--json]
                                            tổng hợp các phiếu thành phụ lục (Phụ lục I–VI, Nguồn số liệu)
  dx-report catalogue [--json]              danh mục chỉ tiêu
  dx-report registry [--json]               danh mục đơn vị
  dx-report tables TỆP.xlsx [--json]        các bảng nhận ra trong một tệp
  dx-report map TỆP.xlsx --sheet S --table T --header-row N --col khóa=CỘT ...
                                            lưu ánh xạ cột cho bảng có tiêu đề lạ
  dx-report demo                            thành phố mẫu: tạo phiếu, kiểm tra, tổng hợp vào out/
  dx-report help                            hướng dẫn này

Một vùng ô viết dạng JSON: dx-report fn DX_SUMRATE '[10,6]' '[16,10]'
`;

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const json = argv.includes('--json');
  const args = argv.filter((a) => a !== '--json');
  const [command, ...rest] = args;
  try {
    return await dispatch(command, rest, json, out);
  } catch (e) {
    if (e instanceof UsageError) {
      out(`${e.message}\n`);
      return 2;
    }
    // The product's own refusals and the system's (a missing file, a full disk) are said, not stack-traced.
    if (isDxError(e) || typeof (e as { code?: unknown }).code === 'string') {
      out(`${describeError(e)}\n`);
      return 1;
    }
    throw e;
  }
}

async function dispatch(
  command: string | undefined,
  rest: string[],
  json: boolean,
  out: (s: string) => void,
): Promise<number> {
  const args = () => parseArgs(json ? [...rest, '--json'] : rest);
  switch (command) {
    case 'template':
      return runTemplate(args(), out);
    case 'validate':
      return runValidate(args(), out);
    case 'consolidate':
      return runConsolidate(parseArgs(json ? [...rest, '--json'] : rest, ['json', 'force', 'include-errors']), out);
    case 'catalogue':
      return runCatalogue(args(), out);
    case 'registry':
      return runRegistry(args(), out);
    case 'tables':
      return runTables(args(), out);
    case 'map':
      return runMap(args(), out);
    case 'fn': {
      const r = runFn(rest, json);
      out(r.stdout);
      return r.code;
    }
    case 'demo':
      return runDemo(process.cwd(), out);
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
