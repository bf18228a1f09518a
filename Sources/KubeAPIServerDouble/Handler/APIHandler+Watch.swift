extension APIHandler {
    /// Starts a watch (`?watch=1`): `resourceVersion` unset or `0` begins with the current
    /// objects as `ADDED` events, a version begins after it (410 `Expired` as the first and
    /// only event when it is older than the history). A watch on an object path watches
    /// that one object.
    func startWatch(_ request: APIRequest, resource: ServedResource, namespace: String?, name: String?) throws -> APIResponse {
        var options = try listOptions(request, resource: resource)
        options.limit = nil
        options.continueToken = nil
        if let name {
            options.fieldSelector.terms.append(.init(field: "metadata.name", value: name, negated: false))
        }
        let encoding = try ResponseEncoding.negotiate(
            accept: request.header("accept"), includeObject: request.queryValue("includeObject"))
        let start: KubeObjectStore.WatchStart
        let sendInitialEvents = request.queryFlag("sendInitialEvents")
        switch request.queryValue("resourceVersion") {
        case nil, "", "0":
            start = .currentState(initialEventsEnd: sendInitialEvents)
        case let text?:
            guard let version = Int(text), version >= 0 else {
                throw APIStatusError.badRequest("invalid resource version: \(text)")
            }
            start = sendInitialEvents ? .currentState(initialEventsEnd: true) : .after(version)
        }
        var timeout: Duration?
        if let text = request.queryValue("timeoutSeconds"), !text.isEmpty {
            guard let seconds = Int(text), seconds >= 0 else {
                throw APIStatusError.badRequest("invalid timeoutSeconds: \(text)")
            }
            if seconds > 0 { timeout = .seconds(seconds) }
        }
        let filter = WatchFilter(resource: resource, namespace: namespace, options: options)
        let (id, messages) = store.watch(filter, from: start)
        let stream = WatchStream(
            id: id, messages: messages, resource: resource, timeout: timeout,
            bookmarks: request.queryFlag("allowWatchBookmarks"), encoding: encoding)
        return APIResponse(status: 200, headers: [("Content-Type", encoding.contentType)], body: .watch(stream))
    }
}
