/// A failure the double answers with a Kubernetes `Status` object, as the real apiserver does.
public struct APIStatusError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status code, also the `code` field.
    public var code: Int
    /// The machine-readable `reason`, e.g. `NotFound`.
    public var reason: String
    /// The human-readable `message`.
    public var message: String
    /// The `details` object, or `nil` to leave it out.
    public var details: Details?

    /// One entry of `details.causes`.
    public struct Cause: Sendable, Equatable {
        /// The cause's `reason`, e.g. `FieldValueRequired`.
        public var reason: String?
        /// The cause's `message`.
        public var message: String
        /// The field it is about, e.g. `metadata.name`.
        public var field: String?

        /// A cause.
        public init(reason: String? = nil, message: String, field: String? = nil) {
            self.reason = reason
            self.message = message
            self.field = field
        }
    }

    /// The `details` of a `Status`: which object the failure is about.
    public struct Details: Sendable, Equatable {
        /// `details.name`.
        public var name: String?
        /// `details.group`.
        public var group: String?
        /// `details.kind` (the plural resource name for most errors, the kind for `Invalid`).
        public var kind: String?
        /// `details.uid`.
        public var uid: String?
        /// `details.causes`.
        public var causes: [Cause]
        /// `details.retryAfterSeconds`.
        public var retryAfterSeconds: Int?

        /// Details.
        public init(
            name: String? = nil, group: String? = nil, kind: String? = nil, uid: String? = nil,
            causes: [Cause] = [], retryAfterSeconds: Int? = nil
        ) {
            self.name = name
            self.group = group
            self.kind = kind
            self.uid = uid
            self.causes = causes
            self.retryAfterSeconds = retryAfterSeconds
        }
    }

    /// A status error from its parts.
    public init(code: Int, reason: String, message: String, details: Details? = nil) {
        self.code = code
        self.reason = reason
        self.message = message
        self.details = details
    }

    /// `code reason: message`.
    public var description: String { "\(code) \(reason): \(message)" }
}
