/* Builds what each host loads: dist/addin (Excel) and dist/appsscript (Google Sheets). */
const fs = require('fs');
const path = require('path');
const { URL } = require('url');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const GasPlugin = require('gas-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const HtmlInlineScriptPlugin = require('html-inline-script-webpack-plugin');
const { guideHtml } = require('./scripts/guide-html');

const panelCss = fs.readFileSync(path.join(__dirname, 'ui', 'panel.css'), 'utf8');
// The same panels, in the same order, in the task pane, the sidebar and the playground.
const panelSections = ['check', 'template', 'mapping', 'consolidate', 'formulas']
  .map((id) => `<section id="${id}"></section>`)
  .join('\n    ');
// Where the add-in is served from; the manifest in dist/addin is rewritten to it.
const DEV_URL = 'https://localhost:3000/';
// Microsoft's official CDN: what a deployed add-in loads (Marketplace requires it; numbered requirement sets
// are served from it). Development builds and the offline tests load the copy from @microsoft/office-js.
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * The deployment URL (DX_ADDIN_URL, from the environment or `--env DX_ADDIN_URL=…`), or null for a
 * development build. Set, it makes a deployment build: every localhost in the manifest rewritten, office.js
 * from the CDN.
 */
function deployment(env) {
  const raw = env.DX_ADDIN_URL || process.env.DX_ADDIN_URL;
  if (!raw) return null;
  const url = new URL(raw);
  if (url.protocol !== 'https:')
    throw new Error(`DX_ADDIN_URL must be an https:// address (Office loads add-ins over https): ${raw}`);
  return { base: url.href.endsWith('/') ? url.href : `${url.href}/`, origin: url.origin };
}

/** The manifest for where the add-in is served: the URLs under DEV_URL, then the bare origin (AppDomain). */
function rewriteManifest(xml, target) {
  if (!target) return xml;
  const out = xml.split(DEV_URL).join(target.base).split(DEV_URL.replace(/\/$/, '')).join(target.origin);
  if (/localhost/i.test(out)) throw new Error('manifest.xml still names localhost after rewriting it for DX_ADDIN_URL');
  return out;
}

const tsRule = {
  test: /\.ts$/,
  exclude: /node_modules/,
  use: {
    loader: 'ts-loader',
    options: {
      configFile: path.join(__dirname, 'tsconfig.json'),
      transpileOnly: true,
      // ES modules let webpack drop the parts of zod the core does not use.
      compilerOptions: { module: 'es2020' },
    },
  },
};

const common = {
  context: __dirname,
  devtool: false,
  resolve: { extensions: ['.ts', '.js'] },
  module: { rules: [tsRule] },
  performance: { hints: false },
};

const addin = (env, argv, server) => {
  const target = deployment(env);
  return {
    ...common,
    name: 'addin',
    target: ['web', 'es2019'],
    entry: {
      functions: './addin/functions/functions.ts',
      taskpane: './addin/taskpane/taskpane.ts',
    },
    // Chunks loaded on demand carry their content's hash: a pane cached by Office never asks for a chunk of an
    // earlier deployment under the same name.
    output: {
      path: path.join(__dirname, 'dist', 'addin'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    // ExcelJS and JSZip (about 1 MB) load with the first file picked or the first "Tạo phiếu cho tất cả đơn vị",
    // not with the pane: one chunk of their own, by name, that both of those chunks share.
    optimization: {
      splitChunks: {
        cacheGroups: {
          exceljs: { test: /[\\/]node_modules[\\/](exceljs|jszip)[\\/]/, name: 'exceljs', chunks: 'async' },
        },
      },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: './addin/functions/functions.ts', output: 'functions.json' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './addin/taskpane/taskpane.html',
        // One shared runtime: the page loads the functions and the pane together.
        chunks: ['functions', 'taskpane'],
        templateParameters: { panelCss, panelSections, officeJs: target ? OFFICE_JS_CDN : 'office-js/office.js' },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'addin/help/help.html', to: 'help.html' },
          // The user guide beside the pane, with the pictures the browser tests take (tests/guide.browser.test.ts).
          { from: 'docs/huong-dan.md', to: 'huong-dan.html', transform: (content) => guideHtml(content.toString()) },
          { from: 'docs/huong-dan/*.png', to: 'huong-dan/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => rewriteManifest(content.toString(), target),
          },
          // Development and tests: office.js served beside the pane, no network needed. A deployment loads the CDN.
          ...(target
            ? []
            : [
                {
                  from: 'node_modules/@microsoft/office-js/dist',
                  to: 'office-js',
                  globOptions: { ignore: ['**/*.debug.js', '**/*.d.ts'] },
                  info: { minimized: true },
                },
              ]),
        ],
      }),
    ],
    devServer: {
      static: path.join(__dirname, 'dist', 'addin'),
      headers: { 'Access-Control-Allow-Origin': '*' },
      port: 3000,
      server,
    },
  };
};

/**
 * `npm run dev-server` serves https with Office's development certificate (office-addin-dev-certs makes it
 * and installs its authority, which needs an administrator). Where that cannot be done — no sudo, no
 * keychain — the server says so and serves http, which a browser opens but Excel does not load add-ins from.
 * Builds and tests never ask for certificates.
 */
async function devServer(env) {
  if (!env.WEBPACK_SERVE) return undefined;
  try {
    const devCerts = require('office-addin-dev-certs');
    return { type: 'https', options: await devCerts.getHttpsServerOptions() };
  } catch (e) {
    const why = String((e && e.message) || e).split('\n')[0];
    console.warn(
      `\n[dx-report] Không dùng được chứng chỉ https phát triển (${why}).\n` +
        '[dx-report] Máy chủ chạy bằng http://localhost:3000 — Excel chỉ nạp add-in qua https: chạy\n' +
        '[dx-report] "npx office-addin-dev-certs install" với quyền quản trị rồi chạy lại npm run dev-server.\n' +
        `[dx-report] No https development certificate (${why}); serving plain http on port 3000, which Excel\n` +
        '[dx-report] will not load: run "npx office-addin-dev-certs install" as an administrator, then retry.\n',
    );
    return { type: 'http' };
  }
}

const appsscript = () => ({
  ...common,
  name: 'appsscript',
  target: ['web', 'es2019'],
  entry: { Code: './appsscript/server/main.ts', sidebar: './appsscript/sidebar/sidebar.ts' },
  output: { path: path.join(__dirname, 'dist', 'appsscript'), filename: '[name].js', clean: true },
  // Keep the bundle readable: Apps Script shows stack traces against it, and the JSDoc must survive.
  optimization: { minimize: false },
  plugins: [
    new GasPlugin({ include: ['appsscript/server/**/*.ts'] }),
    new HtmlWebpackPlugin({
      filename: 'Sidebar.html',
      template: './appsscript/sidebar/sidebar.html',
      chunks: ['sidebar'],
      inject: 'body',
      templateParameters: { panelCss, panelSections },
    }),
    new HtmlInlineScriptPlugin(),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'appsscript/appsscript.json', to: 'appsscript.json' },
        // The guide for the menu's "Hướng dẫn sử dụng"; a project holds no picture files: their captions stay.
        {
          from: 'docs/huong-dan.md',
          to: 'HuongDan.html',
          transform: (content) => guideHtml(content.toString(), { pictures: false }),
        },
      ],
    }),
    {
      // clasp pushes every file in rootDir: the sidebar's script lives inside Sidebar.html only.
      apply(compiler) {
        compiler.hooks.thisCompilation.tap('DropInlinedSidebar', (compilation) => {
          compilation.hooks.processAssets.tap(
            { name: 'DropInlinedSidebar', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
            () => compilation.deleteAsset('sidebar.js'),
          );
        });
      },
    },
  ],
});

/** The playground: the pane's panels over an .xlsx workbook in the browser (npm run playground). */
const playground = () => ({
  ...common,
  name: 'playground',
  target: ['web', 'es2019'],
  entry: { playground: './playground/playground.ts' },
  output: { path: path.join(__dirname, 'dist', 'playground'), filename: '[name].js', clean: true },
  plugins: [
    new HtmlWebpackPlugin({
      filename: 'index.html',
      template: './playground/index.html',
      chunks: ['playground'],
      templateParameters: { panelCss, panelSections },
    }),
  ],
});

module.exports = async (env = {}, argv = {}) => [
  addin(env, argv, await devServer(env)),
  appsscript(env, argv),
  playground(env, argv),
];
