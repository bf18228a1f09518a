import MultinetCNI
import MultinetCheckpoint

/// The addresses and MAC of one attachment, read from its recorded result.
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
}
