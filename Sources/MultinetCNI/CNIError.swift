import MultinetJSON

/// An error as the CNI specification defines it: printed as JSON on stdout with a
/// non-zero exit, and the shape delegates report their own failures in.
public struct CNIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The error code: 1–99 are the specification's (`CNIErrorCode`), 100 and up a plugin's.
    public var code: Int
    /// A short message for humans.
    public var msg: String
    /// Longer details, for example the underlying error.
    public var details: String

    /// An error with a code, message and optional details.
    public init(code: Int, msg: String, details: String = "") {
        self.code = code
        self.msg = msg
        self.details = details
    }

    public var description: String {
        details.isEmpty ? "\(msg) (CNI error \(code))" : "\(msg): \(details) (CNI error \(code))"
    }

    /// The JSON document the specification prescribes, for the given version.
    public func json(cniVersion: CNIVersion) -> JSONValue {
        var object = JSONObject()
        object["cniVersion"] = .string(cniVersion.description)
        object["code"] = .int(code)
        object["msg"] = .string(msg)
        if !details.isEmpty { object["details"] = .string(details) }
        return .object(object)
    }

    /// Reads a delegate's error document; `nil` when the JSON is not a CNI error.
    public init?(json: JSONValue) {
        guard let object = json.objectValue, let code = object["code"]?.intValue else { return nil }
        self.init(code: code, msg: object["msg"]?.stringValue ?? "", details: object["details"]?.stringValue ?? "")
    }
}
