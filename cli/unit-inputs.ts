/**
 * What the commands that read unit workbooks to write something (`consolidate`, `missing`) do alike before and while
 * reading: an output named as an input is refused, last run's outputs found in a walked folder are neither read nor
 * counted, mapping files and the registry are refused with their names before any unit is read, the master is
 * read once; then every unit is read (worker threads) and the outcomes sorted into examined, unreadable, skipped.
 */
import * as fs from 'fs';
import { Args, flag, flags } from './args';
import { expandInputs, givenMappings, Inputs } from './inputs';
import { loadMaster } from './master';
import { checkTargets, OutputTarget, realPath } from './output';
import { progress } from './progress';
import { givenRegistry } from './registry-file';
import { readUnits } from './units';
import { Examined } from '../shared/consolidate/collect';
import { Registry } from '../shared/registry/schema';
import { MasterConfig } from '../shared/templates/config-sheet';

export interface UnitInputs {
  files: string[];
  given: ReturnType<typeof givenMappings>;
  registry?: Registry;
  /** A listing of several registries given with --registry: chosen among as the built-in ones are. */
  registries?: Registry[];
  master?: MasterConfig;
  configFile?: string;
}

/** The inputs, checked against `targets`; 'refused' once the registry's errors are said. `inputs.files` is pruned. */
export async function unitInputs(
  args: Args,
  inputs: Inputs,
  targets: OutputTarget[],
  out: (s: string) => void,
): Promise<UnitInputs | 'refused'> {
  const named = expandInputs(args.words.filter((w) => !fs.statSync(w).isDirectory())).files;
  const registryFile = flag(args, 'registry');
  const configFile = flag(args, 'config');
  checkTargets(targets, [
    ...named,
    ...(registryFile ? [registryFile] : []),
    ...(configFile ? [configFile] : []),
    ...flags(args, 'mapping'),
  ]);
  const outputs = new Set(targets.map((t) => realPath(t.file)));
  inputs.files = inputs.files.filter((f) => !outputs.has(realPath(f)));
  // Mapping files are refused here, naming the file, before any unit is read (each worker reads them again).
  const given = givenMappings(flags(args, 'mapping'));
  const read = await givenRegistry(registryFile, out);
  if (read === 'refused') return 'refused';
  const [registry, registries] = Array.isArray(read) ? [undefined, read] : [read, undefined];
  const master = configFile ? await loadMaster(configFile) : undefined;
  return { files: inputs.files, given, registry, registries, master, configFile };
}

/** Every unit read (only read: each file is reduced to its examined report and let go), in file order. */
export async function readExamined(
  args: Args,
  u: UnitInputs,
  json: boolean,
): Promise<{ examined: Examined[]; unreadable: string[]; skipped: string[] }> {
  const outcomes = await readUnits(
    u.files,
    {
      kind: 'consolidate',
      mappingFiles: flags(args, 'mapping'),
      configFile: u.configFile,
      registry: u.registry,
      registries: u.registries,
    },
    progress(json),
    undefined,
    { given: u.given, master: u.master },
  );
  const examined: Examined[] = [];
  const unreadable: string[] = [];
  const skipped: string[] = [];
  for (const o of outcomes) {
    if ('examined' in o) examined.push(o.examined);
    else if ('skipped' in o) skipped.push(o.file);
    else if ('unreadable' in o) unreadable.push(`${o.file}: ${o.unreadable}`);
  }
  return { examined, unreadable, skipped };
}
