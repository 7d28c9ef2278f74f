// Test helper: a PlotRequest from the fields a test cares about; framework, dtype and axis follow the dialect the
// way the panel's dialect box sets them (withDialect), unless the test gives them.
import { DIALECT_FRAMEWORK, dtypeForDialect } from '../../src/core';
import type { PlotRequest } from '../../src/shared/plotRequest';

export function makeRequest(
  fields: Omit<PlotRequest, 'framework' | 'dtype' | 'axis'> & Partial<PlotRequest>,
): PlotRequest {
  return {
    framework: DIALECT_FRAMEWORK[fields.dialect],
    dtype: dtypeForDialect(fields.dialect),
    axis: null,
    ...fields,
  };
}
