import { applicableTarget, defaultCatalogue, parsedTargets } from '../shared/catalogue/catalogue';
import { runCli } from './helpers/cli';

const cat = defaultCatalogue();
// Seed 003 is the Vũng Tàu report: its rows name it as their source.
const seed003 = cat.filter((i) => i.source.startsWith('Báo cáo 9 tháng năm 2023, UBND TP Vũng Tàu'));

describe('indicator catalogue', () => {
  test('seed 003 §6.2 rows per group: I 14, II 6, III 14 (numbered 01–09, 11–15: the source skips 10), IV 9, V 1', () => {
    const count = (g: string) => seed003.filter((i) => i.group === g).length;
    expect([count('I'), count('II'), count('III'), count('IV'), count('V')]).toEqual([14, 6, 14, 9, 1]);
    expect(seed003.filter((i) => i.group === 'III').map((i) => i.number)).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '11',
      '12',
      '13',
      '14',
      '15',
    ]);
  });

  test('national targets kept verbatim, with their parsed form', () => {
    const byCode = (c: string) => cat.find((i) => i.code === c)!;
    const national = (c: string) => byCode(c).targets.find((t) => t.level === 'quoc-gia')!.text;
    expect(national('KTS.01')).toBe('Trên 8,5%.');
    expect(national('XHS.03')).toBe('30% đến cuối năm là 50%');
    expect(national('KTS.06')).toBe('50% sản phẩm; 85% hộ có tài khoản trên sàn TMĐT');
    expect(national('XHS.06')).toBe('Trên 60%');
    expect(national('CQS.02')).toBe('50%');
    const eid = parsedTargets(byCode('XHS.03')).find((t) => t.level === 'quoc-gia')!;
    expect(eid.parsed).toEqual({
      verbatim: '30% đến cuối năm là 50%',
      parts: [{ stage: { op: '>=', value: 0.3 }, yearEnd: { op: '>=', value: 0.5 } }],
    });
    expect(parsedTargets(byCode('KTS.06'))[0].parsed!.parts).toHaveLength(2);
    expect(parsedTargets(byCode('KTS.01'))[0].parsed!.parts[0].stage).toEqual({ op: '>', value: 0.085 });
  });

  test('province and city targets differ where the seed says so', () => {
    const t = (c: string) =>
      cat
        .find((i) => i.code === c)!
        .targets.filter((x) => x.year === 2023)
        .map((x) => x.text);
    expect(t('XHS.13')).toEqual(['80%', '90%', '90%']);
    expect(t('KTS.05')).toEqual(['50%', '50%', '51.01%']);
  });

  test('2024 city targets of seed 004 §II apply to 2024 reports', () => {
    const ind = cat.find((i) => i.code === 'CQS.09')!;
    expect(applicableTarget(ind, 2023)?.text).toBe('30%');
    expect(applicableTarget(ind, 2024)?.text).toBe('45%');
    expect(
      applicableTarget(
        cat.find((i) => i.code === 'KTS.GRDP')!,
        2024,
      )?.text,
    ).toBe('tối thiểu 9,5%');
  });

  test('counted indicators of seeds 000 and 002; subscriptions may exceed 100%', () => {
    for (const code of [
      'CQS.VBDT',
      'CQS.KYSO',
      'CQS.HSTT',
      'CQS.BCCI',
      'CQS.TTTT',
      'XHS.DDDT',
      'KTS.THUEDT',
      'KTS.THUEDD',
      'KTS.HDMTT',
      'XHS.HOCPHI',
      'XHS.VIENPHI',
    ]) {
      expect(cat.some((i) => i.code === code)).toBe(true);
    }
    expect(
      cat
        .filter((i) => i.allowOver100)
        .map((i) => i.code)
        .sort(),
    ).toEqual(['XHS.01', 'XHS.CAPQUANG', 'XHS.TBDD']);
    expect(new Set(cat.map((i) => i.code)).size).toBe(cat.length);
  });

  test('dx-report catalogue and registry, text and --json', async () => {
    const text = await runCli(['catalogue']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('XHS.03');
    expect(text.stdout).toContain('Quốc gia 2023: 30% đến cuối năm là 50%');
    const json = JSON.parse((await runCli(['catalogue', '--json'])).stdout);
    expect(json.indicators).toHaveLength(cat.length);
    expect(json.indicators.find((i: { code: string }) => i.code === 'KTS.01').targets[0].parsed.parts[0].stage).toEqual(
      { op: '>', value: 0.085 },
    );
    const reg = JSON.parse((await runCli(['registry', '--json'])).stdout);
    expect(reg.registries.map((r: { code: string; units: unknown[] }) => [r.code, r.units.length])).toEqual([
      ['NT', 49],
      ['KH', 38],
      ['VT', 30],
    ]);
    expect((await runCli(['registry'])).stdout).toContain('Phường Lộc Thọ');
  });
});
