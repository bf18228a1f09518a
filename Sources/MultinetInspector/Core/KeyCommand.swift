/// What a key does in the table view (overlays and the filter line interpret some keys
/// themselves: `y`/`n`, text input).
public enum KeyCommand: Sendable, Hashable, CaseIterable {
    /// Leave the inspector.
    case quit
    /// Show or hide the key list.
    case help
    /// Edit the filter.
    case filter
    /// Next view.
    case nextView
    /// Previous view.
    case previousView
    /// The Networks view.
    case showNetworks
    /// The Pods view.
    case showPods
    /// The Failures view.
    case showFailures
    /// The Drift view.
    case showDrift
    /// The Events view.
    case showEvents
    /// Open the `:` command line.
    case command
    /// Details of the selected row.
    case details
    /// Retry the selected failed teardown, or tear down the selected pod-gone leak (asks first).
    case retry
    /// Selection up one row.
    case up
    /// Selection down one row.
    case down
    /// Selection up one page.
    case pageUp
    /// Selection down one page.
    case pageDown
    /// First row.
    case top
    /// Last row.
    case bottom
    /// Sort by the next column.
    case cycleSort
    /// Reverse the sort direction.
    case reverseSort
    /// Close the overlay, or clear the filter.
    case close
}
