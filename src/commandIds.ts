// Every command the extension contributes, in one place (package.json must list the same ids; a test checks it).
/** The extension's webview types (package.json lists the side panel's view; the chart panel's serializer uses both). */
export const enum ViewType {
  ChartPanel = 'activationLens.chart',
  SidePanel = 'activationLens.sidePanel',
}

export const enum CommandId {
  PlotSelection = 'activationLens.plotSelection',
  CompareSelection = 'activationLens.compareSelection',
  PlotActivation = 'activationLens.plotActivation',
  /** Opens the chart panel for a given input (used by hover / CodeLens links and the side panel). */
  OpenChart = 'activationLens.openChart',
  ShowInSidePanel = 'activationLens.showInSidePanel',
  CopyResult = 'activationLens.copyResult',
  PinSidePanel = 'activationLens.sidePanel.pin',
  UnpinSidePanel = 'activationLens.sidePanel.unpin',
  SidePanelOpenInPanel = 'activationLens.sidePanel.openInPanel',
  OpenSettings = 'activationLens.openSettings',
  /** Opens the seed's examples as an untitled Python document (walkthrough). */
  OpenExample = 'activationLens.openExample',
  /** Re-shows a bare array's hover with another activation (hover link). */
  HoverSwitchActivation = 'activationLens.hover.switchActivation',
  /** Runs a hover link whose arguments were too long for a command URI (kept in memory). */
  HoverRunCached = 'activationLens.hover.runCached',
  /** Variables view context menu: plots a paused program's variable (src/debug/). */
  PlotVariable = 'activationLens.plotVariable',
  /** The palette's way to a watch-like expression of a paused program (VS Code's Watch view takes no extension
   * menu items): asks for a name, attribute or subscript and plots it (src/debug/). */
  PlotExpression = 'activationLens.plotExpression',
}
