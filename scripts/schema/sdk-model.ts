// Reads the ECS model from @aws-sdk/client-ecs type declarations with the TypeScript compiler API.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import ts from 'typescript';

/** A field's type, reduced to what JSON Schema needs. */
export type FieldType =
  | { kind: 'string' }
  | { kind: 'integer' }
  | { kind: 'boolean' }
  | { kind: 'stringMap' }
  | { kind: 'enum'; name: string }
  | { kind: 'ref'; name: string }
  | { kind: 'array'; items: FieldType };

export interface Field {
  name: string;
  /** Required in the SDK model (no `?`); the schema's `required` comes from the overlay. */
  sdkRequired: boolean;
  type: FieldType;
}

export interface SdkModel {
  interfaces: Map<string, Field[]>;
  /** Smithy unions (`type X = X.AMember | X.$UnknownMember` + `namespace X`): exactly one member is set. */
  unions: Map<string, Field[]>;
  enums: Map<string, string[]>;
}

/** Folder holding the SDK's model declarations, resolved from the repository root. */
export function sdkModelsDir(root: string): string {
  const req = createRequire(path.join(root, 'package.json'));
  const pkg = req.resolve('@aws-sdk/client-ecs/package.json');
  return path.join(path.dirname(pkg), 'dist-types', 'models');
}

export function readSdkModel(modelsDir: string): SdkModel {
  const interfaces = new Map<string, Field[]>();
  const unions = new Map<string, Field[]>();
  const enums = new Map<string, string[]>();
  const files = fs.readdirSync(modelsDir).filter((f) => /^(models_\d+|enums)\.d\.ts$/.test(f)).sort();
  for (const file of files) {
    const text = fs.readFileSync(path.join(modelsDir, file), 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    for (const stmt of sf.statements) {
      if (ts.isInterfaceDeclaration(stmt)) interfaces.set(stmt.name.text, readInterface(stmt, sf));
      else if (ts.isVariableStatement(stmt)) readEnum(stmt, enums);
      else if (ts.isModuleDeclaration(stmt)) readUnion(stmt, sf, unions);
    }
  }
  return { interfaces, unions, enums };
}

function readInterface(decl: ts.InterfaceDeclaration, sf: ts.SourceFile): Field[] {
  const fields: Field[] = [];
  for (const m of decl.members) {
    if (!ts.isPropertySignature(m) || !m.type) continue;
    const name = m.name.getText(sf);
    fields.push({ name, sdkRequired: !m.questionToken, type: mapType(m.type, sf, `${decl.name.text}.${name}`) });
  }
  return fields;
}

function readUnion(decl: ts.ModuleDeclaration, sf: ts.SourceFile, unions: Map<string, Field[]>): void {
  if (!decl.body || !ts.isModuleBlock(decl.body)) return;
  const members: Field[] = [];
  for (const stmt of decl.body.statements) {
    if (!ts.isInterfaceDeclaration(stmt) || !/^\w+Member$/.test(stmt.name.text) || stmt.name.text === '$UnknownMember') continue;
    for (const m of stmt.members) {
      if (!ts.isPropertySignature(m) || !m.type || m.type.kind === ts.SyntaxKind.NeverKeyword) continue;
      const name = m.name.getText(sf);
      members.push({ name, sdkRequired: false, type: mapType(m.type, sf, `${decl.name.getText(sf)}.${name}`) });
    }
  }
  if (members.length) unions.set(decl.name.getText(sf), members);
}

function readEnum(stmt: ts.VariableStatement, enums: Map<string, string[]>): void {
  for (const d of stmt.declarationList.declarations) {
    if (!ts.isIdentifier(d.name) || !d.type || !ts.isTypeLiteralNode(d.type)) continue;
    const values: string[] = [];
    for (const m of d.type.members) {
      if (!ts.isPropertySignature(m) || !m.type || !ts.isLiteralTypeNode(m.type)) continue;
      if (ts.isStringLiteral(m.type.literal)) values.push(m.type.literal.text);
    }
    if (values.length) enums.set(d.name.text, values);
  }
}

function mapType(node: ts.TypeNode, sf: ts.SourceFile, where: string): FieldType {
  if (ts.isUnionTypeNode(node)) {
    const parts = node.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword);
    if (parts.length !== 1) throw new Error(`${where}: unsupported union ${node.getText(sf)}`);
    return mapType(parts[0], sf, where);
  }
  if (ts.isParenthesizedTypeNode(node)) return mapType(node.type, sf, where);
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword: return { kind: 'string' };
    // Every numeric in the ECS task-definition model is a whole number (ports, MiB, seconds, counts).
    case ts.SyntaxKind.NumberKeyword: return { kind: 'integer' };
    case ts.SyntaxKind.BooleanKeyword: return { kind: 'boolean' };
  }
  if (ts.isArrayTypeNode(node)) return { kind: 'array', items: mapType(node.elementType, sf, where) };
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText(sf);
    const args = node.typeArguments ?? [];
    if (name === 'Record' && args.length === 2 && args.every((a) => a.kind === ts.SyntaxKind.StringKeyword)) {
      return { kind: 'stringMap' };
    }
    if (args.length === 0) return { kind: 'ref', name }; // resolved to interface or enum later
  }
  throw new Error(`${where}: unsupported type ${node.getText(sf)}`);
}
