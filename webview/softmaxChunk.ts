// What only the softmax view needs, as a chunk loaded the first time a vector activation (softmax, log_softmax) is
// plotted (webview/softmaxSlot.ts): its view, its chart builder, and Chart.js's bar chart and category axis.
import { BarController, BarElement, CategoryScale } from 'chart.js';
import { Chart } from './chartSetup';

Chart.register(BarController, BarElement, CategoryScale);

export { SoftmaxView } from './softmaxView';
export { buildSoftmaxChart } from './softmaxConfig';
