// Test helper: a PlotRequest from the fields a test cares about; framework, dtype and axis follow the dialect the
// way the panel's dialect box sets them (withDialect), unless the test gives them.
import { DIALECT_FRAMEWORK, dtypeForDialect, type EvaluationSettings } from '../../src/core';
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

/** The settings the unit tests evaluate with: the extension's defaults, with a 100,000-element cap. */
export const TEST_SETTINGS: EvaluationSettings = {
  defaultActivation: 'sigmoid',
  defaultDialect: 'tensorflow',
  epsilon: 0.01,
  maxElements: 100_000,
};
