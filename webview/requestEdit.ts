// Pure: the changes the controls make to a PlotRequest (each returns a new request; the old one is left as it was).
import {
  ACTIVATION_IDS,
  DIALECT_FRAMEWORK,
  FRAMEWORK_DIALECT,
  dtypeForDialect,
  getActivation,
  type ActivationId,
  type Dialect,
} from '../src/core';
import type { PlotRequest } from '../src/shared/plotRequest';

export const EPSILON_RANGE: readonly [number, number] = [1e-6, 0.5];
export const DEPTH_RANGE: readonly [number, number] = [1, 50];
export const TEMPERATURE_RANGE: readonly [number, number] = [0.05, 20];

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

export function withEpsilon(request: PlotRequest, epsilon: number): PlotRequest {
  if (!Number.isFinite(epsilon) || epsilon <= 0) return request;
  return { ...request, epsilon: clamp(epsilon, EPSILON_RANGE[0], EPSILON_RANGE[1]) };
}

/** Another dialect: the framework follows it unless it already computes in it (Keras in TensorFlow's), and the
 * dtype becomes the dialect's own. */
export function withDialect(request: PlotRequest, dialect: Dialect): PlotRequest {
  if (dialect === request.dialect) return request;
  const framework =
    FRAMEWORK_DIALECT[request.framework] === dialect ? request.framework : DIALECT_FRAMEWORK[dialect];
  return { ...request, dialect, framework, dtype: dtypeForDialect(dialect) };
}

/** Makes `id` the main activation (first); it leaves the comparison if it was there. */
export function withMainActivation(request: PlotRequest, id: ActivationId): PlotRequest {
  return { ...request, activations: [id, ...request.activations.slice(1).filter((a) => a !== id)] };
}

export function addCompared(request: PlotRequest, id: ActivationId): PlotRequest {
  if (request.activations.includes(id)) return request;
  return { ...request, activations: [...request.activations, id] };
}

export function removeCompared(request: PlotRequest, id: ActivationId): PlotRequest {
  if (request.activations[0] === id || !request.activations.includes(id)) return request;
  return { ...request, activations: request.activations.filter((a) => a !== id) };
}

/** Sets one parameter, clamped to the ParamSpec's range. */
export function withParam(request: PlotRequest, id: ActivationId, name: string, value: number): PlotRequest {
  const spec = getActivation(id).params.find((p) => p.name === name);
  if (!spec || !Number.isFinite(value)) return request;
  const params = {
    ...request.params,
    [id]: { ...(request.params[id] ?? {}), [name]: clamp(value, spec.min, spec.max) },
  };
  return { ...request, params };
}

/** Activations that can join a comparison with the current ones (not already shown). */
export function comparable(request: PlotRequest): ActivationId[] {
  return ACTIVATION_IDS.filter((id) => !request.activations.includes(id));
}

/** The side panel's example: the article's tf.nn.sigmoid([-3.,-2.,-1.,0.0,1.,2.,3.]) — shown in the view only. */
export function exampleRequest(epsilon = 0.01): PlotRequest {
  return {
    activations: ['sigmoid'],
    input: { values: [-3, -2, -1, 0, 1, 2, 3], shape: [7], text: '[-3.,-2.,-1.,0.0,1.,2.,3.]' },
    framework: 'tensorflow',
    dialect: 'tensorflow',
    dtype: 'float32',
    axis: null,
    params: {},
    epsilon,
    source: null,
  };
}
