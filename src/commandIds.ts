// Every command the extension contributes, in one place (package.json must list the same ids; a test checks it).
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
}
