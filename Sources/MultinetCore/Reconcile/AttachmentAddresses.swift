import MultinetCNI
import MultinetCheckpoint

/// The addresses and MAC of one attachment, read from its recorded result: what the
/// reconciliation compares with the kernel and `network-status`, and the inspector shows.
/// Parsing a result is the dear part of a refresh, so callers that refresh keep these
/// by record version and hand them in (``Reconciler/drift(_:addresses:)``).
public struct AttachmentAddresses: Sendable, Equatable {
    /// Every IP of the interface with its prefix length (`10.1.0.5/16`).
    public var ips: [String]
    /// The interface's MAC, if the result names one.
    public var mac: String?

    /// The addresses of `record`'s interface in its recorded result (none without a result).
    public init(_ record: AttachmentRecord) {
        guard let bytes = record.result, let result = try? CNIResult(parsing: bytes) else {
            ips = []
            mac = nil
            return
        }
        ips = result.addresses(forInterface: record.ifName)
        mac = result.mac(forInterface: record.ifName)
    }

    /// Addresses from their parts.
    public init(ips: [String], mac: String?) {
        self.ips = ips
        self.mac = mac
    }

    /// The addresses without their prefix lengths (`10.1.0.5`), as `network-status` lists them.
    public var bareAddresses: [String] {
        ips.map { $0.split(separator: "/", maxSplits: 1).first.map(String.init) ?? $0 }
    }
}
