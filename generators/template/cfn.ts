/**
 * CloudFormation values as plain data. Intrinsic functions are the long-form objects
 * ({ Ref }, { 'Fn::GetAtt' }, ...); the YAML writer turns them into short-form tags.
 */
export type CfnValue = string | number | boolean | null | CfnValue[] | { [key: string]: CfnValue };

export interface Resource {
  Type: string;
  Properties?: Record<string, CfnValue>;
  DependsOn?: string[];
  DeletionPolicy?: 'Delete' | 'Retain' | 'Snapshot';
  UpdateReplacePolicy?: 'Delete' | 'Retain' | 'Snapshot';
}

export interface Output {
  Description: string;
  Value: CfnValue;
}

export interface Template {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Metadata?: Record<string, CfnValue>;
  Resources: Record<string, Resource>;
  Outputs?: Record<string, Output>;
}

export const ref = (logicalId: string): CfnValue => ({ Ref: logicalId });
export const getAtt = (logicalId: string, attribute: string): CfnValue => ({ 'Fn::GetAtt': [logicalId, attribute] });
export const sub = (text: string, variables?: Record<string, CfnValue>): CfnValue => (variables ? { 'Fn::Sub': [text, variables] } : { 'Fn::Sub': text });

/** The unique, lower-case id CloudFormation gives each stack: the suffix of deterministic names. */
export const stackUuid: CfnValue = { 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] };

export interface Statement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource?: CfnValue[];
  Principal?: CfnValue;
  Condition?: Record<string, CfnValue>;
}

export const policyDocument = (statements: Statement[]): CfnValue => ({
  Version: '2012-10-17',
  Statement: statements as unknown as CfnValue[],
});

/** A role's trust policy naming exactly one service principal. */
export const trustPolicy = (service: string): CfnValue => policyDocument([{ Sid: 'TrustService', Effect: 'Allow', Principal: { Service: service }, Action: ['sts:AssumeRole'] }]);

/** "OrdersTable" -> "ORDERS_TABLE": environment variable prefixes from node names. */
export const screamingSnake = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toUpperCase();
