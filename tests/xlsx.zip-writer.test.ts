/**
 * The annexes' zip writer (xlsx/zip-writer.ts): whatever the parts and however their text is handed over — in
 * small writes, past the 1 MB pieces each deflated on its own, empty, Vietnamese —, a standard reader (JSZip,
 * its CRC-32 checked) gives every part back byte for byte, under its UTF-8 name, in order.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { ZipWriter } from '../xlsx/zip-writer';

async function readBack(bytes: Uint8Array): Promise<Array<[string, string]>> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const names = Object.keys(zip.files);
  return Promise.all(names.map(async (n) => [n, await zip.file(n)!.async('string')] as [string, string]));
}

describe('the zip writer', () => {
  test('property: parts written in any pieces read back the same, CRC and sizes checked', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom('<c r="A1" t="s"><v>0</v></c>', 'Phường Lộc Thọ — Ủy ban', '“ngoặc” & <thẻ>', ''),
    );
    const part = fc.record({
      name: fc.constantFrom('xl/worksheets/sheet1.xml', 'xl/styles.xml', 'docProps/app.xml', 'Phụ lục/ờ.xml'),
      writes: fc.array(text, { maxLength: 30 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(part, { selector: (p) => p.name, maxLength: 4 }), async (parts) => {
        const zip = new ZipWriter();
        for (const p of parts) {
          const w = zip.part(p.name);
          for (const t of p.writes) w.write(t);
          w.close();
        }
        expect(await readBack(zip.finish())).toEqual(parts.map((p) => [p.name, p.writes.join('')]));
      }),
      { numRuns: 60 },
    );
  });

  test('a part of several megabytes, past the pieces deflated one by one, and the same bytes each time', async () => {
    const row = (i: number) =>
      `<row r="${i}"><c r="A${i}" t="s"><v>${i % 97}</v></c><c r="B${i}"><v>${i}</v></c></row>`;
    const make = () => {
      const zip = new ZipWriter();
      const w = zip.part('xl/worksheets/sheet1.xml');
      for (let i = 1; i <= 60000; i++) w.write(row(i));
      w.close();
      zip.add('xl/sharedStrings.xml', 'Đơn vị báo cáo');
      return zip.finish();
    };
    const bytes = make();
    const [[, sheet], [, strings]] = await readBack(bytes);
    expect(sheet.length).toBeGreaterThan(3 * (1 << 20));
    expect(sheet.startsWith(row(1)) && sheet.endsWith(row(60000))).toBe(true);
    expect(strings).toBe('Đơn vị báo cáo');
    // Compressed well below the text, and deterministic (a fixed date in every header).
    expect(bytes.length).toBeLessThan(sheet.length / 5);
    expect(Buffer.from(make()).equals(Buffer.from(bytes))).toBe(true);
  });

  test('a part still open is a programming slip, said before anything is lost', () => {
    const zip = new ZipWriter();
    zip.part('a.xml').write('x');
    expect(() => zip.part('b.xml')).toThrow(/a part is still open/);
    expect(() => zip.finish()).toThrow(/a part is still open/);
  });
});
