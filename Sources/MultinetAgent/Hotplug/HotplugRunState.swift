/// The hot-plug's state between passes: the tracker, and whether a pass is running (a
/// second caller sets `again` instead of running beside it, so passes never overlap).
struct HotplugRunState: Sendable {
    var tracker = HotplugTracker()
    var running = false
    var again = false
    /// Whether the pass to run again must include the waiting pods.
    var againIncludingWaiting = false
    /// The last configuration problem logged (each is logged once, not every pass).
    var configurationProblem: String?
}
