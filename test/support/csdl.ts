import { readCsdlText } from './fixtures';

/**
 * A small reader of Microsoft Graph's v1.0 CSDL, enough to check that the module catalogue names
 * real paths and properties. The 3 MB XML is scanned line by line with regular expressions: the
 * file is machine-generated with one element per line, so a full XML parser is not needed.
 */

interface MemberInfo {
  type: string;
  collection: boolean;
}

interface StructuredType {
  name: string;
  baseType?: string;
  properties: Map<string, MemberInfo>;
  navigation: Map<string, MemberInfo>;
}

interface BoundOperation {
  name: string;
  kind: 'Function' | 'Action';
  binding: MemberInfo;
  returns?: MemberInfo;
}

export interface CsdlModel {
  types: Map<string, StructuredType>;
  entitySets: Map<string, string>;
  singletons: Map<string, string>;
  operations: BoundOperation[];
}

/** Where a path leads: the entity (or complex) type and whether it is a collection of them. */
export interface ResolvedPath {
  type: string;
  collection: boolean;
}

function attr(line: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(line)?.[1];
}

function parseTypeRef(raw: string, aliases: Map<string, string>): MemberInfo {
  const match = /^Collection\((.*)\)$/.exec(raw);
  const inner = match ? match[1] : raw;
  return { type: qualify(inner, aliases), collection: Boolean(match) };
}

function qualify(name: string, aliases: Map<string, string>): string {
  const dot = name.indexOf('.');
  if (dot < 0) return name;
  const prefix = name.slice(0, dot);
  const namespace = aliases.get(prefix);
  return namespace ? `${namespace}${name.slice(dot)}` : name;
}

export function parseCsdl(xml: string): CsdlModel {
  const model: CsdlModel = {
    types: new Map(),
    entitySets: new Map(),
    singletons: new Map(),
    operations: [],
  };
  let namespace = '';
  // Aliases are global in practice: the main schema names security types as `self.alert`,
  // the alias the later microsoft.graph.security schema declares.
  const globalAliases = new Map<string, string>([['Edm', 'Edm']]);
  for (const match of xml.matchAll(/<Schema [^>]*>/g)) {
    const ns = attr(match[0], 'Namespace');
    const alias = attr(match[0], 'Alias');
    if (ns && alias) globalAliases.set(alias, ns);
  }
  let aliases = new Map(globalAliases);
  let currentType: StructuredType | undefined;
  let currentOp: BoundOperation | undefined;
  let opIsBound = false;
  let opParamSeen = false;

  for (const line of xml.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('<Schema ')) {
      namespace = attr(trimmed, 'Namespace') ?? '';
      aliases = new Map(globalAliases);
      const alias = attr(trimmed, 'Alias');
      if (alias) aliases.set(alias, namespace);
      // Other schemas refer to the main one by its alias.
      aliases.set('graph', 'microsoft.graph');
      continue;
    }
    const typeStart = /^<(EntityType|ComplexType) /.exec(trimmed);
    if (typeStart) {
      const baseType = attr(trimmed, 'BaseType');
      currentType = {
        name: `${namespace}.${attr(trimmed, 'Name') ?? ''}`,
        baseType: baseType ? qualify(baseType, aliases) : undefined,
        properties: new Map(),
        navigation: new Map(),
      };
      model.types.set(currentType.name, currentType);
      if (trimmed.endsWith('/>')) currentType = undefined;
      continue;
    }
    if (trimmed.startsWith('</EntityType>') || trimmed.startsWith('</ComplexType>')) {
      currentType = undefined;
      continue;
    }
    if (currentType) {
      const name = attr(trimmed, 'Name');
      const type = attr(trimmed, 'Type');
      if (name && type && trimmed.startsWith('<Property ')) {
        currentType.properties.set(name, parseTypeRef(type, aliases));
      } else if (name && type && trimmed.startsWith('<NavigationProperty ')) {
        currentType.navigation.set(name, parseTypeRef(type, aliases));
      }
      continue;
    }
    const opStart = /^<(Function|Action) /.exec(trimmed);
    if (opStart) {
      opIsBound = attr(trimmed, 'IsBound') === 'true';
      opParamSeen = false;
      currentOp = opIsBound
        ? {
            name: attr(trimmed, 'Name') ?? '',
            kind: opStart[1] as 'Function' | 'Action',
            binding: { type: '', collection: false },
          }
        : undefined;
      continue;
    }
    if (currentOp) {
      if (trimmed.startsWith('<Parameter ') && !opParamSeen) {
        opParamSeen = true;
        currentOp.binding = parseTypeRef(attr(trimmed, 'Type') ?? '', aliases);
      } else if (trimmed.startsWith('<ReturnType ')) {
        currentOp.returns = parseTypeRef(attr(trimmed, 'Type') ?? '', aliases);
      } else if (trimmed.startsWith('</Function>') || trimmed.startsWith('</Action>')) {
        model.operations.push(currentOp);
        currentOp = undefined;
      }
      continue;
    }
    if (trimmed.startsWith('<EntitySet ')) {
      model.entitySets.set(
        attr(trimmed, 'Name') ?? '',
        qualify(attr(trimmed, 'EntityType') ?? '', aliases),
      );
    } else if (trimmed.startsWith('<Singleton ')) {
      model.singletons.set(
        attr(trimmed, 'Name') ?? '',
        qualify(attr(trimmed, 'Type') ?? '', aliases),
      );
    }
  }
  return model;
}

let cached: CsdlModel | undefined;

/** The v1.0 model, parsed once per test file. */
export function loadCsdl(): CsdlModel {
  cached ??= parseCsdl(readCsdlText());
  return cached;
}

function fullTypeName(model: CsdlModel, typeName: string): string {
  return model.types.has(typeName) ? typeName : `microsoft.graph.${typeName}`;
}

/** The type and its base types, most derived first. */
function lineage(model: CsdlModel, typeName: string): StructuredType[] {
  const chain: StructuredType[] = [];
  let current = model.types.get(fullTypeName(model, typeName));
  while (current) {
    chain.push(current);
    current = current.baseType ? model.types.get(current.baseType) : undefined;
  }
  return chain;
}

function derivesFrom(model: CsdlModel, typeName: string, ancestor: string): boolean {
  return lineage(model, typeName).some((t) => t.name === ancestor);
}

/** Structural property names of a type, inherited ones included. */
export function propertiesOf(typeName: string, model: CsdlModel = loadCsdl()): string[] {
  return lineage(model, typeName).flatMap((t) => [...t.properties.keys()]);
}

/** Navigation property names of a type, inherited ones included. */
export function navigationPropertiesOf(typeName: string, model: CsdlModel = loadCsdl()): string[] {
  return lineage(model, typeName).flatMap((t) => [...t.navigation.keys()]);
}

function member(model: CsdlModel, typeName: string, name: string): MemberInfo | undefined {
  for (const t of lineage(model, typeName)) {
    const found = t.navigation.get(name) ?? t.properties.get(name);
    if (found) return found;
  }
  return undefined;
}

function boundOperation(
  model: CsdlModel,
  at: ResolvedPath,
  name: string,
): BoundOperation | undefined {
  const shortName = name.replace(/^microsoft\.graph\./, '');
  // The most specific overload wins (users/delta returns users, not directoryObjects).
  for (const type of lineage(model, at.type)) {
    const op = model.operations.find(
      (o) =>
        o.name === shortName &&
        o.binding.collection === at.collection &&
        o.binding.type === type.name,
    );
    if (op) return op;
  }
  return undefined;
}

const PLACEHOLDER = /^\{[^}]+\}$/;

/**
 * Resolves a Graph URL path (no version prefix, `{placeholders}` for keys) against the model:
 * entity sets and singletons, keys (`{id}` or alternate keys `(name='...')`), navigation
 * properties, type casts, bound functions/actions and `$ref`. Undefined when any segment does
 * not exist.
 */
export function resolvePath(
  urlPath: string,
  model: CsdlModel = loadCsdl(),
): ResolvedPath | undefined {
  const segments = urlPath.split('?')[0].split('/').filter(Boolean);
  let at: ResolvedPath | undefined;
  for (const [index, raw] of segments.entries()) {
    const keyMatch = /^([^(]+)\((.*)\)$/.exec(raw);
    const segment = keyMatch ? keyMatch[1] : raw;
    const hasKey = Boolean(keyMatch && keyMatch[2] !== '');
    if (!at) {
      const set = model.entitySets.get(segment);
      const singleton = model.singletons.get(segment);
      if (set) at = { type: set, collection: true };
      else if (singleton) at = { type: singleton, collection: false };
      else return undefined;
    } else if (segment === '$ref') {
      if (index !== segments.length - 1) return undefined;
      return at;
    } else if (PLACEHOLDER.test(segment)) {
      if (!at.collection) return undefined;
      at = { type: at.type, collection: false };
      continue;
    } else {
      const nav = member(model, at.type, segment);
      const op = nav ? undefined : boundOperation(model, at, segment);
      if (nav && !at.collection) {
        at = { ...nav };
      } else if (op) {
        at = op.returns ? { ...op.returns } : at;
      } else if (segment.includes('.') && model.types.has(segment)) {
        if (!derivesFrom(model, segment, at.type)) return undefined;
        at = { type: segment, collection: at.collection };
      } else {
        return undefined;
      }
    }
    if (hasKey) {
      if (!at.collection) return undefined;
      at = { type: at.type, collection: false };
    }
  }
  return at;
}
