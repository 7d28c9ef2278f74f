// The host's half of the webviews (the chart panel, the side panel's view), a chunk loaded when the first one
// opens (src/host/webviewsChunk.ts): their HTML, the messages they exchange, what the host does for them.
export { ChartPanel } from './panel/chartPanel';
export { renderWebviewHtml, webviewOptions } from './webviewHtml';
export {
  handleCommonMessage,
  initMessage,
  insertAsComment,
  postToWebview,
  receiveFromWebview,
  saveExport,
} from './webviewActions';
