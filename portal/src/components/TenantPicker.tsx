import { Dropdown, Field, Option } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { Tenant } from '../api/types';
import { EmptyState, PageState } from './PageState';
import { useApi } from './useApi';

/** Tenant choice for tenant-scoped pages; the first tenant is chosen when none is. */
export function TenantPicker(props: { tenantId?: string; onChange: (tenantId: string) => void }) {
  const tenants = useApi<{ value: Tenant[] }>('tenants');
  const first = tenants.data?.value[0]?.tenantId;
  useEffect(() => {
    if (!props.tenantId && first) props.onChange(first);
  }, [props.tenantId, first, props]);
  return (
    <PageState state={tenants} loadingLabel="Loading tenants…">
      {(data) =>
        data.value.length === 0 ? (
          <EmptyState title="No tenants registered yet">Add one on the dashboard first.</EmptyState>
        ) : (
          <Field label="Tenant">
            <Dropdown
              aria-label="Tenant"
              value={data.value.find((t) => t.tenantId === props.tenantId)?.displayName ?? ''}
              selectedOptions={props.tenantId ? [props.tenantId] : []}
              onOptionSelect={(_e, option) =>
                option.optionValue && props.onChange(option.optionValue)
              }
            >
              {data.value.map((t) => (
                <Option key={t.tenantId} value={t.tenantId} text={t.displayName}>
                  {t.displayName} ({t.tenantId})
                </Option>
              ))}
            </Dropdown>
          </Field>
        )
      }
    </PageState>
  );
}
