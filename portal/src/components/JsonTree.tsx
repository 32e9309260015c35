import { Tree, TreeItem, TreeItemLayout } from '@fluentui/react-components';
import { formatValue } from './format';

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function Node({ name, value }: { name: string; value: unknown }) {
  if (!isContainer(value)) {
    return (
      <TreeItem itemType="leaf">
        <TreeItemLayout>
          <strong>{name}</strong>: {formatValue(value)}
        </TreeItemLayout>
      </TreeItem>
    );
  }
  const entries = Array.isArray(value)
    ? value.map((v, i) => [`[${i}]`, v] as const)
    : Object.entries(value);
  return (
    <TreeItem itemType="branch">
      <TreeItemLayout>
        <strong>{name}</strong> {Array.isArray(value) ? `(${value.length})` : ''}
      </TreeItemLayout>
      <Tree>
        {entries.map(([key, child]) => (
          <Node key={key} name={key} value={child} />
        ))}
      </Tree>
    </TreeItem>
  );
}

/** An object's properties as a readable, collapsible tree. */
export function JsonTree({ value, label }: { value: Record<string, unknown>; label: string }) {
  return (
    <Tree aria-label={label} defaultOpenItems={[]}>
      {Object.entries(value).map(([key, child]) => (
        <Node key={key} name={key} value={child} />
      ))}
    </Tree>
  );
}
