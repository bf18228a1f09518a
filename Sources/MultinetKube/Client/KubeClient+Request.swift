import MultinetJSON
import MultinetKubeAPI

extension KubeClient {
    /// Sends one request with retries until it succeeds (2xx), fails for good, or its
    /// deadline passes.
    ///
    /// - Parameter stream: return as soon as a 2xx head arrives, leaving the body unread (watches).
    /// - Parameter accept: the `Accept` header.
    func perform(_ method: String, _ path: String, query: [(String, String)] = [], body: [UInt8]? = nil,
                 contentType: String? = nil, accept: String = "application/json", stream: Bool = false) async throws(KubeError) -> KubeExchange {
        let deadline = KubeDeadline.after(seconds: options.timeoutSeconds)
        var description = KubeRequestDescription(server: connection.server.description, method: method,
                                                 path: connection.server.basePath + path)
        count(request: true)
        var attempt = 0
        var refreshedCredentials = false
        var lastConnectionFailure: String?
        // The last error status answered, if the last failure was one: when the deadline
        // then passes mid-retry, that is the apiserver's trouble, not silence.
        var lastStatus: KubeStatus?
        while true {
            attempt += 1
            description.attempts = attempt
            count(attempt: true)
            if Task.isCancelled { throw .cancelled(description) }
            let authorization: KubeAuthorization
            do {
                authorization = try await authenticator.authorization(timeoutSeconds: deadline.remainingSeconds)
            } catch {
                throw .credentials(description, reason: error.description)
            }
            var headers = [("Accept", accept), ("User-Agent", options.userAgent)]
            if let header = authorization.header { headers.append(("Authorization", header)) }
            if let contentType { headers.append(("Content-Type", contentType)) }
            let request = KubeHTTPRequest(method: method, path: path + URLQuery.encode(query), headers: headers,
                                          body: body, tlsConfiguration: authorization.tlsConfiguration)
            let outcome: KubeAttemptOutcome
            let failure: KubeError
            do {
                // Connect, TLS, request, response head and body: one race against the deadline.
                let (response, bytes) = try await KubeDeadlineRace.run(until: deadline) { [transport, options] in
                    let response = try await transport.execute(request, deadline: deadline)
                    guard (200..<300).contains(response.status) else {
                        return (response, (try? await response.body.collect(limit: 1 << 20, deadline: deadline)) ?? [])
                    }
                    if stream { return (response, [UInt8]()) }
                    return (response, try await response.body.collect(limit: options.maximumResponseBytes, deadline: deadline))
                }
                if (200..<300).contains(response.status) {
                    if !stream { logger?.debug("apiserver \(description) -> \(response.status)") }
                    return KubeExchange(request: description, response: response, body: bytes)
                }
                let retryAfter = KubeRetryPolicy.parseRetryAfter(response.header("Retry-After"))
                let status = KubeStatus(httpStatus: response.status, body: bytes, retryAfterSeconds: retryAfter)
                logger?.debug("apiserver \(description) -> \(status)")
                if response.status == 401, authenticator.canRefresh, !refreshedCredentials {
                    // The exec credential may have been revoked or rotated: get a new one, once.
                    refreshedCredentials = true
                    authenticator.invalidate()
                    continue
                }
                outcome = .status(response.status, retryAfterSeconds: retryAfter)
                failure = KubeError(status: status, request: description)
                lastStatus = status
                lastConnectionFailure = nil
            } catch {
                switch KubeTransportError.classify(error) {
                case .cancelled:
                    throw .cancelled(description)
                case .deadline:
                    if let lastStatus { throw KubeError(status: lastStatus, request: description) }
                    let last = lastConnectionFailure.map { "; last error: \($0)" } ?? ""
                    throw .timeout(description, reason: "no answer within \(Self.seconds(options.timeoutSeconds))\(last)")
                case .tooLarge(let limit):
                    throw .decoding(description, .invalidJSON(reason: "the response is larger than \(limit) bytes"))
                case .tls(let reason):
                    throw .tlsFailure(description, reason: reason)
                case .connection(let reason):
                    logger?.debug("apiserver \(description) -> \(reason)")
                    lastConnectionFailure = reason
                    lastStatus = nil
                    outcome = .connectionFailed
                    failure = .unreachable(description, reason: reason)
                }
            }
            let decision = options.retryPolicy.decide(outcome, attempt: attempt,
                                                      remainingSeconds: deadline.remainingSeconds, random: random())
            guard case .retry(let wait) = decision else { throw failure }
            do {
                try await sleep(wait)
            } catch {
                throw .cancelled(description)
            }
        }
    }

    /// `2.5 s`, `10 s`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && value < 1e15 ? "\(Int(value)) s" : "\(value) s"
    }

    /// Decodes a successful answer's body as an object of type `R`.
    func decode<R: KubeResource>(_ type: R.Type, _ exchange: KubeExchange) throws(KubeError) -> R {
        let object = try jsonObject(exchange, kinds: R.representation.kinds(of: R.resourceType, list: false))
        do {
            return try R(json: object)
        } catch {
            throw .decoding(exchange.request, error)
        }
    }

    /// Decodes a successful answer's body as a list of `R`.
    func decodeList<R: KubeResource>(_ type: R.Type, _ exchange: KubeExchange) throws(KubeError) -> KubeList<R> {
        let object = try jsonObject(exchange, kinds: R.representation.kinds(of: R.resourceType, list: true))
        do {
            return try KubeList<R>(json: object)
        } catch {
            throw .decoding(exchange.request, error)
        }
    }

    private func jsonObject(_ exchange: KubeExchange, kinds: [String]) throws(KubeError) -> JSONObject {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: exchange.body)
        } catch {
            throw .decoding(exchange.request, .invalidJSON(reason: error.description))
        }
        guard let object = value.objectValue else {
            throw .decoding(exchange.request, .wrongType(field: "(the response)", expected: "an object", found: value.kindName))
        }
        if let found = object["kind"]?.stringValue, !kinds.contains(found) {
            throw .decoding(exchange.request, .unexpectedKind(expected: kinds[0], found: found))
        }
        return object
    }
}
