#!/usr/bin/env bash
# Makes tests/fixtures/other-software/: one unit workbook as other software saves it, each small (< 50 KB),
# read by tests/xlsx.reading.test.ts. The tests only read these committed files (the CI machine may lack
# openpyxl); this script is how they were made, and remakes them:
#
#   seed.xlsx (not kept)        the product's own template for one ward, filled with consistent figures
#                               (tests/helpers/unit-fixture.ts CONSISTENT), written by ExcelJS
#   openpyxl-comment-chart.xlsx the seed opened and saved by openpyxl, as a province's Python script or pandas
#                               would: a cell comment, a bar chart and an Excel table (Format as Table) added;
#                               ExcelJS alone fails on each (openpyxl writes absolute relationship targets)
#   libreoffice.xlsx            the seed opened and saved as .xlsx by LibreOffice Calc (formulas computed)
#   sheets-inline-strings.xlsx  the LibreOffice copy rewritten the way Google Sheets' "Download → .xlsx" writes:
#                               every string inline (t="inlineStr"), no sharedStrings part, cached results kept
#   excel-extras.xlsx           the seed with parts Excel users' files carry and the product never reads: an image
#                               and its drawing, a pivot table and its cache, an external link, printer settings,
#                               custom XML and a part no one knows
#   small.ods, small.xls        a one-sheet workbook saved by LibreOffice as OpenDocument and as Excel 97–2003
#   small-password.xlsx         the same saved by LibreOffice with a password (an OLE2 file with EncryptionInfo)
#
# Needs: node (the repo's node_modules), /usr/bin/python3 with openpyxl (Debian: apt-get install
# python3-openpyxl), LibreOffice's soffice and its Python UNO bridge (Debian: libreoffice-calc-nogui,
# python3-uno). Run from anywhere: scripts/make-other-software-fixtures.sh
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/tests/fixtures/other-software"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
PY=/usr/bin/python3
mkdir -p "$OUT"

echo "1. seed: the product's template, filled (TypeScript sources, transpiled on the fly)"
node - "$ROOT" "$WORK/seed.xlsx" <<'JS'
const [root, target] = process.argv.slice(2);
const fs = require('fs');
const ts = require(`${root}/node_modules/typescript`);
require.extensions['.ts'] = (m, file) =>
  m._compile(
    ts.transpileModule(fs.readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019, esModuleInterop: true },
      fileName: file,
    }).outputText,
    file,
  );
const { unitWorkbook, CONSISTENT } = require(`${root}/tests/helpers/unit-fixture.ts`);
unitWorkbook(CONSISTENT, 'Phường Lộc Thọ', '2023-06').then(({ file }) => fs.copyFileSync(file, target));
JS

echo "2. openpyxl: a comment, a chart and an Excel table"
"$PY" - "$WORK/seed.xlsx" "$OUT/openpyxl-comment-chart.xlsx" <<'PY'
import sys, openpyxl
from openpyxl.comments import Comment
from openpyxl.chart import BarChart, Reference
from openpyxl.worksheet.table import Table, TableStyleInfo
wb = openpyxl.load_workbook(sys.argv[1])
notes = wb.create_sheet('Ghi chú')
for row in [['Ngày', 'Nội dung'], ['05/07/2023', 'Gửi bản giấy kèm theo'], ['10/07/2023', 'Bổ sung số liệu T3']]:
    notes.append(row)
table = Table(displayName='GhiChu', ref='A1:B3')
table.tableStyleInfo = TableStyleInfo(name='TableStyleMedium9', showRowStripes=True)
notes.add_table(table)
ws = wb['T1 Chỉ tiêu']
ws['E6'].comment = Comment('Số liệu do bộ phận Một cửa cung cấp', 'Nguyễn Văn A')
chart = BarChart()
chart.title = 'Tử số'
chart.add_data(Reference(ws, min_col=5, min_row=6, max_row=12), titles_from_data=False)
ws.add_chart(chart, 'L2')
wb.save(sys.argv[2])
PY

echo "3. LibreOffice: the seed saved as .xlsx; a small workbook as .ods, .xls and with a password"
"$PY" - "$WORK/small.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = 'T4 Phản ánh'
for row in [['STT', 'Đơn vị', 'Tổng số phản ánh'], [1, 'Phường Lộc Thọ', 16]]:
    ws.append(row)
wb.save(sys.argv[1])
PY
PROFILE="$WORK/profile"
mkdir -p "$PROFILE"
SOFFICE=(soffice "-env:UserInstallation=file://$PROFILE" --headless --norestore --nolockcheck)
"${SOFFICE[@]}" --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$WORK/lo" "$WORK/seed.xlsx" >/dev/null
cp "$WORK/lo/seed.xlsx" "$OUT/libreoffice.xlsx"
"${SOFFICE[@]}" --convert-to ods --outdir "$WORK/lo" "$WORK/small.xlsx" >/dev/null
"${SOFFICE[@]}" --convert-to 'xls:MS Excel 97' --outdir "$WORK/lo" "$WORK/small.xlsx" >/dev/null
cp "$WORK/lo/small.ods" "$OUT/small.ods"
cp "$WORK/lo/small.xls" "$OUT/small.xls"

# A password needs the UNO API: a listening soffice, and storeToURL with the EncryptionData LibreOffice's own
# "Save with password" gives the OOXML filter (OOXPassword, and CryptoType Standard: ECMA-376 standard
# encryption; Excel opens it and asks for the password).
PORT=$((20000 + RANDOM % 20000))
"${SOFFICE[@]}" --invisible "--accept=socket,host=127.0.0.1,port=$PORT;urp;" &
LO_PID=$!
"$PY" - "$PORT" "$WORK/small.xlsx" "$OUT/small-password.xlsx" <<'PY'
import sys, time, uno
from com.sun.star.beans import NamedValue, PropertyValue
port, source, target = sys.argv[1:]
def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p
def named(name, value):
    n = NamedValue()
    n.Name, n.Value = name, value
    return n
resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
    'com.sun.star.bridge.UnoUrlResolver', uno.getComponentContext())
for _ in range(100):
    try:
        ctx = resolver.resolve(f'uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext')
        break
    except Exception:
        time.sleep(0.3)
desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), '_blank', 0, (prop('Hidden', True),))
encryption = uno.Any('[]com.sun.star.beans.NamedValue', (named('OOXPassword', 'matkhau'), named('CryptoType', 'Standard')))
descriptor = uno.Any('[]com.sun.star.beans.PropertyValue',
                     (prop('FilterName', 'Calc MS Excel 2007 XML'), PropertyValue('EncryptionData', 0, encryption, 0)))
uno.invoke(doc, 'storeToURL', (uno.systemPathToFileUrl(target), descriptor))
doc.close(True)
try:
    desktop.terminate()
except Exception:
    pass  # the bridge closes as LibreOffice quits
PY
wait "$LO_PID" 2>/dev/null || true

echo "4. Google Sheets' download format: inline strings, no shared strings"
"$PY" - "$OUT/libreoffice.xlsx" "$OUT/sheets-inline-strings.xlsx" <<'PY'
import sys, zipfile, openpyxl
from xml.sax.saxutils import escape
source, target = sys.argv[1:]
formulas = openpyxl.load_workbook(source)
cached = openpyxl.load_workbook(source, data_only=True)
NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'
CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml'
def cell(ref, f, v):
    if isinstance(v, bool):
        body, t = f'<v>{int(v)}</v>', ' t="b"'
    elif isinstance(v, (int, float)):
        body, t = f'<v>{v}</v>', ''
    elif v is None:
        body, t = ('<v></v>', ' t="str"') if f else ('', '')
    else:
        body, t = (f'<v>{escape(str(v))}</v>', ' t="str"') if f else (f'<is><t>{escape(str(v))}</t></is>', ' t="inlineStr"')
    if not body and not f:
        return ''
    return f'<c r="{ref}"{t}>' + (f'<f>{escape(f[1:])}</f>' if f else '') + body + '</c>'
sheets = []
for i, ws in enumerate(formulas.worksheets, 1):
    vs = cached[ws.title]
    rows = []
    for row in ws.iter_rows():
        cells = ''.join(
            cell(c.coordinate, c.value if isinstance(c.value, str) and c.value.startswith('=') else None,
                 vs[c.coordinate].value)
            for c in row if c.value is not None)
        if cells:
            rows.append(f'<row r="{row[0].row}">{cells}</row>')
    merges = ''.join(f'<mergeCell ref="{m}"/>' for m in ws.merged_cells.ranges)
    sheets.append((ws.title, ws.sheet_state,
                   f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS}" xmlns:r="{R}">'
                   '<sheetPr><outlinePr summaryBelow="0" summaryRight="0"/></sheetPr>'
                   '<sheetFormatPr customHeight="1" defaultColWidth="14.43" defaultRowHeight="15.75"/>'
                   f'<sheetData>{"".join(rows)}</sheetData>'
                   + (f'<mergeCells count="{len(ws.merged_cells.ranges)}">{merges}</mergeCells>' if merges else '')
                   + '</worksheet>'))
with zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml',
               '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default ContentType="application/xml" Extension="xml"/>'
               '<Default ContentType="application/vnd.openxmlformats-package.relationships+xml" Extension="rels"/>'
               + ''.join(f'<Override ContentType="{CT}.worksheet+xml" PartName="/xl/worksheets/sheet{i}.xml"/>'
                         for i in range(1, len(sheets) + 1))
               + f'<Override ContentType="{CT}.styles+xml" PartName="/xl/styles.xml"/>'
               f'<Override ContentType="{CT}.sheet.main+xml" PartName="/xl/workbook.xml"/></Types>')
    z.writestr('_rels/.rels', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG}">'
               f'<Relationship Id="rId1" Type="{R}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr('xl/_rels/workbook.xml.rels',
               f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG}">'
               f'<Relationship Id="rId1" Type="{R}/styles" Target="styles.xml"/>'
               + ''.join(f'<Relationship Id="rId{i + 2}" Type="{R}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                         for i in range(1, len(sheets) + 1)) + '</Relationships>')
    z.writestr('xl/workbook.xml',
               f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{NS}" xmlns:r="{R}">'
               '<workbookPr/><sheets>'
               + ''.join(f'<sheet state="{state}" name="{escape(name)}" sheetId="{i}" r:id="rId{i + 2}"/>'
                         for i, (name, state, _) in enumerate(sheets, 1))
               + '</sheets><definedNames/><calcPr/></workbook>')
    z.writestr('xl/styles.xml',
               f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{NS}">'
               '<fonts count="1"><font><sz val="10.0"/><name val="Arial"/></font></fonts>'
               '<fills count="2"><fill><patternFill patternType="none"/></fill>'
               '<fill><patternFill patternType="lightGray"/></fill></fills>'
               '<borders count="1"><border/></borders>'
               '<cellStyleXfs count="1"><xf borderId="0" fillId="0" fontId="0" numFmtId="0"/></cellStyleXfs>'
               '<cellXfs count="1"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" xfId="0"/></cellXfs>'
               '<cellStyles count="1"><cellStyle xfId="0" name="Normal" builtinId="0"/></cellStyles>'
               '</styleSheet>')
    for i, (_, _, xml) in enumerate(sheets, 1):
        z.writestr(f'xl/worksheets/sheet{i}.xml', xml)
PY

echo "5. Excel users' extras: image, pivot table, external link, printer settings, custom XML, an unknown part"
"$PY" - "$WORK/seed.xlsx" "$OUT/excel-extras.xlsx" <<'PY'
import sys, zipfile, base64
source, target = sys.argv[1:]
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'
CT = 'application/vnd.openxmlformats-officedocument'
PNG = base64.b64decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==')
def rels(*items):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG}">'
            + ''.join(f'<Relationship Id="{i}" Type="{t}" Target="{g}"{m}/>' for i, t, g, m in items)
            + '</Relationships>')
extra = {
    'xl/media/image1.png': PNG,
    'xl/drawings/drawing1.xml':
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<xdr:oneCellAnchor><xdr:from><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>'
        '<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/><xdr:pic><xdr:nvPicPr>'
        '<xdr:cNvPr id="1" name="Logo"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill>'
        f'<a:blip xmlns:r="{R}" r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>'
        '<xdr:spPr><a:prstGeom prst="rect"/></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>',
    'xl/drawings/_rels/drawing1.xml.rels': rels(('rId1', f'{R}/image', '../media/image1.png', '')),
    'xl/pivotCache/pivotCacheDefinition1.xml':
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'xmlns:r="{R}" r:id="rId1" recordCount="1"><cacheSource type="worksheet">'
        '<worksheetSource ref="B5:C6" sheet="T2 Văn bản"/></cacheSource><cacheFields count="1">'
        '<cacheField name="Đơn vị" numFmtId="0"><sharedItems count="1"><s v="Phường Lộc Thọ"/></sharedItems>'
        '</cacheField></cacheFields></pivotCacheDefinition>',
    'xl/pivotCache/pivotCacheRecords1.xml':
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<pivotCacheRecords xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1">'
        '<r><x v="0"/></r></pivotCacheRecords>',
    'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels':
        rels(('rId1', f'{R}/pivotCacheRecords', 'pivotCacheRecords1.xml', '')),
    'xl/pivotTables/pivotTable1.xml':
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="PivotTable1" '
        'cacheId="1" dataCaption="Values"><location ref="L20:L21" firstHeaderRow="1" firstDataRow="1" '
        'firstDataCol="0"/><pivotFields count="1"><pivotField axis="axisRow" showAll="0"><items count="2">'
        '<item x="0"/><item t="default"/></items></pivotField></pivotFields></pivotTableDefinition>',
    'xl/pivotTables/_rels/pivotTable1.xml.rels':
        rels(('rId1', f'{R}/pivotCacheDefinition', '../pivotCache/pivotCacheDefinition1.xml', '')),
    'xl/externalLinks/externalLink1.xml':
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'xmlns:r="{R}"><externalBook r:id="rId1"><sheetNames><sheetName val="Tổng hợp"/></sheetNames>'
        '</externalBook></externalLink>',
    'xl/externalLinks/_rels/externalLink1.xml.rels':
        rels(('rId1', f'{R}/externalLinkPath', 'file:///C:/BaoCao/TongHop2022.xlsx', ' TargetMode="External"')),
    'xl/printerSettings/printerSettings1.bin': b'\x00' * 256,
    'customXml/item1.xml': '<?xml version="1.0" encoding="UTF-8"?><b:Sources xmlns:b="urn:x"/>',
    'customXml/itemProps1.xml':
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{00000000-0000-0000-'
        '0000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>',
    'customXml/_rels/item1.xml.rels': rels(('rId1', f'{R}/customXmlProps', 'itemProps1.xml', '')),
    'xl/vendor/unknown1.xml': '<?xml version="1.0" encoding="UTF-8"?><thing xmlns="urn:vendor:unknown">?</thing>',
}
overrides = {
    '/xl/drawings/drawing1.xml': f'{CT}.drawing+xml',
    '/xl/pivotCache/pivotCacheDefinition1.xml': f'{CT}.spreadsheetml.pivotCacheDefinition+xml',
    '/xl/pivotCache/pivotCacheRecords1.xml': f'{CT}.spreadsheetml.pivotCacheRecords+xml',
    '/xl/pivotTables/pivotTable1.xml': f'{CT}.spreadsheetml.pivotTable+xml',
    '/xl/externalLinks/externalLink1.xml': f'{CT}.spreadsheetml.externalLink+xml',
    '/customXml/itemProps1.xml': f'{CT}.customXmlProperties+xml',
    '/xl/vendor/unknown1.xml': 'application/vnd.vendor.unknown+xml',
}
with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as z:
    for info in src.infolist():
        data = src.read(info.filename)
        if info.filename == '[Content_Types].xml':
            data = data.replace(b'</Types>', (
                '<Default Extension="png" ContentType="image/png"/>'
                '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.'
                'spreadsheetml.printerSettings"/>'
                + ''.join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides.items())
                + '</Types>').encode())
        elif info.filename == 'xl/workbook.xml':
            data = data.replace(b'</sheets>', b'</sheets><externalReferences><externalReference r:id="rIdX1"/>'
                                b'</externalReferences>', 1)
            data = data.replace(b'</workbook>', b'<pivotCaches><pivotCache cacheId="1" r:id="rIdX2"/></pivotCaches>'
                                b'</workbook>')
        elif info.filename == 'xl/_rels/workbook.xml.rels':
            data = data.replace(b'</Relationships>', (
                f'<Relationship Id="rIdX1" Type="{R}/externalLink" Target="externalLinks/externalLink1.xml"/>'
                f'<Relationship Id="rIdX2" Type="{R}/pivotCacheDefinition" '
                'Target="pivotCache/pivotCacheDefinition1.xml"/>'
                '<Relationship Id="rIdX3" Type="urn:vendor:unknown" Target="vendor/unknown1.xml"/>'
                '</Relationships>').encode())
        elif info.filename == '_rels/.rels':
            data = data.replace(b'</Relationships>', (
                f'<Relationship Id="rIdX4" Type="{R}/customXml" Target="customXml/item1.xml"/>'
                '</Relationships>').encode())
        elif info.filename == 'xl/worksheets/sheet3.xml':
            # T2 Văn bản: the logo, the pivot table and printer settings hang off this sheet.
            data = data.replace(b'<pageSetup ', b'<pageSetup r:id="rIdX7" ', 1)
            data = data.replace(b'</worksheet>', b'<drawing r:id="rIdX5"/></worksheet>')
            if b'xmlns:r=' not in data[:600]:
                data = data.replace(b'<worksheet ', f'<worksheet xmlns:r="{R}" '.encode(), 1)
        z.writestr(info, data)
    z.writestr('xl/worksheets/_rels/sheet3.xml.rels', rels(
        ('rIdX5', f'{R}/drawing', '../drawings/drawing1.xml', ''),
        ('rIdX6', f'{R}/pivotTable', '../pivotTables/pivotTable1.xml', ''),
        ('rIdX7', f'{R}/printerSettings', '../printerSettings/printerSettings1.bin', '')))
    for name, data in extra.items():
        z.writestr(name, data)
PY

ls -l "$OUT"
for f in "$OUT"/*; do
  size=$(stat -c %s "$f")
  if [ "$size" -ge 51200 ]; then echo "too large for a fixture: $f ($size bytes)" >&2; exit 1; fi
done
