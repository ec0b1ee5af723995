/*
 * The Apps Script entry. It only loads the three files that put on the global scope what Apps
 * Script calls by name: the menu and its triggers (menu.ts), the sidebar's google.script.run
 * targets (handlers.ts) and the DX_ custom functions (custom-functions.ts, generated from
 * shared/formulas/catalog.ts).
 *
 * gas-webpack-plugin turns each `global.NAME = ...` statement of those files into a top-level
 * `function NAME(){}` stub in Code.js carrying the JSDoc above the statement: Apps Script calls
 * only top-level functions, and Sheets reads @customfunction from that JSDoc. The plugin writes
 * the stubs of each module webpack keeps apart, not those of a module concatenated into another;
 * so this file is a script (no import, no export) that requires the three, which keeps each a
 * module of its own. ES exports (the plugin's autoGlobalExportsFiles) would get stubs without JSDoc.
 */
require('./menu');
require('./handlers');
require('./custom-functions');
