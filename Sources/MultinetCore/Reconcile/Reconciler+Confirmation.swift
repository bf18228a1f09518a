import MultinetCheckpoint

extension Reconciler {
    /// The entries of `found` that a second read of the store confirms.
    ///
    /// The store and the kernel are read one after the other, so a runtime's ADD or DEL
    /// between the reads would look like drift (an interface the store already records
    /// but the kernel did not have yet, or one a DEL just removed). Reading the store
    /// again after the kernel and keeping only the drift of containers whose records did
    /// not change in between (`before` against `after`) leaves no such false alarm; the
    /// next refresh sees the settled state.
    public static func confirmed(_ found: [DriftEntry], before: [AttachmentRecord],
                                 after: [AttachmentRecord]) -> [DriftEntry] {
        guard before != after else { return found }
        let was = Dictionary(grouping: before, by: \.containerID)
        let now = Dictionary(grouping: after, by: \.containerID)
        return found.filter { was[$0.containerID] == now[$0.containerID] }
    }
}
