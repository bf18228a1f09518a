/// A request that got a successful answer.
struct KubeExchange: Sendable {
    /// The request, with the attempts it took.
    var request: KubeRequestDescription
    /// The response head, and for streams the unread body.
    var response: KubeHTTPResponse
    /// The body, when read (not for streams).
    var body: [UInt8]
}
