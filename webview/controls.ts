// The controls: activation, comparison, dialect, ε (log slider + number), the activations' parameters and the f′ axis.
// Every control has a label; changes apply at once through `onRequest` / `onView`.
import {
  ACTIVATION_IDS,
  DIALECTS,
  getActivation,
  type ActivationId,
  type Dialect,
  type ParamSpec,
} from '../src/core';
import type { PlotRequest } from '../src/shared/plotRequest';
import { fillPlaceholders } from '../src/shared/uiStrings';
import type { Strings } from './strings';
import { button, el, option, setValue } from './dom';
import { LogSlider } from './logSlider';
import { RangeMessage, readTypedNumber, typedNumberMessage } from './numberBox';
import { paramsFor } from './model';
import {
  addCompared,
  comparable,
  EPSILON_RANGE,
  removeCompared,
  withDialect,
  withEpsilon,
  withMainActivation,
  withParam,
} from './requestEdit';

const DIALECT_LABEL: Record<Dialect, keyof Strings> = {
  exact: 'dialectExact',
  tensorflow: 'dialectTensorflow',
  pytorch: 'dialectPytorch',
  jax: 'dialectJax',
  tfjs: 'dialectTfjs',
};

/** Greek letters for the usual parameter names (symbols read the same in every language). */
const PARAM_SYMBOL: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  lambda: 'λ',
  gamma: 'γ',
  threshold: 'threshold',
};

export function paramSymbol(spec: ParamSpec): string {
  return PARAM_SYMBOL[spec.name] ?? spec.name;
}

export interface ControlState {
  showDerivative: boolean;
  derivativeOwnAxis: boolean;
}

export interface ControlHandlers {
  onRequest(next: PlotRequest): void;
  onDerivative(show: boolean): void;
  onDerivativeAxis(ownAxis: boolean): void;
}

export class Controls {
  readonly element: HTMLElement;
  private readonly activation: HTMLSelectElement;
  private readonly dialect: HTMLSelectElement;
  private readonly epsilon: LogSlider;
  private readonly compareSelect: HTMLSelectElement;
  private readonly compareList: HTMLUListElement;
  private readonly params: HTMLElement;
  private readonly ownAxis: HTMLInputElement;
  private readonly showDerivative: HTMLInputElement;
  private readonly derivativeFields: HTMLElement;
  private request: PlotRequest | null = null;
  private paramsKey = '';
  private compareKey = '';

  constructor(
    private readonly strings: Strings,
    private readonly handlers: ControlHandlers,
  ) {
    const s = strings;
    this.activation = el('select', { id: 'activation-select' });
    for (const id of ACTIVATION_IDS) this.activation.append(option(id, getActivation(id).label));
    this.activation.addEventListener('change', () =>
      this.apply((r) => withMainActivation(r, this.activation.value as ActivationId)),
    );

    this.dialect = el('select', { id: 'dialect-select' });
    for (const d of DIALECTS) this.dialect.append(option(d, s[DIALECT_LABEL[d]]));
    this.dialect.addEventListener('change', () =>
      this.apply((r) => withDialect(r, this.dialect.value as Dialect)),
    );

    this.epsilon = new LogSlider({
      id: 'epsilon',
      label: s.epsilon,
      range: EPSILON_RANGE,
      strings: s,
      fieldClass: 'epsilon',
      onValue: (eps) => this.apply((r) => withEpsilon(r, eps)),
    });

    this.compareSelect = el('select', { id: 'compare-select', 'aria-label': s.compareAdd });
    this.compareSelect.addEventListener('change', () => {
      const id = this.compareSelect.value as ActivationId | '';
      if (id) this.apply((r) => addCompared(r, id));
    });
    this.compareList = el('ul', { class: 'chips', 'aria-label': s.compareList });

    this.params = el('div', { class: 'params' });

    this.ownAxis = el('input', { id: 'derivative-axis', type: 'checkbox' });
    this.ownAxis.addEventListener('change', () => this.handlers.onDerivativeAxis(this.ownAxis.checked));
    this.showDerivative = el('input', { id: 'show-derivative', type: 'checkbox' });
    this.showDerivative.addEventListener('change', () =>
      this.handlers.onDerivative(this.showDerivative.checked),
    );
    this.derivativeFields = el(
      'div',
      { class: 'derivative-fields' },
      el(
        'div',
        { class: 'field checkbox' },
        this.showDerivative,
        el('label', { for: 'show-derivative' }, s.showDerivative),
      ),
      el(
        'div',
        { class: 'field checkbox' },
        this.ownAxis,
        el('label', { for: 'derivative-axis' }, s.derivativeOwnAxis),
      ),
    );

    this.element = el(
      'div',
      { class: 'controls', role: 'group', 'aria-label': s.controls },
      field('activation-select', s.activation, this.activation),
      field('dialect-select', s.dialect, this.dialect),
      this.epsilon.field,
      el(
        'div',
        { class: 'field compare' },
        el('label', { for: 'compare-select' }, s.compare),
        el('div', { class: 'compare-row' }, this.compareSelect, this.compareList),
      ),
      this.params,
      this.derivativeFields,
    );
  }

  /** Shows the request's values (rebuilding the parameter and comparison rows only when they change). */
  sync(request: PlotRequest, state: ControlState): void {
    this.request = request;
    setValue(this.activation, request.activations[0]);
    setValue(this.dialect, request.dialect);
    this.epsilon.set(request.epsilon);
    this.ownAxis.checked = state.derivativeOwnAxis;
    this.showDerivative.checked = state.showDerivative;
    this.ownAxis.disabled = !state.showDerivative;
    // The f′ choices only mean something for the curve chart.
    this.derivativeFields.hidden = getActivation(request.activations[0]).vector;

    const compareKey = request.activations.join(',');
    if (compareKey !== this.compareKey) {
      this.compareKey = compareKey;
      this.renderCompare(request);
    }
    const withParams = request.activations.filter((id) => getActivation(id).params.length > 0);
    const paramsKey = `${withParams.join(',')}|${request.dialect}`;
    if (paramsKey !== this.paramsKey) {
      this.paramsKey = paramsKey;
      this.renderParams(request, withParams);
    }
    for (const id of withParams) {
      const values = paramsFor(request, id);
      for (const spec of getActivation(id).params) {
        const slider = this.params.querySelector<HTMLInputElement>(`#${paramId(id, spec)}`);
        const number = this.params.querySelector<HTMLInputElement>(`#${paramId(id, spec)}-value`);
        const v = values[spec.name];
        if (slider && v !== undefined) setValue(slider, String(v));
        if (number && v !== undefined) setValue(number, String(v));
      }
    }
  }

  private apply(edit: (r: PlotRequest) => PlotRequest): void {
    if (!this.request) return;
    const next = edit(this.request);
    if (next !== this.request) this.handlers.onRequest(next);
  }

  private renderCompare(request: PlotRequest): void {
    const s = this.strings;
    this.compareSelect.replaceChildren(option('', s.compareNone, true));
    for (const id of comparable(request)) this.compareSelect.append(option(id, getActivation(id).label));
    this.compareSelect.value = '';
    this.compareList.replaceChildren(
      ...request.activations.slice(1).map((id) => {
        const label = getActivation(id).label;
        return el(
          'li',
          { class: 'chip' },
          el('span', {}, label),
          button(`compare-remove-${id}`, '×', () => this.apply((r) => removeCompared(r, id)), {
            'aria-label': fillPlaceholders(s.compareRemove, label),
            title: fillPlaceholders(s.compareRemove, label),
            class: 'icon',
          }),
        );
      }),
    );
  }

  private renderParams(request: PlotRequest, ids: ActivationId[]): void {
    const s = this.strings;
    const rows: HTMLElement[] = [];
    for (const id of ids) {
      const info = getActivation(id);
      const values = paramsFor(request, id);
      for (const spec of info.params) {
        const idBase = paramId(id, spec);
        const name = `${paramSymbol(spec)} (${info.label})`;
        const value = String(values[spec.name] ?? spec.defaults[request.dialect]);
        const bounds = { min: String(spec.min), max: String(spec.max), step: String(spec.step) };
        const slider = el('input', { id: idBase, type: 'range', ...bounds, value });
        const number = el('input', {
          id: `${idBase}-value`,
          type: 'number',
          ...bounds,
          value,
          class: 'number',
          'aria-label': fillPlaceholders(s.parameterValue, name),
        });
        const message = new RangeMessage(`${idBase}-value`, number);
        const range: [number, number] = [spec.min, spec.max];
        slider.addEventListener('input', () => {
          number.value = slider.value;
          message.show('');
          this.apply((r) => withParam(r, id, spec.name, Number(slider.value)));
        });
        number.addEventListener('change', () => {
          const result = readTypedNumber(number.value, range);
          message.show(typedNumberMessage(result, name, range, s));
          if (result.kind === 'invalid') {
            number.value = slider.value;
            return;
          }
          number.value = String(result.value);
          slider.value = String(result.value);
          this.apply((r) => withParam(r, id, spec.name, result.value));
        });
        rows.push(
          el(
            'div',
            { class: 'field param' },
            el(
              'label',
              { for: idBase, title: spec.label },
              fillPlaceholders(s.parameter, paramSymbol(spec), info.label),
            ),
            el('div', { class: 'slider-row' }, slider, number),
            message.element,
          ),
        );
      }
    }
    this.params.replaceChildren(...rows);
  }
}

function paramId(id: ActivationId, spec: ParamSpec): string {
  return `param-${id}-${spec.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return el('div', { class: 'field' }, el('label', { for: id }, label), control);
}
