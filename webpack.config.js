/* Builds what each host loads: dist/addin (Excel) and dist/appsscript (Google Sheets). */
const fs = require('fs');
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const GasPlugin = require('gas-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const HtmlInlineScriptPlugin = require('html-inline-script-webpack-plugin');

const panelCss = fs.readFileSync(path.join(__dirname, 'ui', 'panel.css'), 'utf8');
// The same panels, in the same order, in the task pane, the sidebar and the playground.
const panelSections = ['check', 'template', 'mapping', 'consolidate', 'formulas']
  .map((id) => `<section id="${id}"></section>`)
  .join('\n    ');
// Where the add-in is served from; the manifest in dist/addin is rewritten to it.
const DEV_URL = 'https://localhost:3000/';
const ADDIN_URL = process.env.DX_ADDIN_URL || DEV_URL;

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

const addin = (env, argv) => ({
  ...common,
  name: 'addin',
  target: ['web', 'es2019'],
  entry: {
    functions: './addin/functions/functions.ts',
    taskpane: './addin/taskpane/taskpane.ts',
  },
  output: { path: path.join(__dirname, 'dist', 'addin'), filename: '[name].js', clean: true },
  plugins: [
    new CustomFunctionsMetadataPlugin({ input: './addin/functions/functions.ts', output: 'functions.json' }),
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: './addin/taskpane/taskpane.html',
      // One shared runtime: the page loads the functions and the pane together.
      chunks: ['functions', 'taskpane'],
      templateParameters: { panelCss, panelSections },
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'assets/*.png', to: 'assets/[name][ext]' },
        { from: 'addin/help/help.html', to: 'help.html' },
        {
          from: 'manifest.xml',
          to: 'manifest.xml',
          transform: (content) => content.toString().split(DEV_URL).join(ADDIN_URL),
        },
        // office.js served beside the pane: no CDN call from the add-in.
        {
          from: 'node_modules/@microsoft/office-js/dist',
          to: 'office-js',
          globOptions: { ignore: ['**/*.debug.js', '**/*.d.ts'] },
          info: { minimized: true },
        },
      ],
    }),
  ],
  devServer: {
    static: path.join(__dirname, 'dist', 'addin'),
    headers: { 'Access-Control-Allow-Origin': '*' },
    port: 3000,
    server: argv.mode === 'development' && !env.WEBPACK_BUILD ? httpsServer() : undefined,
  },
});

function httpsServer() {
  // Only `npm run dev-server` needs certificates; builds and tests never do.
  const devCerts = require('office-addin-dev-certs');
  return { type: 'https', options: devCerts.getHttpsServerOptions() };
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
    new CopyWebpackPlugin({ patterns: [{ from: 'appsscript/appsscript.json', to: 'appsscript.json' }] }),
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

module.exports = (env = {}, argv = {}) => [addin(env, argv), appsscript(env, argv), playground(env, argv)];
