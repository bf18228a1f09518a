import MultinetJSON

/// The error a Kubernetes apiserver answers with: an HTTP status and, usually, a `Status`
/// object (`reason` such as `NotFound`, `AlreadyExists`, `Conflict`, `Expired`, and a
/// human-readable `message`).
public struct KubeStatus: Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status code (or `Status.code`, in a watch `ERROR` event).
    public var code: Int
    /// `Status.reason`, e.g. `NotFound`.
    public var reason: String?
    /// `Status.message`, or the start of a body that was not a `Status`.
    public var message: String?
    /// `Retry-After` in seconds, when the server sent it.
    public var retryAfterSeconds: Double?

    /// A status from its parts.
    public init(code: Int, reason: String? = nil, message: String? = nil, retryAfterSeconds: Double? = nil) {
        self.code = code
        self.reason = reason
        self.message = message
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// The status of a response: `body` decoded as a `Status` object when it is one,
    /// otherwise its first line of text as the message.
    public init(httpStatus: Int, body: [UInt8], retryAfterSeconds: Double? = nil) {
        self.init(code: httpStatus, retryAfterSeconds: retryAfterSeconds)
        if let value = try? JSONValue(parsing: body), let object = value.objectValue,
           object["kind"]?.stringValue == "Status" {
            reason = object["reason"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            message = object["message"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        } else {
            let text = String(decoding: body.prefix(512), as: UTF8.self)
            let line = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map(String.init) ?? ""
            let trimmed = line.trimmingBlanks()
            message = trimmed.isEmpty ? nil : String(trimmed.prefix(200))
        }
    }

    /// A `Status` object as a watch `ERROR` event carries it.
    init(object: JSONObject) {
        code = object["code"]?.intValue ?? 500
        reason = object["reason"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        message = object["message"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `404 NotFound: pods "web" not found`.
    public var description: String {
        var text = String(code)
        if let reason { text += " \(reason)" }
        if let message { text += ": \(message)" }
        return text
    }
}
