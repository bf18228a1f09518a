/// One HTTP response of the agent's server.
public struct AgentResponse: Sendable, Equatable {
    /// The status code.
    public var status: Int
    /// The `Content-Type`.
    public var contentType: String
    /// The body.
    public var body: [UInt8]

    /// A response from its parts.
    public init(status: Int, contentType: String = "text/plain; charset=utf-8", body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    /// A plain-text response.
    public static func text(_ status: Int, _ text: String) -> AgentResponse {
        AgentResponse(status: status, body: Array((text + "\n").utf8))
    }
}
