extension KubeError {
    /// The error for a response with a non-success status, by HTTP code and `Status.reason`
    /// as client-go classifies them.
    public init(status: KubeStatus, request: KubeRequestDescription) {
        switch (status.code, status.reason) {
        case (_, "AlreadyExists"): self = .alreadyExists(request, status)
        case (_, "Expired"), (410, _): self = .gone(request, status)
        case (_, "Timeout"), (_, "ServerTimeout"), (504, _):
            self = .timeout(request, reason: "the apiserver reported a timeout (\(status))")
        case (404, _), (_, "NotFound"): self = .notFound(request, status)
        case (409, _), (_, "Conflict"): self = .conflict(request, status)
        case (401, _): self = .unauthorized(request, status)
        case (403, _): self = .forbidden(request, status)
        case (422, _): self = .invalid(request, status)
        case (400, _): self = .badRequest(request, status)
        case (429, _): self = .tooManyRequests(request, status)
        case (500...599, _): self = .serverError(request, status)
        default: self = .unexpectedStatus(request, status)
        }
    }
}
