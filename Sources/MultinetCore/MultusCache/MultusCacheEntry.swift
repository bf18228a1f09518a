import MultinetCNI
import MultinetJSON

/// A Multus cache entry, `<cniDir>/<containerID>`: the JSON array of delegates (Go's
/// `[]*DelegateNetConf`) Multus saves before its ADD runs them, in attach order, and reads
/// back on DEL to tear the pod's networks down.
public struct MultusCacheEntry: Sendable, Equatable {
    /// The delegates, in attach order (element 0 is the cluster network).
    public var delegates: [MultusCachedDelegate]

    /// An entry from its delegates.
    public init(delegates: [MultusCachedDelegate]) {
        self.delegates = delegates
    }

    /// Reads an entry. Throws (code 6 or 7, naming `source`) when the bytes are not a Multus
    /// cache entry at all: empty, not JSON (a truncated write, say), or not a non-empty array
    /// of objects each carrying `Bytes`. A recognisable entry whose elements are partly
    /// unusable parses, with those elements' problems kept (see ``MultusCachedDelegate``).
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - source: the file's path, named in every message.
    public init(parsing bytes: [UInt8], source: String) throws {
        guard bytes.contains(where: { !Self.isJSONWhitespace($0) }) else {
            throw MultusCacheProblem.undecodable("\(source) is not a Multus cache entry: the file is empty")
        }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes)
        } catch {
            throw MultusCacheProblem.undecodable("\(source) is not a Multus cache entry: it is not valid JSON (truncated or damaged)",
                           details: error.description)
        }
        guard let elements = value.arrayValue else {
            throw MultusCacheProblem.malformed("\(source) is not a Multus cache entry: it is \(value.kindName), not an array of delegates")
        }
        guard !elements.isEmpty else {
            throw MultusCacheProblem.malformed("\(source) is not a Multus cache entry: it lists no delegates")
        }
        var delegates: [MultusCachedDelegate] = []
        for (index, element) in elements.enumerated() {
            guard let object = element.objectValue, object["Bytes"] != nil else {
                throw MultusCacheProblem.malformed("\(source) is not a Multus cache entry: element \(index) is \(element.objectValue == nil ? element.kindName : "an object without \"Bytes\""), not a delegate")
            }
            delegates.append(MultusCachedDelegate(parsing: object, index: index, source: source))
        }
        self.init(delegates: delegates)
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
