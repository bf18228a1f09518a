import MultinetCNI
import MultinetJSON

/// libcni's cache of one attachment's result, which Multus keeps under `<cniDir>/results/`
/// (it gives libcni its `cniDir` as cache directory): a file named
/// `<network>-<containerID>-<ifname>` holding `{"kind":"cniCacheV1", …, "result": {…}}`,
/// or, from libcni releases before that format, the bare result.
public enum LibcniCacheFile {
    /// The `kind` of the current format.
    public static let kind = "cniCacheV1"

    /// The cache file's name for an attachment, as libcni forms it; `nil` when the parts do
    /// not make one plain file name (an empty network name, a `/` or NUL from a damaged
    /// entry, more than 255 bytes): such a name is never looked up.
    public static func name(network: String, containerID: String, ifName: String) -> String? {
        guard !network.isEmpty, !containerID.isEmpty, !ifName.isEmpty else { return nil }
        let name = "\(network)-\(containerID)-\(ifName)"
        guard name.utf8.count <= 255, !name.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == 0 }) else { return nil }
        return name
    }

    /// The cached result as a delegate's `prevResult`, converted to the configuration's
    /// `version` (libcni's `getCachedResult`). Throws, naming `source`, when the file holds
    /// no valid result or one that cannot be written as `version`.
    public static func prevResult(parsing bytes: [UInt8], as version: CNIVersion, source: String) throws -> JSONValue {
        let document: JSONValue
        do {
            document = try JSONValue(parsing: bytes)
        } catch {
            throw MultusCacheProblem.undecodable("\(source) is not valid JSON", details: error.description)
        }
        var resultDocument = document
        if document["kind"]?.stringValue == kind {
            guard let cached = document["result"], cached != .null else {
                throw MultusCacheProblem.undecodable("\(source) holds no result")
            }
            resultDocument = cached
        }
        let result: CNIResult
        do throws {
            result = try CNIResult(json: resultDocument)
        } catch {
            throw ContextualFailure(context: "\(source) holds no valid result", underlying: error)
        }
        return try result.json(as: version)
    }
}
