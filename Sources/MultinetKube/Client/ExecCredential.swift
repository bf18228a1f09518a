import MultinetJSON
import MultinetKubeAPI

/// What an exec credential plugin printed: the `status` of an `ExecCredential`.
struct ExecCredential: Sendable, Equatable {
    /// `status.token`.
    var token: String?
    /// `status.clientCertificateData` (PEM text).
    var clientCertificatePEM: [UInt8]?
    /// `status.clientKeyData` (PEM text).
    var clientKeyPEM: [UInt8]?
    /// `status.expirationTimestamp` in seconds since the epoch; `nil` = valid until rejected.
    var expiration: Double?

    /// Whether the credential has expired at wall-clock time `now`.
    func isExpired(at now: Double) -> Bool {
        guard let expiration else { return false }
        return now >= expiration
    }

    /// Parses a plugin's standard output, which must be an `ExecCredential` of
    /// `apiVersion` carrying a token or a client certificate and key.
    static func parse(_ bytes: [UInt8], apiVersion: String) throws(ExecCredentialError) -> ExecCredential {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes)
        } catch {
            throw .invalidOutput("the output is not JSON (\(error.description))")
        }
        guard let object = value.objectValue else { throw .invalidOutput("the output is not a JSON object") }
        guard object["kind"]?.stringValue == "ExecCredential" else {
            throw .invalidOutput("the output's kind is not ExecCredential")
        }
        let version = object["apiVersion"]?.stringValue ?? ""
        guard version == apiVersion else {
            throw .invalidOutput("the output's apiVersion is \"\(version)\", but the kubeconfig asks for \"\(apiVersion)\"")
        }
        guard let status = object["status"]?.objectValue else { throw .invalidOutput("the output has no status") }
        func string(_ key: String) throws(ExecCredentialError) -> String? {
            guard let value = status[key], value != .null else { return nil }
            guard let text = value.stringValue else { throw .invalidOutput("status.\(key) is not a string") }
            return text.isEmpty ? nil : text
        }
        var credential = ExecCredential()
        credential.token = try string("token")
        credential.clientCertificatePEM = try string("clientCertificateData").map { Array($0.utf8) }
        credential.clientKeyPEM = try string("clientKeyData").map { Array($0.utf8) }
        if let stamp = try string("expirationTimestamp") {
            guard let seconds = RFC3339.secondsSinceEpoch(stamp) else {
                throw .invalidOutput("status.expirationTimestamp \"\(stamp)\" is not an RFC 3339 time")
            }
            credential.expiration = seconds
        }
        switch (credential.clientCertificatePEM, credential.clientKeyPEM) {
        case (nil, nil):
            guard credential.token != nil else {
                throw .invalidOutput("status has neither a token nor clientCertificateData and clientKeyData")
            }
        case (_?, nil): throw .invalidOutput("status has clientCertificateData but no clientKeyData")
        case (nil, _?): throw .invalidOutput("status has clientKeyData but no clientCertificateData")
        case (_?, _?): break
        }
        return credential
    }
}
