import MultinetCore
import MultinetCheckpoint
import Synchronization

/// The addresses of the attachments of the last refresh, keyed by the record and the time
/// it last changed: a refresh parses only the results that are new or changed.
final class AddressCache: Sendable {
    /// What identifies one version of one record.
    struct Key: Hashable, Sendable {
        var containerID: String
        var runtimeIfName: String
        var ifName: String
        var updatedAt: Int64
        var resultBytes: Int

        init(_ record: AttachmentRecord) {
            containerID = record.containerID
            runtimeIfName = record.runtimeIfName
            ifName = record.ifName
            updatedAt = record.updatedAt
            resultBytes = record.result?.count ?? -1
        }
    }

    private let entries = Mutex<[Key: AttachmentAddresses]>([:])

    /// The entries of the last refresh (the cache is empty until `keep`).
    func take() -> [Key: AttachmentAddresses] {
        entries.withLock { entries in
            defer { entries = [:] }
            return entries
        }
    }

    /// Keeps this refresh's entries (only those: the cache never outgrows the store).
    func keep(_ used: [Key: AttachmentAddresses]) {
        entries.withLock { $0 = used }
    }
}
